/**
 * CSV for highlight importers (Readwise's columns first: Highlight, Title, Author, URL, Note,
 * Location, Date), then PolicyLens's own: Term, Entry ID, Section, Kind. One row per highlight,
 * glossary and reader alike. RFC 4180 quoting with CRLF line ends, UTF-8 with a byte-order mark
 * (without it Excel reads UTF-8 as the system code page and the Chinese turns to mojibake).
 */
import type { ExportDocument, GlossaryHighlight, ReaderHighlight } from '../schema';

export const CSV_COLUMNS = [
  'Highlight',
  'Title',
  'Author',
  'URL',
  'Note',
  'Location',
  'Date',
  'Term',
  'Entry ID',
  'Section',
  'Kind',
] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

const BYTE_ORDER_MARK = '\uFEFF';
const SECTION_SEPARATOR = ' › ';

export function toCsv(document: ExportDocument): string {
  const rows = [
    ...document.highlights.map((highlight) => glossaryRow(document, highlight)),
    ...document.readerHighlights.map((highlight) => readerRow(document, highlight)),
  ];
  const lines = [CSV_COLUMNS.map(csvField), ...rows.map((row) => CSV_COLUMNS.map((column) => csvField(neutralise(row[column]))))];
  return BYTE_ORDER_MARK + lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

function glossaryRow(document: ExportDocument, highlight: GlossaryHighlight): CsvRow {
  return {
    ...commonCells(document),
    Highlight: highlight.text,
    Note: highlight.english ? `${highlight.english}: ${highlight.summaryEn}` : highlight.summaryEn,
    Location: String(highlight.start),
    Date: document.readAt,
    Term: highlight.term,
    'Entry ID': highlight.entryId,
    Section: highlight.section.join(SECTION_SEPARATOR),
    Kind: 'glossary',
  };
}

function readerRow(document: ExportDocument, highlight: ReaderHighlight): CsvRow {
  return {
    ...commonCells(document),
    Highlight: highlight.text,
    Note: highlight.note ?? '',
    // An orphan's stored position points at text that is no longer there.
    Location: highlight.orphan ? '' : String(highlight.selectors.position.start),
    Date: highlight.createdAt,
    Term: '',
    'Entry ID': '',
    Section: highlight.section.join(SECTION_SEPARATOR),
    Kind: 'reader',
  };
}

function commonCells(document: ExportDocument): Pick<CsvRow, 'Title' | 'Author' | 'URL'> {
  return { Title: document.title, Author: '', URL: document.url ?? document.file ?? '' };
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV injection (OWASP): a spreadsheet runs a cell starting with = + - @ (or a tab or CR before
 * one) as a formula. Page text is untrusted, so such cells get a leading ' and stay text.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
