/**
 * The reader's own highlights on this page, in the popup: quote, note, whether it was found again;
 * notes are edited in place and highlights deleted here (storage is the one source: the page
 * follows through its storage watcher).
 */
import { t } from '../shared/i18n';
import {
  highlightsFor,
  readerHighlightsItem,
  StorageWriteError,
  updateHighlights,
  type ReaderHighlight,
} from '../shared/reader-highlights';

export function buildReaderList(pageUrl: string, orphanIds: ReadonlySet<string>): HTMLElement {
  const section = document.createElement('section');
  section.className = 'reader';
  const heading = document.createElement('h2');
  heading.textContent = t('reader.heading');
  const list = document.createElement('ul');
  list.className = 'reader-list';
  const error = document.createElement('p');
  error.className = 'error';
  error.setAttribute('role', 'alert');
  section.append(heading, list, error);

  const render = async (): Promise<void> => {
    const highlights = await highlightsFor(pageUrl);
    list.replaceChildren();
    if (highlights.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'message';
      empty.textContent = t('reader.noHighlights');
      list.append(empty);
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
    const item = document.createElement('li');
    item.className = 'reader-item';
    item.dataset.id = highlight.id;
    const quote = document.createElement('blockquote');
    quote.textContent = highlight.text;
    item.append(quote);
    if (orphanIds.has(highlight.id)) {
      const orphan = document.createElement('span');
      orphan.className = 'orphan';
      orphan.textContent = t('reader.orphan');
      item.append(orphan);
    }
    const note = document.createElement('textarea');
    note.className = 'reader-note';
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
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'reader-delete';
    remove.textContent = t('reader.delete');
    remove.addEventListener('click', () => void save((list) => list.filter((h) => h.id !== highlight.id)));
    item.append(note, remove);
    return item;
  };

  void render();
  readerHighlightsItem.watch(() => void render());
  return section;
}
