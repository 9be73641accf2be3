/** One document → its report: blocks (from HTML via linkedom, or text lines), outline, highlights. */
import { parseHTML } from 'linkedom';
import { detectOutline, textTitle, textToBlocks, type OutlineBlock } from '../core/outline';
import type { TermMatcher } from '../core/matcher/matcher';
import { documentTitle, extractOutlineBlocks } from '../dom/outline-blocks';
import { findHighlights, joinMainText } from '../core/analysis/highlights';
import type { InputDocument } from './read-input';
import type { AnalyzedFile } from '../core/analysis/report';

export function analyzeDocument(file: string, input: InputDocument, matcher: TermMatcher): AnalyzedFile {
  const { title, blocks } = input.kind === 'html' ? readHtml(input.content) : readText(input.content);
  const headings = detectOutline(blocks);
  const mainText = joinMainText(blocks);
  return {
    report: {
      file,
      title,
      outline: headings.map(({ level, marker, title: headingTitle }) => ({ level, marker, title: headingTitle })),
      highlights: findHighlights(blocks, headings, mainText, matcher),
    },
    mainText: mainText.text,
  };
}

function readHtml(content: string): { title: string; blocks: OutlineBlock[] } {
  const { document } = parseHTML(content);
  // The Element references are only for the extension; the report needs the plain blocks.
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
