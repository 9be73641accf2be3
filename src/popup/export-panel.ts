/**
 * Export from the popup: the page analysed by its content script (the same analysis the CLI runs
 * on a saved file), the reader's own highlights from storage, the full glossary here → the export
 * document → Markdown, CSV, JSON or Anki, downloaded as a file or copied to the clipboard.
 */
import { bundledGlossaryVersion, popupEntry } from './popup-glossary';
import { exportDocumentFor } from '../core/export/from-analysis';
import { fileNameFor, toAnki, toCsv, toJson, toMarkdown, type ExportDocument } from '../core/export';
import { getLocale, t } from '../shared/i18n';
import { downloadText } from '../shared/download';
import { sendMessage } from '../shared/protocol';
import { highlightsFor } from '../shared/reader-highlights';

const FORMATS = {
  md: { extension: 'md', type: 'text/markdown;charset=utf-8', render: (doc: ExportDocument) => toMarkdown(doc, getLocale()) },
  csv: { extension: 'csv', type: 'text/csv;charset=utf-8', render: (doc: ExportDocument) => toCsv(doc) },
  json: { extension: 'json', type: 'application/json;charset=utf-8', render: (doc: ExportDocument) => toJson(doc) },
  anki: {
    extension: 'txt',
    type: 'text/tab-separated-values;charset=utf-8',
    render: (doc: ExportDocument) => toAnki(doc, getLocale()),
  },
} as const;
type FormatKey = keyof typeof FORMATS;

export async function buildPageExport(tabId: number, orphanIds: ReadonlySet<string>): Promise<ExportDocument> {
  const analysis = await sendMessage('getPageAnalysis', undefined, tabId);
  const readerHighlights = (await highlightsFor(analysis.url)).map((highlight) => ({
    id: highlight.id,
    note: highlight.note,
    createdAt: highlight.createdAt,
    orphan: orphanIds.has(highlight.id),
    selectors: highlight.selectors,
  }));
  return exportDocumentFor(
    analysis,
    popupEntry,
    {
      title: analysis.title,
      url: analysis.url,
      file: null,
      readAt: new Date().toISOString(),
      glossaryVersion: bundledGlossaryVersion,
    },
    readerHighlights,
  );
}

export function buildExportPanel(tabId: number, orphanIds: ReadonlySet<string>): HTMLElement {
  const section = document.createElement('section');
  section.className = 'export';
  const heading = document.createElement('h2');
  heading.textContent = t('export.heading');
  const row = document.createElement('div');
  row.className = 'export-row';
  const label = document.createElement('label');
  label.className = 'visually-hidden';
  label.htmlFor = 'export-format';
  label.textContent = t('export.format');
  const select = document.createElement('select');
  select.id = 'export-format';
  for (const key of Object.keys(FORMATS) as FormatKey[]) {
    const option = document.createElement('option');
    option.value = key;
    option.textContent = t(`export.formats.${key}`);
    select.append(option);
  }
  const download = document.createElement('button');
  download.type = 'button';
  download.className = 'export-download';
  download.textContent = t('export.download');
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'export-copy';
  copy.textContent = t('export.copy');
  const status = document.createElement('p');
  status.className = 'export-status';
  status.setAttribute('role', 'status');
  row.append(label, select, download, copy);
  section.append(heading, row, status);

  const render = async (): Promise<{ text: string; name: string; type: string }> => {
    const format = FORMATS[select.value as FormatKey];
    const doc = await buildPageExport(tabId, orphanIds);
    return { text: format.render(doc), name: fileNameFor(doc.title, doc.readAt, format.extension), type: format.type };
  };
  const run = (action: (file: { text: string; name: string; type: string }) => Promise<void> | void, done: string): void => {
    status.textContent = '';
    void render()
      .then(action)
      .then(() => (status.textContent = done))
      .catch(
        (error: unknown) => (status.textContent = t('export.failed', error instanceof Error ? error.message : String(error))),
      );
  };
  download.addEventListener('click', () => run(({ text, name, type }) => downloadText(name, text, type), t('export.downloaded')));
  copy.addEventListener('click', () => run(({ text }) => navigator.clipboard.writeText(text), t('export.copied')));
  return section;
}
