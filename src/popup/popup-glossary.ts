/**
 * The glossary the popup works with: the bundled entries with the reader's enabled layers on top
 * (the same rule the content script and background use), so search, term lists and exports
 * explain imported terms too. Set once when the popup opens.
 */
import type { GlossaryEntry } from '../core/glossary/schema';
import { mergeEntries } from '../core/glossary/user-layers';
import { bundledGlossary } from '../shared/bundled-glossary';

const bundled = bundledGlossary.entries;
let entries: GlossaryEntry[] = bundled;
let byId = new Map(entries.map((entry) => [entry.id, entry]));

export const bundledGlossaryVersion = bundledGlossary.version;

export function usePopupGlossary(userEntries: readonly GlossaryEntry[]): void {
  entries = mergeEntries(bundled, userEntries);
  byId = new Map(entries.map((entry) => [entry.id, entry]));
}

export function popupEntries(): readonly GlossaryEntry[] {
  return entries;
}

export function popupEntry(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}
