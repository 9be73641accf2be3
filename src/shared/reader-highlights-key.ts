/**
 * Where the reader's highlights live in `storage.local`, and the one question the page probe asks of
 * them without the storage library: does this address have any? (The store maps page keys to lists.)
 */
import { pageKey } from './page-key';

export const READER_HIGHLIGHTS_KEY = 'readerHighlights';

export function storeHasHighlightsFor(store: unknown, url: string): boolean {
  if (typeof store !== 'object' || store === null) return false;
  const list = (store as Record<string, unknown>)[pageKey(url)];
  return Array.isArray(list) && list.length > 0;
}
