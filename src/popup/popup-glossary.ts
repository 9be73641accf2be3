/**
 * The glossary the popup works with: the bundled entries with the reader's enabled layers on top
 * (the same rule the content script and background use), so search, term lists and exports
 * explain imported terms too. In two steps: the list (list-entry.ts) is set before anything is
 * drawn and is what the page's terms and families are drawn with; the full entries (search, cards,
 * export) are read after that, and whoever needs them waits for them (`fullGlossary`).
 */
import { toListEntry, type ListEntry, type ListGlossary } from '../core/glossary/list-entry';
import type { GlossaryEntry } from '../core/glossary/schema';
import { mergeEntries } from '../core/glossary/user-layers';
import type { BundledGlossary } from '../shared/bundled-glossary';

export interface FullGlossary {
  entries: readonly GlossaryEntry[];
  entry: (id: string) => GlossaryEntry | undefined;
}

let version = '';
let listEntries: ListEntry[] = [];
let listById = new Map<string, ListEntry>();
let full: Promise<FullGlossary> | null = null;
let readFull: (() => Promise<FullGlossary>) | null = null;

/**
 * Sets the list, and how the full entries are read when first asked for (`load` runs at most once
 * successfully; a failed read is tried again on the next ask).
 */
export function usePopupGlossary(
  list: ListGlossary,
  userEntries: readonly GlossaryEntry[],
  load: () => Promise<BundledGlossary>,
): void {
  version = list.version;
  listEntries = mergeEntries(list.entries, userEntries.map(toListEntry));
  listById = new Map(listEntries.map((entry) => [entry.id, entry]));
  full = null;
  readFull = async () => {
    const entries = mergeEntries((await load()).entries, userEntries);
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    return { entries, entry: (id) => byId.get(id) };
  };
}

export function bundledGlossaryVersion(): string {
  return version;
}

export function popupListEntries(): readonly ListEntry[] {
  return listEntries;
}

export function popupListEntry(id: string): ListEntry | undefined {
  return listById.get(id);
}

/** The full entries, read on the first ask. */
export function fullGlossary(): Promise<FullGlossary> {
  if (!readFull) return Promise.reject(new Error('the popup glossary is not set'));
  full ??= readFull().catch((error: unknown) => {
    full = null;
    throw error;
  });
  return full;
}
