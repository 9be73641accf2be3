import type { ExportDocument } from '../export/schema';
/**
 * The CLI's JSON document: one object per input file. Every output format is rendered from these
 * objects (plus the extracted text for `--format text`), so a new format needs no new analysis.
 */

export interface OutlineItem {
  level: number;
  marker: string;
  title: string;
}

export interface Highlight {
  entryId: string;
  /** The glossary entry's term (its canonical spelling). */
  term: string;
  /** The text as it appears in the document (a variant, a Traditional spelling …). */
  text: string;
  /** UTF-16 offsets into the document's extracted main text. */
  start: number;
  end: number;
  /** The headings containing the highlight, outermost first, as written (marker + title). */
  section: string[];
  /** The sentence around the highlight. */
  context: string;
}

export interface DocumentReport {
  file: string;
  title: string;
  outline: OutlineItem[];
  highlights: Highlight[];
}

export interface FailedReport {
  file: string;
  error: string;
}

/**
 * What the CLI prints per file: the export document (a superset of DocumentReport: every field of
 * the first JSON contract is there, with the same names), or the failure.
 */
export type FileReport = ExportDocument | FailedReport;

/** What a formatter receives for each file: the JSON report and, when analysed, the main text it indexes. */
export interface AnalyzedFile {
  report: FileReport;
  mainText: string | null;
}

export function isFailed(report: FileReport): report is FailedReport {
  return 'error' in report;
}
