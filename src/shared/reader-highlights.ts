/**
 * The reader's own highlights and notes, saved per page address in extension storage. Stored as
 * text selectors (quote + position, as Hypothesis does), never as DOM references, so they can be
 * found again after a reload or a small edit of the page. Versioned: a schema change migrates what
 * was saved; nothing is dropped.
 */
import { storage } from '#imports';

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

export const readerHighlightsItem = storage.defineItem<ReaderHighlightStore>('local:readerHighlights', {
  fallback: {},
  version: 1,
});

export function pageKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

export class StorageWriteError extends Error {}

export async function highlightsFor(page: string): Promise<ReaderHighlight[]> {
  const store = await readerHighlightsItem.getValue();
  const list = store[pageKey(page)];
  return Array.isArray(list) ? list : [];
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
  const next = change([...(store[key] ?? [])]);
  const updated: ReaderHighlightStore = { ...store };
  if (next.length > 0) updated[key] = next;
  else delete updated[key];
  try {
    await readerHighlightsItem.setValue(updated);
  } catch (error) {
    throw new StorageWriteError(error instanceof Error ? error.message : String(error));
  }
  return next;
}

export function newHighlightId(): string {
  return `h-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
