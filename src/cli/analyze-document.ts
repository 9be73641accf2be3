/** One document → its export document: blocks (from HTML via linkedom, or text lines) → analysis. */
import { parseHTML } from 'linkedom';
import { analyzeBlocks } from '../core/analysis/analyze';
import { exportDocumentFor } from '../core/export/from-analysis';
import type { AnalyzedFile } from '../core/analysis/report';
import type { GlossaryEntry } from '../core/glossary/schema';
import type { TermMatcher } from '../core/matcher/matcher';
import { textTitle, textToBlocks, type OutlineBlock } from '../core/outline';
import { documentTitle, extractOutlineBlocks } from '../dom/outline-blocks';
import type { InputDocument } from './read-input';

export interface AnalysisContext {
  matcher: TermMatcher;
  entryById: (id: string) => GlossaryEntry | undefined;
  glossaryVersion: string;
  /** ISO 8601: when the analysis ran (the export's "date read"). */
  readAt: string;
}

export function analyzeDocument(file: string, input: InputDocument, context: AnalysisContext): AnalyzedFile {
  const { title, blocks } = input.kind === 'html' ? readHtml(input.content) : readText(input.content);
  const analysis = analyzeBlocks(blocks, context.matcher);
  return {
    report: exportDocumentFor(analysis, context.entryById, {
      title,
      url: null,
      file,
      readAt: context.readAt,
      glossaryVersion: context.glossaryVersion,
    }),
    mainText: analysis.mainText,
  };
}

function readHtml(content: string): { title: string; blocks: OutlineBlock[] } {
  const { document } = parseHTML(content);
  // The Element references are only for the extension; the analysis needs the plain blocks.
  const blocks = extractOutlineBlocks(document).map(({ text, tag, headingLevel, startsBold, inMain }) => ({
    text,
    tag,
    headingLevel,
    startsBold,
    inMain,
  }));
  return { title: documentTitle(document), blocks };
}

function readText(content: string): { title: string; blocks: OutlineBlock[] } {
  return { title: textTitle(content), blocks: textToBlocks(content) };
}
