/**
 * The reader's own glossaries: reading an imported file (JSON in the bundled schema, or CSV with
 * the columns below) into validated entries, and writing a layer back out. Every problem names the
 * row and the field; a file with any problem yields no entries, so nothing half-read is stored.
 * Pure: the options page and tests run the same code.
 */
import type { z } from 'zod';
import { CATEGORIES, sourceEntrySchema, type GlossaryEntry } from './schema';
import { CsvSyntaxError, readCsv, writeCsv } from './csv-table';

/** Imported files are read whole in the options page and kept in extension storage. */
export const USER_GLOSSARY_LIMITS = {
  /** Per file. chrome.storage.local holds 10 MB in all without the unlimitedStorage permission. */
  maxBytes: 2 * 1024 * 1024,
  maxEntries: 5_000,
  /** Layers kept at once. */
  maxLayers: 10,
  /** More problems than this are summarised rather than listed. */
  maxProblems: 20,
} as const;

/**
 * CSV columns, in the order an export writes them. Only id, term, category, summaryZh and
 * summaryEn are required; list cells (variants, related) take several values separated by `|`.
 */
export const CSV_COLUMNS = [
  'id',
  'term',
  'variants',
  'category',
  'pinyin',
  'summaryZh',
  'summaryEn',
  'english',
  'english_source',
  'english_year',
  'source_title',
  'source_publisher',
  'source_url',
  'source_date',
  'status',
  'note',
  'related',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['id', 'term', 'category', 'summaryZh', 'summaryEn'];

/**
 * The bundled source schema with two things a reader's note may leave out: a source (the bundled
 * glossary must cite one; a reader's own entry is its own source) and a review status.
 */
export const userEntrySchema = sourceEntrySchema.extend({
  sources: sourceEntrySchema.shape.sources.unwrap().array().default([]),
  status: sourceEntrySchema.shape.status.default('verified'),
});

export type ImportProblemKind =
  | 'required'
  | 'oneOf'
  | 'tooShort'
  | 'noMarkup'
  | 'idFormat'
  | 'url'
  | 'date'
  | 'invalid'
  | 'duplicate'
  | 'unknownColumn'
  | 'missingColumn'
  | 'syntax'
  | 'notList'
  | 'empty'
  | 'tooLarge'
  | 'tooMany';

export interface ImportProblem {
  /** 1-based: the CSV line (header = 1) or the position in the JSON list; 0 for the whole file. */
  row: number;
  /** The column or JSON path ('' for the whole file or row). */
  field: string;
  kind: ImportProblemKind;
  /** Allowed values, a limit or a parser message: filled into the problem's message. */
  detail: string;
}

export type ImportResult = { ok: true; entries: GlossaryEntry[] } | { ok: false; problems: ImportProblem[] };

export type GlossaryFileFormat = 'json' | 'csv';

export function formatOf(fileName: string, text: string): GlossaryFileFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) ? 'json' : 'csv';
}

/** Reads one imported file. `sizeBytes` is the file's size as the browser reports it. */
export function readGlossaryFile(
  fileName: string,
  text: string,
  sizeBytes = new TextEncoder().encode(text).length,
): ImportResult {
  if (sizeBytes > USER_GLOSSARY_LIMITS.maxBytes)
    return fail({ row: 0, field: '', kind: 'tooLarge', detail: `${USER_GLOSSARY_LIMITS.maxBytes / 1024 / 1024} MB` });
  const rows = formatOf(fileName, text) === 'json' ? jsonRows(text) : csvRows(text);
  if ('problems' in rows) return { ok: false, problems: rows.problems };
  if (rows.length === 0) return fail({ row: 0, field: '', kind: 'empty', detail: '' });
  if (rows.length > USER_GLOSSARY_LIMITS.maxEntries)
    return fail({ row: 0, field: '', kind: 'tooMany', detail: String(USER_GLOSSARY_LIMITS.maxEntries) });
  return validateRows(rows);
}

