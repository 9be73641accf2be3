/**
 * The bundled glossary (about 900 KB of entries), for the popup and the background. It ships as a
 * file of its own (`glossary.json`, added to the build in wxt.config.ts) and is fetched and parsed
 * with `Response.json()` when first needed, not bundled into their scripts: as part of the popup's
 * module it made a 960 KB script that the popup compiled, evaluated and cached on every opening.
 */
import { browser } from 'wxt/browser';
import type { GlossaryEntry } from '../core/glossary/schema';
import { BUNDLED_GLOSSARY_FILE } from './bundled-glossary-file';

export interface BundledGlossary {
  /** Content hash of the bundled data. */
  version: string;
  entries: GlossaryEntry[];
}

let loading: Promise<BundledGlossary> | null = null;

/**
 * The bundled glossary, read once per page or worker. A failed read is not kept: the next call
 * reads the file again (a worker lives on, and one failure must not leave it without details).
 */
export function loadBundledGlossary(): Promise<BundledGlossary> {
  loading ??= fetch(browser.runtime.getURL(`/${BUNDLED_GLOSSARY_FILE}` as '/'))
    .then(async (response) => {
      if (!response.ok) throw new Error(`${BUNDLED_GLOSSARY_FILE}: HTTP ${response.status}`);
      return (await response.json()) as BundledGlossary;
    })
    .catch((error: unknown) => {
      loading = null;
      const reason = error instanceof Error ? error.message : String(error);
      // A file missing from the package fails as a bare "Failed to fetch": name the file.
      throw new Error(reason.includes(BUNDLED_GLOSSARY_FILE) ? reason : `${BUNDLED_GLOSSARY_FILE}: ${reason}`);
    });
  return loading;
}
