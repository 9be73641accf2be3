/**
 * The glossary the popup works with: the bundled entries with the reader's enabled layers on top
 * (the same rule the content script and background use), so search, term lists and exports
 * explain imported terms too. Set once when the popup opens, before anything is drawn.
 */
import type { GlossaryEntry } from '../core/glossary/schema';
import { mergeEntries } from '../core/glossary/user-layers';
import type { BundledGlossary } from '../shared/bundled-glossary';

let version = '';
let entries: GlossaryEntry[] = [];
let byId = new Map<string, GlossaryEntry>();

export function usePopupGlossary(bundled: BundledGlossary, userEntries: readonly GlossaryEntry[]): void {
  version = bundled.version;
  entries = mergeEntries(bundled.entries, userEntries);
  byId = new Map(entries.map((entry) => [entry.id, entry]));
}

export function bundledGlossaryVersion(): string {
  return version;
}

export function popupEntries(): readonly GlossaryEntry[] {
  return entries;
}

export function popupEntry(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}
