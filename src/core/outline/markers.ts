/**
 * Recognises the numbering that opens a block: 一、 （一） 1. （1） ① 第一， 一是 and their
 * full-width / half-width spellings. Only the very start of the block is looked at, so numbers
 * inside a paragraph (…：1．…；2．…), decimals (1.4万亿, 2.5%) and dates (2020.7) never count.
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral, parseDigits } from './chinese-numerals';

/** The numbering families a document can nest; each is one level wherever it is used. */
export type NumberedKind =
  | 'chinese-enumeration' // 一、 一. 一．
  | 'chinese-parenthesized' // （一） (一) ㈠
  | 'digit-enumeration' // 1. 1． 1、 ⒈
  | 'digit-parenthesized' // （1） (1) ⑴
  | 'circled' // ①
  | 'ordinal-di' // 第一、 第一， 第一, 第一。
  | 'ordinal-shi'; // 一是

export interface Marker {
  kind: NumberedKind;
  /** 1 for 一/1/①, 11 for 十一 … */
  ordinal: number;
  /** The marker exactly as written, e.g. '（一）' or '第一,'. */
  text: string;
}

const CN = `[${CHINESE_NUMERAL_CHARS}]{1,3}`;
const DIGITS = '[0-9０-９]{1,3}';
const OPEN = '[（(]';
const CLOSE = '[）)]';

interface MarkerPattern {
  kind: NumberedKind;
  /** Anchored at the start; group 1 is the number. */
  pattern: RegExp;
  parse: (number: string) => number | null;
}

const PATTERNS: readonly MarkerPattern[] = [
  { kind: 'ordinal-di', pattern: new RegExp(`^第(${CN})[、，,。]`), parse: parseChineseNumeral },
  // 是否 ("whether") is a word, not an item: 二是否… never opens a list.
  { kind: 'ordinal-shi', pattern: new RegExp(`^(${CN})是(?!否)`), parse: parseChineseNumeral },
  { kind: 'chinese-enumeration', pattern: new RegExp(`^(${CN})[、.．]`), parse: parseChineseNumeral },
  { kind: 'chinese-parenthesized', pattern: new RegExp(`^${OPEN}(${CN})${CLOSE}`), parse: parseChineseNumeral },
  // A digit right after the dot makes it a decimal or a date (1.4万亿, 2020.7), and 1、2月 is a range.
  { kind: 'digit-enumeration', pattern: new RegExp(`^(${DIGITS})[.．、](?![0-9０-９])`), parse: parseDigits },
  { kind: 'digit-parenthesized', pattern: new RegExp(`^${OPEN}(${DIGITS})${CLOSE}`), parse: parseDigits },
];

/** Single-character markers: Unicode's own enumerated forms. */
const SINGLE_CHARACTER_RANGES: ReadonlyArray<{ kind: NumberedKind; first: number; last: number }> = [
  { kind: 'circled', first: 0x2460, last: 0x2473 }, // ① … ⑳
  { kind: 'digit-parenthesized', first: 0x2474, last: 0x2487 }, // ⑴ … ⒇
  { kind: 'digit-enumeration', first: 0x2488, last: 0x249b }, // ⒈ … ⒛
  { kind: 'chinese-parenthesized', first: 0x3220, last: 0x3229 }, // ㈠ … ㈩
];

/** The marker at the start of `text` (already trimmed of leading white space), or null. */
export function readMarker(text: string): Marker | null {
  const first = text.charCodeAt(0);
  for (const range of SINGLE_CHARACTER_RANGES) {
    if (first >= range.first && first <= range.last) {
      return { kind: range.kind, ordinal: first - range.first + 1, text: text.charAt(0) };
    }
  }
  for (const { kind, pattern, parse } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const ordinal = parse(match[1] ?? '');
    if (ordinal === null || ordinal === 0) continue;
    return { kind, ordinal, text: match[0] };
  }
  return null;
}
