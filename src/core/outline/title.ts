/** Reading a heading's title and the white space around blocks. */

/** White space of every kind a document indents with (U+3000, NBSP, tabs) plus zero-width characters and the BOM. */
const LEADING_SPACE = /^(?:[\s\u200b\u200c\u2060\ufeff]|\u200d)+/;

export function trimLeadingSpace(text: string): string {
  return text.replace(LEADING_SPACE, '');
}

/** Where a title stops: the sentence's end, in either width. A comma or semicolon does not end it. */
const TITLE_END = new Set(['。', '！', '？', '!', '?', '\n', '\r']);

export interface TitleSplit {
  /** The title as written, without the white space around it. */
  title: string;
  /** True when nothing but white space follows the title: the block is a heading line of its own. */
  standsAlone: boolean;
}

/** Splits the text after a marker into its title (up to the first 。！？ or line end) and what follows. */
export function splitTitle(rest: string): TitleSplit {
  const start = rest.length - trimLeadingSpace(rest).length;
  let end = start;
  while (end < rest.length && !TITLE_END.has(rest.charAt(end))) end++;
  const title = rest.slice(start, end).trimEnd();
  // Past the terminator itself (。), only white space may follow for the block to be a heading line.
  let after = end < rest.length && rest.charAt(end) !== '\n' && rest.charAt(end) !== '\r' ? end + 1 : end;
  while (after < rest.length && isSpace(rest.charCodeAt(after))) after++;
  return { title, standsAlone: after >= rest.length };
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 || code === 0x3000 || code === 0xa0 || (code >= 0x09 && code <= 0x0d) || code === 0xfeff || code === 0x200b
  );
}

/** Characters that show a line is running text rather than the tail of a broken heading. */
const PUNCTUATION = /[，,。.、；;：:！!？?“”"（）()《》]/;

/**
 * A heading broken over two lines ("一、总结,我们要" / "客观") continues into the next block only when
 * that block is a short fragment with no punctuation at all: a real paragraph has punctuation.
 */
export function isHeadingContinuation(text: string): boolean {
  const fragment = text.trim();
  return fragment.length > 0 && fragment.length <= MAX_CONTINUATION_LENGTH && !PUNCTUATION.test(fragment);
}

const MAX_CONTINUATION_LENGTH = 12;
