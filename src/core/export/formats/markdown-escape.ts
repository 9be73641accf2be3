/**
 * Page text inside Markdown: every character CommonMark, GFM or Obsidian would read as syntax is
 * backslash-escaped, so a speech that contains `*`, `[[`, `#tag`, `==`, `$` or `%%` reads as
 * written. Backslash escapes are valid before any ASCII punctuation, so escaping a little too much
 * is harmless; escaping too little would turn text into links, tags, math or comments.
 */

/** Inline syntax anywhere in a line: emphasis, code, links, HTML, tags, tables, strikethrough, Obsidian
 * highlights (==), math ($), comments (%%), entities (&). */
const INLINE_SPECIAL = /[\\`*_[\]<>#|~=$%&]/g;

/** At the start of a line: list items ("- ", "+ ", "1. ", "1) "); `*`, `#`, `>`, `=` are already escaped. */
const LIST_MARKER = /^([-+])|^(\d+)([.)])/;

/**
 * One line of page text as Markdown inline content (line breaks become spaces). `atLineStart`:
 * the text opens a line or a list item, where "- " or "1. " would start a (nested) list.
 */
export function escapeMarkdownLine(text: string, atLineStart = true): string {
  const escaped = text.replace(/\r\n|[\r\n]/g, ' ').replace(INLINE_SPECIAL, (char) => `\\${char}`);
  if (!atLineStart) return escaped;
  return escaped.replace(LIST_MARKER, (_, sign: string | undefined, digits: string | undefined, mark: string | undefined) =>
    sign ? `\\${sign}` : `${digits ?? ''}\\${mark ?? ''}`,
  );
}

/** Undoes escapeMarkdownLine (for tests and re-reading): a backslash before ASCII punctuation is dropped. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Page text with `marked` spans in bold; the rest escaped. `marked` must be sorted and not overlap. */
export function markdownWithBold(text: string, marked: ReadonlyArray<{ start: number; end: number }>): string {
  let result = '';
  let at = 0;
  for (const span of marked) {
    result += escapeMarkdownLine(text.slice(at, span.start), at === 0);
    result += bold(text.slice(span.start, span.end));
    at = span.end;
  }
  return result + escapeMarkdownLine(text.slice(at), at === 0);
}

/**
 * `**` only opens and closes beside letters (CommonMark's flanking rules), and Chinese text has no
 * spaces to help: a span that starts or ends with punctuation (“六稳”) would show its asterisks.
 * Obsidian renders inline <b> in those cases.
 */
function bold(text: string): string {
  const escaped = escapeMarkdownLine(text, false);
  return /^[\p{P}\p{S}]|[\p{P}\p{S}]$/u.test(text) ? `<b>${escaped}</b>` : `**${escaped}**`;
}

/** Every occurrence of each needle in `text`, leftmost-longest, not overlapping. */
export function occurrencesOf(text: string, needles: readonly string[]): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const sorted = [...new Set(needles)].filter((needle) => needle.length > 0).sort((a, b) => b.length - a.length);
  let at = 0;
  while (at < text.length) {
    const needle = sorted.find((candidate) => text.startsWith(candidate, at));
    if (needle) {
      spans.push({ start: at, end: at + needle.length });
      at += needle.length;
    } else {
      at++;
    }
  }
  return spans;
}
