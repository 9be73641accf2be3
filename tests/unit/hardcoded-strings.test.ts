/**
 * UI text goes through t(): this finds string literals with words in them assigned to textContent,
 * title, placeholder or aria-label, or passed as the text of the el()/button() helpers, in the
 * code that draws the popup, the options page and the hover card. Literals without letters ('×',
 * ' · ') are fine; so are the few names that are the same in every language (ALLOWED).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const UI_DIRS = ['src/popup', 'src/options', 'src/dom/tooltip', 'src/dom/reader', 'entrypoints/popup', 'entrypoints/options'];
/** File-format names and each language's name for itself. */
const ALLOWED = new Set(['JSON', 'CSV', 'English', '中文']);

const LITERAL = String.raw`('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\x60(?:[^\x60\\]|\\.)*\x60)`;
const PATTERNS = [
  new RegExp(String.raw`\.(?:textContent|innerText|title|placeholder)\s*=\s*` + LITERAL, 'g'),
  new RegExp(String.raw`setAttribute\(\s*'(?:aria-label|title|placeholder|alt)'\s*,\s*` + LITERAL, 'g'),
  // el(tag, className, text) and button(id, text, …): the text argument.
  new RegExp(String.raw`\bel\(\s*'[a-z0-9]+'\s*,\s*(?:'[^']*'|\x60[^\x60]*\x60|undefined)\s*,\s*` + LITERAL, 'g'),
  new RegExp(String.raw`\bbutton\(\s*(?:'[^']*'|\x60[^\x60]*\x60)\s*,\s*` + LITERAL, 'g'),
];
const WORDS = /[A-Za-z\u3400-\u9fff]{2,}/;

export function hardCodedStrings(source: string): string[] {
  const found: string[] = [];
  for (const pattern of PATTERNS) {
    for (const match of source.matchAll(pattern)) {
      const literal = match[1]!;
      // Interpolations are code, not text (a nested template cuts the match short: drop an unclosed one too).
      const text = literal
        .slice(1, -1)
        .replace(/\$\{[^}]*\}/g, '')
        .replace(/\$\{.*$/s, '');
      if (WORDS.test(text) && !ALLOWED.has(text)) found.push(match[0]);
    }
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : /\.ts$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('UI strings', () => {
  it('are found by the scan when hard-coded', () => {
    expect(hardCodedStrings(`a.textContent = 'Hello';`)).toHaveLength(1);
    expect(hardCodedStrings(`b.setAttribute('aria-label', "关闭");`)).toHaveLength(1);
    expect(hardCodedStrings("el('p', 'hint', `Saved ${n} items`)")).toHaveLength(1);
    expect(hardCodedStrings(`button('reset', 'Reset', () => {})`)).toHaveLength(1);
    expect(hardCodedStrings(`a.textContent = t('popup.title'); b.textContent = '×'; el('span', 'x', 'JSON')`)).toEqual([]);
  });

  it('come from t() in the popup, options page and hover card', () => {
    const offenders = UI_DIRS.flatMap(filesUnder).flatMap((file) =>
      hardCodedStrings(readFileSync(join(ROOT, file), 'utf8')).map((hit) => `${file}: ${hit}`),
    );
    expect(offenders).toEqual([]);
  });
});
