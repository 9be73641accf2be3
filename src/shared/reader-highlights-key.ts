/**
 * Where the reader's highlights live in `storage.local`, and the one question the page probe asks of
 * them without the storage library: does this address have any? The store maps page keys to lists;
 * beside it, an index of the page keys that have highlights (kept a superset by `updateHighlights`)
 * lets the probe answer without reading every page's highlights on every page load.
 */
import { pageKey } from './page-key';

export const READER_HIGHLIGHTS_KEY = 'readerHighlights';
export const READER_HIGHLIGHT_PAGES_KEY = 'readerHighlightPages';

function storeHasHighlightsFor(store: unknown, url: string): boolean {
  if (typeof store !== 'object' || store === null) return false;
  const list = (store as Record<string, unknown>)[pageKey(url)];
  return Array.isArray(list) && list.length > 0;
}

/**
 * Whether the reader saved highlights on the page at `url`, from the index; from the store itself
 * when there is no index yet (highlights saved before it existed, until the next change writes it).
 */
export async function hasSavedHighlights(get: (key: string) => Promise<Record<string, unknown>>, url: string): Promise<boolean> {
  const pages = (await get(READER_HIGHLIGHT_PAGES_KEY))[READER_HIGHLIGHT_PAGES_KEY];
  if (Array.isArray(pages)) return pages.includes(pageKey(url));
  return storeHasHighlightsFor((await get(READER_HIGHLIGHTS_KEY))[READER_HIGHLIGHTS_KEY], url);
}
