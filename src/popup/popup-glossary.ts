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
import { loadBundledGlossary } from '../shared/bundled-glossary';

export interface FullGlossary {
  entries: readonly GlossaryEntry[];
  entry: (id: string) => GlossaryEntry | undefined;
}

let version = '';
let userEntries: readonly GlossaryEntry[] = [];
let listEntries: ListEntry[] = [];
let listById = new Map<string, ListEntry>();
let full: FullGlossary | null = null;

export function usePopupGlossary(list: ListGlossary, user: readonly GlossaryEntry[]): void {
  version = list.version;
  userEntries = user;
  listEntries = mergeEntries(list.entries, user.map(toListEntry));
  listById = new Map(listEntries.map((entry) => [entry.id, entry]));
  full = null;
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

/** The full entries (loadBundledGlossary reads the file once, and again after a failed read). */
export async function fullGlossary(): Promise<FullGlossary> {
  if (full) return full;
  const entries = mergeEntries((await loadBundledGlossary()).entries, userEntries);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  full ??= { entries, entry: (id) => byId.get(id) };
  return full;
}
