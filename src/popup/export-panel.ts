/**
 * Export from the popup: the page analysed by its content script (the same analysis the CLI runs
 * on a saved file), the reader's own highlights from storage, the full glossary here → the export
 * document → Markdown, CSV, JSON or Anki, downloaded as a file or copied to the clipboard.
 */
import { bundledGlossaryVersion, fullGlossary } from './popup-glossary';
import { exportDocumentFor } from '../core/export/from-analysis';
import { fileNameFor, toAnki, toCsv, toJson, toMarkdown, type ExportDocument } from '../core/export';
import { getLocale, t } from '../shared/i18n';
import { el } from '../shared/dom';
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
  const glossary = await fullGlossary();
  return exportDocumentFor(
    analysis,
    glossary.entry,
    {
      title: analysis.title,
      url: analysis.url,
      file: null,
      readAt: new Date().toISOString(),
      glossaryVersion: bundledGlossaryVersion(),
    },
    readerHighlights,
  );
}

export function buildExportPanel(tabId: number, orphanIds: ReadonlySet<string>): HTMLElement {
  const section = el('section', 'export');
  const heading = el('h2', undefined, t('export.heading'));
  const row = el('div', 'export-row');
  const label = el('label', 'visually-hidden', t('export.format'));
  label.htmlFor = 'export-format';
  const select = el('select');
  select.id = 'export-format';
  for (const key of Object.keys(FORMATS) as FormatKey[]) {
    const option = el('option', undefined, t(`export.formats.${key}`));
    option.value = key;
    select.append(option);
  }
  const download = el('button', 'export-download', t('export.download'));
  download.type = 'button';
  const copy = el('button', 'export-copy', t('export.copy'));
  copy.type = 'button';
  const status = el('p', 'export-status');
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
