/**
 * The reader's own highlights and notes, saved per page address in extension storage. Stored as
 * text selectors (quote + position, as Hypothesis does), never as DOM references, so they can be
 * found again after a reload or a small edit of the page. Versioned: a schema change migrates what
 * was saved; nothing is dropped.
 */
import { storage } from '#imports';
import { pageKey } from './page-key';
import { pagesInStore, READER_HIGHLIGHT_PAGES_KEY, READER_HIGHLIGHTS_KEY } from './reader-highlights-key';

export interface TextSelectors {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

export interface ReaderHighlight {
  id: string;
  /** The page address without its #fragment. */
  page: string;
  pageTitle: string;
  text: string;
  note: string | null;
  selectors: TextSelectors;
  createdAt: string;
  updatedAt: string;
}

/** Highlights by page address. */
export type ReaderHighlightStore = Record<string, ReaderHighlight[]>;

export const readerHighlightsItem = storage.defineItem<ReaderHighlightStore>(`local:${READER_HIGHLIGHTS_KEY}`, {
  fallback: {},
  version: 1,
});

/**
 * The page keys that have highlights, for the page probe (reader-highlights-key.ts). Always a
 * superset of the store's pages: a key is added before its page's first highlight is written and
 * removed after its last one goes, so a failed write leaves at most a page too many (the probe then
 * loads the page script for nothing), never one too few. Null until the first change writes it.
 */
export const readerHighlightPagesItem = storage.defineItem<string[] | null>(`local:${READER_HIGHLIGHT_PAGES_KEY}`, {
  fallback: null,
});

export class StorageWriteError extends Error {}

export async function highlightsFor(page: string): Promise<ReaderHighlight[]> {
  const store: unknown = await readerHighlightsItem.getValue();
  if (typeof store !== 'object' || store === null) return [];
  const list = (store as ReaderHighlightStore)[pageKey(page)];
  // Records of the wrong shape are skipped here, not deleted from storage.
  return Array.isArray(list) ? list.filter(isReaderHighlight) : [];
}

/**
 * Read–modify–write of one page's list. A failed write (quota, a closed storage area) throws a
 * StorageWriteError for the UI to report; what was saved before stays as it was.
 */
export async function updateHighlights(
  page: string,
  change: (list: ReaderHighlight[]) => ReaderHighlight[],
): Promise<ReaderHighlight[]> {
  const key = pageKey(page);
  const store = await readerHighlightsItem.getValue();
  // Unreadable data is never overwritten: it may still be recoverable by hand or by a later version.
  if (typeof store !== 'object' || store === null || Array.isArray(store)) {
    throw new StorageWriteError('the saved highlights are unreadable; nothing was changed');
  }
  const current = store[key];
  if (current !== undefined && !Array.isArray(current)) {
    throw new StorageWriteError('the saved highlights of this page are unreadable; nothing was changed');
  }
  const next = change([...(current ?? [])]);
  const updated: ReaderHighlightStore = { ...store };
  if (next.length > 0) updated[key] = next;
  else delete updated[key];
  try {
    const indexed = await readerHighlightPagesItem.getValue();
    const pages = new Set(indexed ?? pagesInStore(store));
    if (next.length > 0 && (indexed === null || !pages.has(key))) {
      pages.add(key);
      await readerHighlightPagesItem.setValue([...pages]);
    }
    await readerHighlightsItem.setValue(updated);
    if (next.length === 0 && (indexed === null || pages.has(key))) {
      pages.delete(key);
      await readerHighlightPagesItem.setValue([...pages]);
    }
  } catch (error) {
    throw new StorageWriteError(error instanceof Error ? error.message : String(error));
  }
  return next;
}

export function newHighlightId(): string {
  return `h-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function isReaderHighlight(value: unknown): value is ReaderHighlight {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<ReaderHighlight>;
  return (
    typeof record.id === 'string' &&
    typeof record.text === 'string' &&
    typeof record.selectors?.quote?.exact === 'string' &&
    typeof record.selectors.position?.start === 'number'
  );
}
