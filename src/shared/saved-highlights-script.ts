/**
 * The page probe (every http(s) page) never asks extension storage anything on a page without
 * Chinese: that request, the first use of the extension API it needs and the settings watch were
 * about a fifth of what such a page paid for PolicyLens (see src/dom/page-probe.ts). The reader's own highlights can sit on any page, though, so where
 * they saved some a second small script is registered, for those sites only
 * (`saved-highlights-probe.js`, `scripting.registerContentScripts`): it asks whether this address has
 * highlights and, if so, has the page script loaded. The background keeps the registration in step
 * with the index of pages that have highlights.
 */
import { browser } from 'wxt/browser';
import { readerHighlightPagesItem } from './reader-highlights';
import { pagesWithSavedHighlights } from './reader-highlights-key';

export const SAVED_HIGHLIGHTS_SCRIPT_ID = 'policylens-saved-highlights';
export const SAVED_HIGHLIGHTS_SCRIPT_FILE = 'saved-highlights-probe.js';

/** Host names a match pattern takes as they are (IPv6 literals and anything unusual are left out). */
const PLAIN_HOST = /^[a-z0-9.-]+$/;

/**
 * Match patterns for the sites of these page addresses, one per scheme and host, sorted. Match
 * patterns hold no port, so one pattern covers every port of a host
 * (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
 */
export function sitePatterns(pageAddresses: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const address of pageAddresses) {
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      continue;
    }
    if ((url.protocol === 'http:' || url.protocol === 'https:') && PLAIN_HOST.test(url.hostname))
      patterns.add(`${url.protocol}//${url.hostname}/*`);
  }
  return [...patterns].sort();
}

/** Registers, updates or removes the script so it runs exactly on the sites with saved highlights. */
async function syncRegistration(): Promise<void> {
  const matches = sitePatterns(await pagesWithSavedHighlights((key) => browser.storage.local.get(key)));
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [SAVED_HIGHLIGHTS_SCRIPT_ID] });
  if (matches.length === 0) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [SAVED_HIGHLIGHTS_SCRIPT_ID] });
    return;
  }
  if (registered && registered.matches?.join('\n') === matches.join('\n')) return;
  const script = {
    id: SAVED_HIGHLIGHTS_SCRIPT_ID,
    js: [SAVED_HIGHLIGHTS_SCRIPT_FILE],
    matches,
    // As the page probe runs (wxt.config.ts): in every frame, once the document is parsed.
    runAt: 'document_idle' as const,
    allFrames: true,
    // Kept across browser restarts, so it runs before the background has started again.
    persistAcrossSessions: true,
  };
  await (registered ? browser.scripting.updateContentScripts([script]) : browser.scripting.registerContentScripts([script]));
}

/**
 * Keeps the registration in step from now on: once when the background starts (a new version of the
 * extension, or storage changed while it was away) and after each change of the index. One sync at
 * a time, so two quick changes never race to register the same id.
 */
export function keepSavedHighlightsScriptInStep(): void {
  let queue = Promise.resolve();
  const sync = (): void => {
    queue = queue.then(syncRegistration).catch(() => undefined);
  };
  sync();
  readerHighlightPagesItem.watch(sync);
}
