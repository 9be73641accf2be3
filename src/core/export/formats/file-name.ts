/**
 * A download's file name from the page title and date ("政府工作报告 2024-03-05.md"), safe on
 * Windows, macOS and Linux and accepted by the browsers' downloads API.
 */

/** Bytes, not characters: file systems cap names at 255 bytes, and a Chinese character is 3 in UTF-8. */
export const MAX_FILE_NAME_BYTES = 180;
const FALLBACK_STEM = 'PolicyLens';

/** Reserved by Windows with any extension (CON.txt is still CON), case-insensitive. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * Characters no name may hold: the separators and wildcards Windows forbids, control characters,
 * and the bidirectional controls that can make "gpj.exe" display as "exe.jpg".
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Half of a surrogate pair on its own is not a character: no file system stores it as written. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function fileNameFor(title: string, date: Date | string | null, extension: string): string {
  const safeExtension = extension.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  const suffix = safeExtension ? `.${safeExtension}` : '';
  const day = isoDay(date);
  const datePart = day ? ` ${day}` : '';
  const budget = MAX_FILE_NAME_BYTES - utf8Length(datePart + suffix);
  let stem = truncateToBytes(cleanTitle(title), budget);
  // Truncation may leave a trailing space or dot: clean again after cutting.
  stem = stem.replace(/[\s.]+$/u, '');
  if (!stem) stem = FALLBACK_STEM;
  let name = `${stem}${datePart}`.replace(/[\s.]+$/u, '');
  if (WINDOWS_RESERVED.test(name.split('.')[0]!.trim())) name = `_${name}`;
  return name + suffix;
}

function cleanTitle(title: string): string {
  return (
    title
      .normalize('NFC')
      .replace(LONE_SURROGATE, ' ')
      .replace(FORBIDDEN, ' ')
      .replace(/\s+/gu, ' ')
      // Leading dots hide a file on macOS and Linux; trailing dots and spaces are dropped by Windows.
      .replace(/^[\s.]+|[\s.]+$/gu, '')
  );
}

/** The day as written when given an ISO string (the reader's own date, not UTC's); else the Date's UTC day. */
function isoDay(date: Date | string | null): string | null {
  if (date === null) return null;
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)) return date.slice(0, 10);
  const parsed = typeof date === 'string' ? new Date(date) : date;
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

/** The longest prefix within `maxBytes` of UTF-8 that ends between whole characters (grapheme clusters). */
function truncateToBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let result = '';
  let used = 0;
  for (const segment of characters(text)) {
    const size = utf8Length(segment);
    if (used + size > maxBytes) break;
    result += segment;
    used += size;
  }
  return result;
}

/** Grapheme clusters (👍🏽 stays whole); code points where Intl.Segmenter is missing (Firefox before 125). */
function characters(text: string): Iterable<string> {
  if (typeof Intl.Segmenter !== 'function') return Array.from(text);
  return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), ({ segment }) => segment);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
