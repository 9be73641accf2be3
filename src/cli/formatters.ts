/**
 * Output formats. Each renders the same per-file export documents (src/core/export), so the CLI and
 * the popup's export give the same content for the same document.
 */
import { isFailed, type AnalyzedFile } from '../core/analysis/report';
import { EXPORT_FORMAT, EXPORT_VERSION, toAnki, toCsv, toMarkdown, type ExportDocument, type ExportLocale } from '../core/export';

export type Formatter = (files: readonly AnalyzedFile[]) => string;

export const FORMAT_NAMES = ['json', 'text', 'md', 'csv', 'anki'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

const formatJson: Formatter = (files) =>
  `${JSON.stringify(
    files.map((file) => file.report),
    null,
    2,
  )}\n`;

/** The extracted main text; with several files, each under a "==> file <==" line (as `head` does). */
const formatText: Formatter = (files) => {
  const analysed = files.filter((file) => !isFailed(file.report) && file.mainText !== null);
  if (files.length === 1) return analysed[0] ? `${analysed[0].mainText}\n` : '';
  return analysed.map((file) => `==> ${file.report.file} <==\n${file.mainText}\n`).join('\n');
};

const documents = (files: readonly AnalyzedFile[]): ExportDocument[] =>
  files.flatMap((file) => (isFailed(file.report) ? [] : [file.report]));

/** Markdown: one term sheet per file, separated by a rule. */
const formatMarkdown =
  (locale: ExportLocale): Formatter =>
  (files) =>
    documents(files)
      .map((document) => toMarkdown(document, locale))
      .join('\n\n---\n\n');

/** CSV: one table for all files (one header, one BOM), each row naming its document. */
const formatCsv: Formatter = (files) => {
  const tables = documents(files).map((document) => toCsv(document));
  if (tables.length === 0) return toCsv(emptyDocument());
  const [first, ...rest] = tables;
  return first! + rest.map((table) => table.slice(table.indexOf('\r\n') + 2)).join('');
};

/** Anki: one deck file; a term met in several files is one note (the first file's example). */
const formatAnki =
  (locale: ExportLocale): Formatter =>
  (files) => {
    const seen = new Set<string>();
    let header = '';
    const notes: string[] = [];
    for (const document of documents(files)) {
      for (const line of toAnki(document, locale).split('\n')) {
        if (line.startsWith('#')) {
          if (notes.length === 0 && !header.includes(line)) header += `${line}\n`;
          continue;
        }
        const front = line.split('\t')[0] ?? '';
        if (line === '' || seen.has(front)) continue;
        seen.add(front);
        notes.push(line);
      }
    }
    return header + notes.map((note) => `${note}\n`).join('');
  };

function emptyDocument(): ExportDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    title: '',
    url: null,
    file: null,
    readAt: new Date(0).toISOString(),
    glossaryVersion: '',
    outline: [],
    highlights: [],
    readerHighlights: [],
  };
}

function formattersFor(locale: ExportLocale): Readonly<Record<FormatName, Formatter>> {
  return { json: formatJson, text: formatText, md: formatMarkdown(locale), csv: formatCsv, anki: formatAnki(locale) };
}

/** The formatter for a format name; labels of md and anki in `locale`. */
export function formatterFor(name: FormatName, locale: ExportLocale = 'en'): Formatter {
  return formattersFor(locale)[name];
}

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
