/**
 * The bundled glossary (about 900 KB of entries), for the popup and the background, and the list
 * the popup draws first (glossary-list.json, see list-entry.ts). Each ships as a file of its own
 * (added to the build in wxt.config.ts) and is fetched and parsed with `Response.json()` when first
 * needed, not bundled into their scripts: as part of the popup's module the glossary made a 960 KB
 * script that the popup compiled, evaluated and cached on every opening.
 */
import { browser } from 'wxt/browser';
import type { ListGlossary } from '../core/glossary/list-entry';
import type { GlossaryEntry } from '../core/glossary/schema';
import { BUNDLED_GLOSSARY_FILE, LIST_GLOSSARY_FILE } from './bundled-glossary-file';

export interface BundledGlossary {
  /** Content hash of the bundled data. */
  version: string;
  entries: GlossaryEntry[];
}

/** The bundled glossary, read once per page or worker (see readOnce). */
export const loadBundledGlossary = readOnce<BundledGlossary>(BUNDLED_GLOSSARY_FILE);

/** The popup's list of the bundled entries, read once per popup (see readOnce). */
export const loadListGlossary = readOnce<ListGlossary>(LIST_GLOSSARY_FILE);

/**
 * A reader of one of the extension's JSON files that shares its first successful read. A failed
 * read is not kept: the next call reads the file again (a worker lives on, and one failure must
 * not leave it without details).
 */
function readOnce<T>(file: string): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= fetch(browser.runtime.getURL(`/${file}` as '/'))
      .then(async (response) => {
        if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
        return (await response.json()) as T;
      })
      .catch((error: unknown) => {
        loading = null;
        const reason = error instanceof Error ? error.message : String(error);
        // A file missing from the package fails as a bare "Failed to fetch": name the file.
        throw new Error(reason.includes(file) ? reason : `${file}: ${reason}`);
      }));
}