interface RawRow {
  row: number;
  data: unknown;
  /** CSV cells are named by their column, JSON by their path. */
  fieldName: (path: readonly PropertyKey[]) => string;
}

function fail(problem: ImportProblem): ImportResult {
  return { ok: false, problems: [problem] };
}

function jsonRows(text: string): RawRow[] | { problems: ImportProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problems: [{ row: 0, field: '', kind: 'syntax', detail: (error as Error).message }] };
  }
  // `npm run -s glossary` prints a list; a whole built glossary ({ entries: [...] }) is accepted too.
  if (data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { entries?: unknown }).entries))
    data = (data as { entries: unknown[] }).entries;
  if (!Array.isArray(data)) return { problems: [{ row: 0, field: '', kind: 'notList', detail: '' }] };
  return data.map((entry, index) => ({
    row: index + 1,
    data: withoutGeneratedVariants(entry),
    fieldName: (path) => path.join('.'),
  }));
}

/** A glossary printed by the CLI carries generated Traditional variants; they are generated, not input. */
function withoutGeneratedVariants(entry: unknown): unknown {
  if (!entry || typeof entry !== 'object' || !Array.isArray((entry as { variants?: unknown }).variants)) return entry;
  const variants = (entry as { variants: Array<{ kind?: unknown }> }).variants;
  return { ...entry, variants: variants.filter((variant) => variant?.kind !== 'traditional') };
}

function csvRows(text: string): RawRow[] | { problems: ImportProblem[] } {
  let records;
  try {
    records = readCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { problems: [{ row: error.line, field: '', kind: 'syntax', detail: '"' }] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { problems: [{ row: 0, field: '', kind: 'empty', detail: '' }] };
  const columns = header.fields.map((name) => name.trim());
  const problems: ImportProblem[] = [];
  columns.forEach((name) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name))
      problems.push({ row: header.line, field: name, kind: 'unknownColumn', detail: CSV_COLUMNS.join(', ') });
  });
  for (const required of REQUIRED_COLUMNS)
    if (!columns.includes(required)) problems.push({ row: header.line, field: required, kind: 'missingColumn', detail: '' });
  if (problems.length > 0) return { problems };
  return body.map((record) => {
    const cells: Partial<Record<CsvColumn, string>> = {};
    columns.forEach((name, index) => {
      const value = undefuse(record.fields[index] ?? '').trim();
      if (value !== '') cells[name as CsvColumn] = value;
    });
    return { row: record.line, data: entryFromCells(cells), fieldName: (path) => columnOf(path) };
  });
}

/** Our CSV export prefixes formula-like cells with ' (see csvCell); reading takes it off again. */
function undefuse(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const list = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);

function entryFromCells(cells: Partial<Record<CsvColumn, string>>): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    id: cells.id,
    term: cells.term,
    variants: list(cells.variants).map((form) => ({ form, kind: 'alias' })),
    category: cells.category,
    summaryZh: cells.summaryZh,
    summaryEn: cells.summaryEn,
    related: list(cells.related),
  };
  if (cells.pinyin) entry.pinyin = cells.pinyin;
  if (cells.status) entry.status = cells.status;
  if (cells.note) entry.note = cells.note;
  if (cells.english)
    entry.english = [{ text: cells.english, source: cells.english_source ?? '—', year: cells.english_year ?? null }];
  if (cells.source_title || cells.source_url || cells.source_publisher)
    entry.sources = [
      {
        title: cells.source_title,
        publisher: cells.source_publisher ?? '—',
        url: cells.source_url,
        date: cells.source_date ?? null,
      },
    ];
  return entry;
}

/** Where a schema path lands in the CSV columns. */
function columnOf(path: readonly PropertyKey[]): string {
  const [head, , leaf] = path.map(String);
  if (head === 'variants') return 'variants';
  if (head === 'english') return leaf === 'source' ? 'english_source' : leaf === 'year' ? 'english_year' : 'english';
  if (head === 'sources') return leaf ? `source_${leaf}` : 'source_title';
  return head ?? '';
}

