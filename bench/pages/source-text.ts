/**
 * The real material the generated Chinese pages are made of: the seed speech's sentences and the
 * glossary's terms (so the pages hold the density of jargon a real policy article has).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchIndex } from '../../src/core/matcher/match-index';
import { ROOT } from '../../tests/e2e/harness';

export const MATCH_INDEX_PATH = join(ROOT, '.generated/match-index.json');

export function loadMatchIndex(): MatchIndex {
  return JSON.parse(readFileSync(MATCH_INDEX_PATH, 'utf8')) as MatchIndex;
}

export interface SourceText {
  /** The seed speech's sentences, each ending in its punctuation. */
  sentences: string[];
  /** Every glossary term (the entries' main forms). */
  terms: string[];
}

export function loadSourceText(index: MatchIndex): SourceText {
  const seed = readFileSync(join(ROOT, 'tests/fixtures/seed-speech.txt'), 'utf8');
  const sentences = seed
    .split('\n')
    .flatMap((paragraph) => paragraph.split(/(?<=[。！？；])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 6);
  return { sentences, terms: index.entries.map((entry) => entry.term) };
}
