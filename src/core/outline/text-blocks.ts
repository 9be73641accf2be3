/**
 * Plain text → blocks, for the CLI's .txt files: one block per non-empty line, all of it main text.
 * Lines holding only white space (U+3000 indents, NBSP) count as empty, so runs of blank lines vanish.
 */
import type { OutlineBlock } from './types';

export function textToBlocks(text: string): OutlineBlock[] {
  const blocks: OutlineBlock[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const kept = line.trimEnd();
    if (!/[^\s\u200b\ufeff]/.test(kept)) continue;
    blocks.push({ text: kept, tag: 'p', headingLevel: null, startsBold: false, inMain: true });
  }
  return blocks;
}

/** A text file's title: its first non-empty line, trimmed. */
export function textTitle(text: string): string {
  return textToBlocks(text)[0]?.text.trim() ?? '';
}