function validateRows(rows: RawRow[]): ImportResult {
  const problems: ImportProblem[] = [];
  const entries: GlossaryEntry[] = [];
  const ids = new Map<string, number>();
  const terms = new Map<string, number>();
  for (const { row, data, fieldName } of rows) {
    // Duplicates are checked on the raw cells, so a row that also has other problems still counts.
    const raw = (data ?? {}) as { id?: unknown; term?: unknown };
    for (const [key, seen] of [
      ['id', ids],
      ['term', terms],
    ] as const) {
      const value = raw[key];
      if (typeof value !== 'string') continue;
      const first = seen.get(value);
      if (first !== undefined) problems.push({ row, field: fieldName([key]), kind: 'duplicate', detail: String(first) });
      else seen.set(value, row);
    }
    const parsed = userEntrySchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ row, field: fieldName(issue.path), ...describe(issue) });
      continue;
    }
    const entry = parsed.data;
    // No build step runs in the extension: pinyin is what the file gives, Traditional forms are not generated.
    entries.push({ ...entry, pinyin: entry.pinyin ?? '' });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, USER_GLOSSARY_LIMITS.maxProblems) };
  return { ok: true, entries };
}

function describe(issue: z.core.$ZodIssue): Pick<ImportProblem, 'kind' | 'detail'> {
  const message = issue.message;
  if (issue.code === 'invalid_value') return { kind: 'oneOf', detail: issue.values.map(String).join(', ') };
  if (issue.code === 'invalid_type' && issue.input === undefined) return { kind: 'required', detail: '' };
  if (issue.code === 'too_small') return { kind: 'tooShort', detail: String(issue.minimum) };
  if (message.includes('markup')) return { kind: 'noMarkup', detail: '' };
  if (message.startsWith('id:')) return { kind: 'idFormat', detail: '' };
  if (issue.code === 'invalid_format' && issue.format === 'url') return { kind: 'url', detail: '' };
  if (message.includes('http(s)')) return { kind: 'url', detail: '' };
  if (message.startsWith('date')) return { kind: 'date', detail: '' };
  return { kind: 'invalid', detail: message };
}

/** A layer as a JSON list in the bundled source schema (what `npm run -s glossary` prints, minus generated fields). */
export function layerToJson(entries: readonly GlossaryEntry[]): string {
  return `${JSON.stringify(
    entries.map(({ pinyin, ...entry }) => (pinyin ? { ...entry, pinyin } : entry)),
    null,
    2,
  )}\n`;
}

/** A layer as CSV in CSV_COLUMNS. Only the first English rendering and source fit in a row. */
export function layerToCsv(entries: readonly GlossaryEntry[]): string {
  const rows = entries.map((entry) => {
    const english = entry.english[0];
    const source = entry.sources[0];
    const cells: Record<CsvColumn, string> = {
      id: entry.id,
      term: entry.term,
      variants: entry.variants
        .filter((variant) => variant.kind !== 'traditional')
        .map((variant) => variant.form)
        .join('|'),
      category: entry.category,
      pinyin: entry.pinyin,
      summaryZh: entry.summaryZh,
      summaryEn: entry.summaryEn,
      english: english?.text ?? '',
      english_source: english?.source ?? '',
      english_year: english?.year ? String(english.year) : '',
      source_title: source?.title ?? '',
      source_publisher: source?.publisher ?? '',
      source_url: source?.url ?? '',
      source_date: source?.date ?? '',
      status: entry.status,
      note: entry.note ?? '',
      related: entry.related.join('|'),
    };
    return CSV_COLUMNS.map((column) => cells[column]);
  });
  return writeCsv([[...CSV_COLUMNS], ...rows]);
}

export { CATEGORIES };
