/**
 * The reader's own highlights on this page: made from the selection (context menu or shortcut),
 * saved with text selectors, found again on every visit, kept in step with storage (the popup edits
 * and deletes them). One that cannot be found again is an orphan: kept in storage, reported to the
 * popup, never silently dropped.
 */
import { anchor, selectorsFor } from '../../core/export/anchoring';
import { t } from '../../shared/i18n';
import { pageKey } from '../../shared/page-key';
import {
  highlightsFor,
  newHighlightId,
  readerHighlightsItem,
  StorageWriteError,
  updateHighlights,
  type ReaderHighlight,
} from '../../shared/reader-highlights';
import type { HighlightLayer } from '../highlight-layer';
import { askForNote } from './note-dialog';
import { showToast } from './toast';
import { PageTextSpace } from './page-text-space';

export class ReaderSession {
  private orphans = new Set<string>();
  private anchored = new Map<string, Range>();

  constructor(
    private readonly uiRoot: HTMLElement,
    private readonly uiHost: Element,
    private readonly layer: HighlightLayer | null,
    signal: AbortSignal,
  ) {
    // Only a change to this page's list is worth re-reading the page for.
    const unwatch = readerHighlightsItem.watch((next, previous) => {
      const key = pageKey(location.href);
      if (JSON.stringify(next?.[key]) !== JSON.stringify(previous?.[key])) void this.restore();
    });
    signal.addEventListener('abort', unwatch);
  }

  get orphanIds(): string[] {
    return [...this.orphans];
  }

  private space(): PageTextSpace {
    return new PageTextSpace(document.body ?? document.documentElement, new Set([this.uiHost]));
  }

  /** Finds every saved highlight of this page again and paints it. */
  async restore(): Promise<void> {
    const saved = await highlightsFor(location.href);
    const space = saved.length > 0 ? this.space() : null;
    this.anchored.clear();
    this.orphans.clear();
    for (const highlight of saved) {
      const found = space ? anchor(space.text, highlight.selectors) : null;
      const range = found && space ? space.rangeOf(found.start, found.end) : null;
      if (range) this.anchored.set(highlight.id, range);
      else this.orphans.add(highlight.id);
    }
    this.layer?.setReader([...this.anchored.values()]);
  }

  /** Highlights the current selection, asking for an optional note. */
  async createFromSelection(): Promise<void> {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      showToast(this.uiRoot, t('reader.noSelection'));
      return;
    }
    const range = selection.getRangeAt(0);
    const space = this.space();
    const start = space.offsetOf(range.startContainer, range.startOffset, false);
    const end = space.offsetOf(range.endContainer, range.endOffset, true);
    if (start === null || end === null || end <= start) {
      showToast(this.uiRoot, t('reader.notReadingText'));
      return;
    }
    const note = await askForNote(this.uiRoot, space.text.slice(start, end), range.getBoundingClientRect());
    if (note === undefined) return;
    const now = new Date().toISOString();
    const highlight: ReaderHighlight = {
      id: newHighlightId(),
      page: pageKey(location.href),
      pageTitle: document.title,
      text: space.text.slice(start, end),
      note,
      selectors: selectorsFor(space.text, start, end),
      createdAt: now,
      updatedAt: now,
    };
    try {
      await updateHighlights(location.href, (list) => [...list, highlight]);
    } catch (error) {
      showToast(this.uiRoot, error instanceof StorageWriteError ? t('reader.saveFailed', error.message) : String(error));
      return;
    }
    selection.removeAllRanges();
    await this.restore();
  }
}
