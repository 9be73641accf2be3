/**
 * Glossary highlights over a document's main text, each placed in its outline section and its
 * sentence. Matching runs block by block, as in the extension: a term never joins across blocks.
 */
import { headingLabel, sectionsByBlock } from '../outline';
import type { Heading, OutlineBlock } from '../outline';
import type { TermMatcher } from '../matcher/matcher';
import type { Highlight } from './report';

export interface MainText {
  text: string;
  /** For each block index: where that block starts in `text`, or -1 when it is not main text. */
  blockStarts: number[];
}

/** The main-content blocks' text joined by "\n": the text that highlight offsets point into. */
export function joinMainText(blocks: readonly OutlineBlock[]): MainText {
  const parts: string[] = [];
  const blockStarts: number[] = [];
  let length = 0;
  for (const block of blocks) {
    if (!block.inMain) {
      blockStarts.push(-1);
      continue;
    }
    if (parts.length > 0) length += 1; // the "\n" before this block
    blockStarts.push(length);
    parts.push(block.text);
    length += block.text.length;
  }
  return { text: parts.join('\n'), blockStarts };
}

export function findHighlights(
  blocks: readonly OutlineBlock[],
  headings: readonly Heading[],
  mainText: MainText,
  matcher: TermMatcher,
): Highlight[] {
  const sections = sectionsByBlock(headings, blocks.length);
  const highlights: Highlight[] = [];
  blocks.forEach((block, index) => {
    const blockStart = mainText.blockStarts[index] ?? -1;
    if (blockStart === -1) return;
    const section = (sections[index] ?? []).map(headingLabel);
    for (const match of matcher.find(block.text)) {
      const entry = matcher.index.entries[match.entry]!;
      highlights.push({
        entryId: entry.id,
        term: entry.term,
        text: block.text.slice(match.start, match.end),
        start: blockStart + match.start,
        end: blockStart + match.end,
        section,
        context: sentenceAround(block.text, match.start, match.end),
      });
    }
  });
  return highlights;
}

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '\n']);
/** A "sentence" longer than this (a page with no punctuation) is cut to a window around the match. */
const MAX_CONTEXT = 200;
const CONTEXT_WINDOW = 80;

/** The sentence holding [start, end): from after the previous 。！？； to its own end mark, included. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.has(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.has(text.charAt(to))) to++;
  if (to < text.length && text.charAt(to) !== '\n') to++;
  if (to - from > MAX_CONTEXT) {
    const windowFrom = Math.max(from, start - CONTEXT_WINDOW);
    const windowTo = Math.min(to, end + CONTEXT_WINDOW);
    return `${windowFrom > from ? '…' : ''}${text.slice(windowFrom, windowTo).trim()}${windowTo < to ? '…' : ''}`;
  }
  return text.slice(from, to).trim();
}
