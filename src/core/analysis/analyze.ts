/**
 * One document's analysis, the same in the extension (blocks read from the live page) and the CLI
 * (blocks from an HTML or text file): outline → main text → glossary matches, then the export
 * document every output format renders. Pure.
 */
import type { GlossaryEntry } from '../glossary/schema';
import type { TermMatcher } from '../matcher/matcher';
import { buildExportDocument, type GlossaryMatch, type PlacedHeading, type StoredReaderHighlight } from '../export/document';
import type { ExportDocument } from '../export/schema';
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

export interface DocumentMetadata {
  title: string;
  url: string | null;
  file: string | null;
  readAt: string;
  glossaryVersion: string;
}

export function exportDocumentFor(
  analysis: PageAnalysis,
  entryById: (id: string) => GlossaryEntry | undefined,
  metadata: DocumentMetadata,
  readerHighlights: readonly StoredReaderHighlight[] = [],
): ExportDocument {
  return buildExportDocument({ ...analysis, entryById, readerHighlights, metadata });
}
