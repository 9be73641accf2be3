/** Shared helpers for the outline tests: blocks from short texts, outlines as readable strings. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { detectOutline, textToBlocks, type Heading, type OutlineBlock } from '../../src/core/outline';
import { extractOutlineBlocks } from '../../src/dom/outline-blocks';

export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

/** One plain paragraph per line, as a .txt file gives them. */
export function lines(...texts: string[]): OutlineBlock[] {
  return textToBlocks(texts.join('\n'));
}

export function block(text: string, overrides: Partial<OutlineBlock> = {}): OutlineBlock {
  return { text, tag: 'p', headingLevel: null, startsBold: false, inMain: true, ...overrides };
}

/** "  (一)title" per heading: two spaces per level below the top. */
export function render(headings: readonly Heading[]): string[] {
  return headings.map((heading) => `${'  '.repeat(heading.level - 1)}${heading.marker}${heading.title}`);
}

export function outlineOfText(text: string): string[] {
  return render(detectOutline(textToBlocks(text)));
}

export function outlineOfHtml(html: string): string[] {
  return render(detectOutline(extractOutlineBlocks(parseHTML(html).document)));
}

/** The seed speech's outline, with its titles exactly as the speech writes them. */
export const SEED_OUTLINE = [
  '一、总结,我们要客观',
  '  (一)经济发展险中有进',
  '  (二)重点工作攻坚有力',
  '  (三)社会事业推进有序',
  '二、目标,我们要完成',
  '  (一)守住底线,做好“保”的文章',
  '  (二)保持定力,做好“稳”的文章',
  '  (三)迎难而上,做好“进”的文章',
  '三、作风,我们要过硬',
  '  第一,全',
  '  第二,精',
  '  第三,实',
];
