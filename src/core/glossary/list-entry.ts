/**
 * What the popup needs of each entry to list the page's terms and their families, shipped as a
 * file of its own (`glossary-list.json`, about a twelfth of the full glossary): the popup draws
 * them from it and parses the full entries (for search, cards and export) only afterwards.
 * Parsing the full 900 KB file before anything was drawn took 40–75 ms of the popup's main thread.
 */
import type { GlossaryEntry } from './schema';

export type ListEntry = Pick<GlossaryEntry, 'id' | 'term' | 'category' | 'family' | 'members'> & {
  /** The first English rendering (what the popup's term list shows), or ''. */
  english: string;
};

export interface ListGlossary {
  /** Content hash of the glossary it was made from (the full glossary's `version`). */
  version: string;
  entries: ListEntry[];
}

export function toListEntry({ id, term, category, family, members, english }: GlossaryEntry): ListEntry {
  return { id, term, category, family, members, english: english[0]?.text ?? '' };
}
