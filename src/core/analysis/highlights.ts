/**
 * Glossary highlights over a document's main text, each placed in its outline section and its
 * sentence. Matching runs block by block, as in the extension: a term never joins across blocks.
 */
import { headingLabel, sectionsByBlock } from '../outline';
import type { Heading, OutlineBlock } from '../outline';
import type { TermMatcher } from '../matcher/matcher';
import type { Highlight } from './report';
import { sentenceAround } from '../export/sentence';

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

export { sentenceAround } from '../export/sentence';
