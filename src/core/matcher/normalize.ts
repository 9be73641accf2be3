/**
 * Folding text into the form the automaton matches. Page text is folded inside the matcher's own
 * scan (matcher.ts), which maps matches back to the original offsets; glossary forms with
 * `normalizeForm`.
 *
 * What folds (so that a term is found however the page writes it):
 * - Traditional characters → the glossary's Simplified ones, through a per-character table built
 *   from OpenCC at build time (only characters that occur in glossary forms, so it stays small);
 * - full-width ASCII (Ａ-Ｚ, ０-９ …) → ASCII;
 * - dropped entirely: white space of every kind (line breaks inside a term in text copied from PDFs,
 *   U+3000 indents), zero-width characters and the soft hyphen, and quotation marks
 *   (“米袋子”省长负责制 matches 米袋子省长负责制).
 * Dropped characters never start or end a match, and every kept character remembers where it came
 * from, so matches always map back to exact offsets in the original text.
 */

/** Characters removed before matching. */
const DROPPED = new Set<number>(
  [
    ...' \t\n\r\f\v\u00a0\u1680\u2028\u2029\u202f\u205f\u3000',
    ...'\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a',
    ...'\u200b\u200c\u200d\u2060\ufeff\u00ad',
    ...'"\'“”‘’「」『』〝〞〟＂＇‹›«»',
  ].map((char) => char.charCodeAt(0)),
);

/**
 * A per-code-unit fold table: 0 = the character stays as it is, DROP = removed, anything else = the
 * character it folds to. Only exceptions are written, so building it costs next to nothing on page
 * load, and normalising is one typed-array load per character.
 */
export type FoldTable = Uint16Array;
export const DROP = 0xffff;

export function buildFoldTable(traditionalPairs: string): FoldTable {
  const table = new Uint16Array(65536);
  // Full-width ASCII variants U+FF01–U+FF5E fold to U+0021–U+007E.
  for (let code = 0xff01; code <= 0xff5e; code++) table[code] = code - 0xfee0;
  for (let i = 0; i + 1 < traditionalPairs.length; i += 2) {
    table[traditionalPairs.charCodeAt(i)] = traditionalPairs.charCodeAt(i + 1);
  }
  for (const code of DROPPED) table[code] = DROP;
  return table;
}

/** Normalises a glossary form the same way page text is, as a string. */
export function normalizeForm(form: string, fold: FoldTable): string {
  let result = '';
  for (let i = 0; i < form.length; i++) {
    const code = form.charCodeAt(i);
    const folded = fold[code]!;
    if (folded !== DROP) result += String.fromCharCode(folded === 0 ? code : folded);
  }
  return result;
}
