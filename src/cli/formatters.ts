/**
 * Output formats. Each renders the same per-file reports (see report.ts); `md`, `csv` and `anki`
 * are reserved for the export issue and fail clearly until then.
 */
import { isFailed, type AnalyzedFile } from '../core/analysis/report';

export type Formatter = (files: readonly AnalyzedFile[]) => string;

export const FORMAT_NAMES = ['json', 'text', 'md', 'csv', 'anki'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** A format that exists in the interface but is not written yet. */
export class NotImplementedFormatError extends Error {}

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

/** Formats that exist; md, csv and anki are added by the export issue, rendering the same reports. */
const FORMATTERS: Readonly<Partial<Record<FormatName, Formatter>>> = {
  json: formatJson,
  text: formatText,
};

/** The formatter for a format name; throws NotImplementedFormatError for the reserved ones. */
export function formatterFor(name: FormatName): Formatter {
  const formatter = FORMATTERS[name];
  if (!formatter) throw new NotImplementedFormatError(`--format ${name} is not yet implemented (use json or text)`);
  return formatter;
}

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
