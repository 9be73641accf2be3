import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import glossary from '../../.generated/glossary.json';
import matchIndex from '../../.generated/match-index.json';
import { buildMatchIndex, type MatchIndex } from '../../src/core/matcher/match-index';
import { SEGMENT_BREAK, TermMatcher, withCompiledForms } from '../../src/core/matcher/matcher';
import type { GlossaryEntry } from '../../src/core/glossary/schema';

/** An index as the page gets it: compiled where it was built, then through a message (JSON). */
const overTheWire = (index: MatchIndex): MatchIndex => JSON.parse(JSON.stringify(withCompiledForms(index))) as MatchIndex;

const matchesOf = (matcher: TermMatcher, text: string): number[][] =>
  matcher.find(text).map((match) => [match.start, match.end, match.entry]);

describe('the prebuilt automaton', () => {
  it('finds exactly what a matcher built from the forms finds, for random glossaries and texts', () => {
    // A small alphabet, so that terms overlap, nest and share prefixes and suffixes often.
    const alphabet = ['六', '稳', '保', '大', '穩', ' ', '“', '\n'];
    const word = fc
      .array(fc.constantFrom(...alphabet.slice(0, 4)), { minLength: 1, maxLength: 5 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, fc.option(fc.constantFrom('大', '保'), { nil: undefined })), { minLength: 1, maxLength: 25 }),
        fc.array(fc.constantFrom(...alphabet, SEGMENT_BREAK), { maxLength: 120 }),
        (terms, chars) => {
          const index: MatchIndex = {
            version: 'test',
            foldPairs: '穩稳',
            entries: terms.map(([term, notAfter], i) => ({
              id: `${i}`,
              term,
              category: 'formula',
              family: null,
              boundary: notAfter ? { notAfter } : null,
            })),
            forms: terms.map(([term], i) => [term, i]),
          };
          const text = chars.join('');
          expect(matchesOf(new TermMatcher(overTheWire(index)), text)).toEqual(matchesOf(new TermMatcher(index), text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ships with the bundled index, as compiling the glossary gives it, and finds what building it would', () => {
    const bundled = matchIndex as MatchIndex;
    const built = buildMatchIndex(glossary.entries as GlossaryEntry[], glossary.version, bundled.foldPairs);
    expect(bundled.compiled).toBeDefined();
    expect(bundled.compiled).toEqual(withCompiledForms(built).compiled);
    const speech = readFileSync(new URL('../fixtures/seed-speech.txt', import.meta.url), 'utf8');
    const expected = matchesOf(new TermMatcher(built), speech);
    expect(expected.length).toBeGreaterThan(50);
    expect(matchesOf(new TermMatcher(bundled), speech)).toEqual(expected);
  });
});
