/**
 * How the reader's glossary layers combine with the bundled glossary: enabled layers only, later
 * layers over earlier ones, and an imported entry over a bundled one with the same id or the same
 * term. One rule for the match index (content script), the full entries (background tooltips) and
 * the popup's search. Pure.
 */
import type { MatchIndex } from '../matcher/match-index';
import type { GlossaryEntry } from './schema';

export interface UserGlossaryLayer {
  /** Stable key, made when the layer is imported. */
  id: string;
  /** Shown in the options page: the imported file's name unless the reader renames it. */
  name: string;
  enabled: boolean;
  /** ISO time of the import. */
  importedAt: string;
  entries: GlossaryEntry[];
}

/** The entries of the enabled layers, a later layer's entry replacing an earlier one with the same id or term. */
export function activeUserEntries(layers: readonly UserGlossaryLayer[]): GlossaryEntry[] {
  return layers.filter((layer) => layer.enabled).reduce<GlossaryEntry[]>((merged, layer) => overlay(merged, layer.entries), []);
}

function overlay<T extends { id: string; term: string }>(base: readonly T[], top: readonly T[]): T[] {
  const ids = new Set(top.map((entry) => entry.id));
  const terms = new Set(top.map((entry) => entry.term));
  return [...base.filter((entry) => !ids.has(entry.id) && !terms.has(entry.term)), ...top];
}

/** The bundled entries with the user's on top (full entries, or the popup's list entries). */
export function mergeEntries<T extends { id: string; term: string }>(bundled: readonly T[], user: readonly T[]): T[] {
  return user.length === 0 ? [...bundled] : overlay(bundled, user);
}

/** What the content script needs of an imported entry to match it: kept apart from the full entries. */
export interface UserMatchEntry {
  id: string;
  term: string;
  category: GlossaryEntry['category'];
  family: string | null;
  boundary: GlossaryEntry['boundary'];
  /** The term and its variants. */
  forms: string[];
}

export function toMatchEntries(entries: readonly GlossaryEntry[]): UserMatchEntry[] {
  return entries.map(({ id, term, category, family, boundary, variants }) => ({
    id,
    term,
    category,
    family,
    boundary,
    forms: [...new Set([term, ...variants.map((variant) => variant.form)])],
  }));
}

/**
 * The bundled match index with the user's entries on top. Returns the bundled index itself when
 * there is nothing to add, so the usual start-up path does no work. Imported forms are only the
 * ones the file gives: Traditional spellings fold through the bundled fold table where it has the
 * characters.
 */
export function mergeMatchIndex(bundled: MatchIndex, user: readonly UserMatchEntry[]): MatchIndex {
  if (user.length === 0) return bundled;
  const ids = new Set(user.map((entry) => entry.id));
  const terms = new Set(user.map((entry) => entry.term));
  const renumbered = new Map<number, number>();
  const entries: MatchIndex['entries'] = [];
  bundled.entries.forEach((entry, index) => {
    if (ids.has(entry.id) || terms.has(entry.term)) return;
    renumbered.set(index, entries.length);
    entries.push(entry);
  });
  const forms: MatchIndex['forms'] = [];
  for (const [form, index] of bundled.forms) {
    const next = renumbered.get(index);
    if (next !== undefined) forms.push([form, next]);
  }
  for (const entry of user) {
    const index = entries.length;
    entries.push({ id: entry.id, term: entry.term, category: entry.category, family: entry.family, boundary: entry.boundary });
    for (const form of entry.forms) forms.push([form, index]);
  }
  // Not `compiled`: the bundled automaton is for the bundled forms only (built again for these).
  return { version: `${bundled.version}+user`, foldPairs: bundled.foldPairs, entries, forms };
}
