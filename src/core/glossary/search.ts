/**
 * Glossary search for the popup (fuse.js): by term, any variant (Traditional included), pinyin with
 * or without tones and spaces ("fangguanfu"), and English renderings ("streamline").
 */
import Fuse from 'fuse.js';
import type { GlossaryEntry } from './schema';

interface SearchRecord {
  entry: GlossaryEntry;
  forms: string[];
  pinyinPlain: string;
  pinyinSpaced: string;
  english: string[];
}

export function toneless(pinyin: string): string {
  return pinyin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ü/g, 'v')
    .toLowerCase();
}

export function createGlossarySearch(entries: readonly GlossaryEntry[]): (query: string, limit?: number) => GlossaryEntry[] {
  const records: SearchRecord[] = entries.map((entry) => ({
    entry,
    forms: [entry.term, ...entry.variants.map((variant) => variant.form)],
    pinyinPlain: toneless(entry.pinyin).replace(/[^a-z]/g, ''),
    pinyinSpaced: toneless(entry.pinyin),
    english: [...entry.english.map((english) => english.text), entry.summaryEn],
  }));
  const fuse = new Fuse(records, {
    keys: [
      { name: 'forms', weight: 3 },
      { name: 'pinyinPlain', weight: 2 },
      { name: 'pinyinSpaced', weight: 2 },
      { name: 'english', weight: 1 },
    ],
    threshold: 0.34,
    ignoreLocation: true,
    minMatchCharLength: 1,
  });
  return (query, limit = 20) => {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    const normalized = /[a-zA-Z]/.test(trimmed) && !/\s/.test(trimmed) ? toneless(trimmed) : trimmed;
    return fuse.search(normalized, { limit }).map((result) => result.item.entry);
  };
}
