/**
 * Where the reader's highlights live in `storage.local`, and which pages have any, read without the
 * storage library (the page probes run before it is loaded). The store maps page keys to lists;
 * beside it, an index of the page keys that have highlights (kept a superset by `updateHighlights`)
 * lets the probe answer without reading every page's highlights on every page load.
 */
import { pageKey } from './page-key';

export const READER_HIGHLIGHTS_KEY = 'readerHighlights';
export const READER_HIGHLIGHT_PAGES_KEY = 'readerHighlightPages';

/** Reads a key of `storage.local` (the storage library's or the browser's own `get`). */
export type StorageGet = (key: string) => Promise<Record<string, unknown>>;

/**
 * The page keys that have highlights: the index; the store's pages with a highlight when there is
 * no index yet (highlights saved before it existed, until the next change writes it). The one
 * reading of that rule: the page probes ask it of one address, the background of all of them.
 */
export async function pagesWithSavedHighlights(get: StorageGet): Promise<string[]> {
  const pages = (await get(READER_HIGHLIGHT_PAGES_KEY))[READER_HIGHLIGHT_PAGES_KEY];
  if (Array.isArray(pages)) return pages.filter((page): page is string => typeof page === 'string');
  return pagesInStore((await get(READER_HIGHLIGHTS_KEY))[READER_HIGHLIGHTS_KEY]);
}

/** The page keys of the store (highlights by page key) whose list holds a highlight. */
export function pagesInStore(store: unknown): string[] {
  if (typeof store !== 'object' || store === null) return [];
  return Object.entries(store).flatMap(([page, list]) => (Array.isArray(list) && list.length > 0 ? [page] : []));
}

/** Whether the reader saved highlights on the page at `url` (see pagesWithSavedHighlights). */
export async function hasSavedHighlights(get: StorageGet, url: string): Promise<boolean> {
  return (await pagesWithSavedHighlights(get)).includes(pageKey(url));
}
