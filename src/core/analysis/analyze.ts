/**
 * One document's analysis, the same in the extension (blocks read from the live page) and the CLI
 * (blocks from an HTML or text file): outline → main text → glossary matches. The export document
 * is built from it by src/core/export/from-analysis.ts. Pure.
 */
import type { TermMatcher } from '../matcher/matcher';
import type { GlossaryMatch, PlacedHeading } from '../export/document';
import { detectOutline, type OutlineBlock } from '../outline';
import { findHighlights, joinMainText } from './highlights';

export interface PageAnalysis {
  /** The main content's blocks joined by "\n": every offset points into it. */
  mainText: string;
  headings: PlacedHeading[];
  matches: GlossaryMatch[];
}

export function analyzeBlocks(blocks: readonly OutlineBlock[], matcher: TermMatcher): PageAnalysis {
  const headings = detectOutline(blocks);
  const main = joinMainText(blocks);
  return {
    mainText: main.text,
    headings: headings.flatMap(({ level, marker, title, block }) => {
      const start = main.blockStarts[block] ?? -1;
      return start === -1 ? [] : [{ level, marker, title, start }];
    }),
    matches: findHighlights(blocks, headings, main, matcher).map(({ entryId, start, end }) => ({ entryId, start, end })),
  };
}
