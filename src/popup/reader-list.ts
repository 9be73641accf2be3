/**
 * The reader's own highlights on this page, in the popup: quote, note, whether it was found again;
 * notes are edited in place and highlights deleted here (storage is the one source: the page
 * follows through its storage watcher).
 */
import { el } from '../shared/dom';
import { t } from '../shared/i18n';
import {
  highlightsFor,
  readerHighlightsItem,
  StorageWriteError,
  updateHighlights,
  type ReaderHighlight,
} from '../shared/reader-highlights';

export function buildReaderList(pageUrl: string, orphanIds: ReadonlySet<string>): HTMLElement {
  const section = el('section', 'reader');
  const heading = el('h2', undefined, t('reader.heading'));
  const list = el('ul', 'reader-list');
  const error = el('p', 'error');
  error.setAttribute('role', 'alert');
  section.append(heading, list, error);

  const render = async (): Promise<void> => {
    const highlights = await highlightsFor(pageUrl);
    list.replaceChildren();
    if (highlights.length === 0) {
      list.append(el('li', 'message', t('reader.noHighlights')));
    }
    for (const highlight of highlights) list.append(buildItem(highlight));
  };

  const save = async (change: (list: ReaderHighlight[]) => ReaderHighlight[]): Promise<void> => {
    error.textContent = '';
    try {
      await updateHighlights(pageUrl, change);
    } catch (failure) {
      error.textContent = failure instanceof StorageWriteError ? t('reader.saveFailed', failure.message) : String(failure);
    }
  };

  const buildItem = (highlight: ReaderHighlight): HTMLLIElement => {
    const item = el('li', 'reader-item');
    item.dataset.id = highlight.id;
    item.append(el('blockquote', undefined, highlight.text));
    if (orphanIds.has(highlight.id)) item.append(el('span', 'orphan', t('reader.orphan')));
    const note = el('textarea', 'reader-note');
    note.rows = 2;
    note.value = highlight.note ?? '';
    note.placeholder = t('reader.noteLabel');
    note.setAttribute('aria-label', t('reader.edit'));
    note.addEventListener('change', () => {
      const text = note.value.trim();
      void save((list) =>
        list.map((h) =>
          h.id === highlight.id ? { ...h, note: text === '' ? null : text, updatedAt: new Date().toISOString() } : h,
        ),
      );
    });
    const remove = el('button', 'reader-delete', t('reader.delete'));
    remove.type = 'button';
    remove.addEventListener('click', () => void save((list) => list.filter((h) => h.id !== highlight.id)));
    item.append(note, remove);
    return item;
  };

  void render();
  readerHighlightsItem.watch(() => void render());
  return section;
}
