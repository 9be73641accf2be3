/**
 * The compact glossary the content script matches with: only what matching and highlighting need.
 * The background holds it and hands it to a content script once its page has Chinese text.
 * Built from the full glossary at build time (scripts/build-glossary.ts); the tooltip's details
 * come from the full entries, which stay out of the page's hot start-up path.
 */
import type { Category } from '../glossary/categories';
import type { GlossaryEntry } from '../glossary/schema';
import type { AutomatonTables } from './aho-corasick';

export interface MatchIndexEntry {
  id: string;
  term: string;
  category: Category;
  family: string | null;
  boundary: { notAfter?: string | undefined; notBefore?: string | undefined; needsFamily?: boolean | undefined } | null;
}

export interface MatchIndex {
  /** Content hash of the glossary, recorded in exports. */
  version: string;
  /** Traditional→Simplified character pairs, concatenated ("穩稳發发…"). */
  foldPairs: string;
  entries: MatchIndexEntry[];
  /** Every form to look for (term and variants), with its entry's index. */
  forms: Array<[form: string, entry: number]>;
  /**
   * The automaton over `forms`, prebuilt (withCompiledForms in matcher.ts): a page loads it instead
   * of building it. Absent, the matcher builds it. Must be dropped when `forms` or `entries` change.
   */
  compiled?: CompiledForms;
}

/** A matcher's automaton and its pattern → entry table, as plain data (see AutomatonTables). */
export interface CompiledForms {
  automaton: AutomatonTables;
  patternEntry: number[];
}

export function buildMatchIndex(entries: readonly GlossaryEntry[], version: string, foldPairs: string): MatchIndex {
  return {
    version,
    foldPairs,
    entries: entries.map(({ id, term, category, family, boundary }) => ({ id, term, category, family, boundary })),
    forms: entries.flatMap((entry, index) =>
      [entry.term, ...entry.variants.map((variant) => variant.form)].map((form): [string, number] => [form, index]),
    ),
  };
}
