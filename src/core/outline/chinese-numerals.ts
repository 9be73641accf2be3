/**
 * Ordinals as outlines write them: Chinese numerals 一 … 九十九 and ASCII or full-width digits.
 * Anything else (十十, 二二, 百) is not an ordinal, so it is never a marker.
 */

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters a Chinese ordinal is made of (for building marker patterns). */
export const CHINESE_NUMERAL_CHARS = '一二三四五六七八九十';

/** 一 → 1, 十一 → 11, 二十 → 20, 九十九 → 99; null for anything that is not a well-formed numeral. */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0 || text.length > 3) return null;
  const tenAt = text.indexOf('十');
  if (tenAt === -1) return text.length === 1 ? (DIGIT_VALUES[text] ?? null) : null;
  if (text.indexOf('十', tenAt + 1) !== -1) return null;
  const before = text.slice(0, tenAt);
  const after = text.slice(tenAt + 1);
  const tens = before === '' ? 1 : (DIGIT_VALUES[before] ?? null);
  const ones = after === '' ? 0 : (DIGIT_VALUES[after] ?? null);
  if (tens === null || ones === null) return null;
  // 一十 is not how anyone numbers a section: only 十 … 十九, 二十 … 九十九.
  if (before === '一') return null;
  return tens * 10 + ones;
}

/** '12' or '１２' → 12; null when not all digits or absurdly long. */
export function parseDigits(text: string): number | null {
  if (text.length === 0 || text.length > 3) return null;
  let value = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    const digit = code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0xff10 && code <= 0xff19 ? code - 0xff10 : -1;
    if (digit < 0) return null;
    value = value * 10 + digit;
  }
  return value;
}
