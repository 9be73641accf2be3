/** Command-line arguments of `npm run -s analyze -- [--format json|text] FILE...`. */
import { FORMAT_NAMES, isFormatName, type FormatName } from './formatters';

export interface AnalyzeOptions {
  format: FormatName;
  /** Labels of the md and anki formats. */
  lang: 'en' | 'zh_CN';
  files: string[];
  help: boolean;
}

export const USAGE = `usage: npm run -s analyze -- [--format ${FORMAT_NAMES.join('|')}] [--lang en|zh_CN] FILE...
  Outlines and glossary highlights of .html and .txt files.
  --format json   one export document per file, in an array (default; docs/EXPORT-FORMAT.md)
  --format md     a Markdown term sheet per file, grouped by outline section
  --format csv    one CSV table (UTF-8 with BOM) of every highlight, for spreadsheets and importers
  --format anki   an Anki deck (tab-separated, one note per distinct term)
  --format text   the extracted main text the highlight offsets point into
  --lang          labels of md and anki: en (default) or zh_CN`;

/** Wrong arguments: the usage is printed and the exit code is 2. */
export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): AnalyzeOptions {
  let format: FormatName = 'json';
  let lang: AnalyzeOptions['lang'] = 'en';
  const files: string[] = [];
  let help = false;
  let onlyFiles = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (onlyFiles || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
    } else if (arg === '--') {
      onlyFiles = true;
    } else if (arg === '-h' || arg === '--help') {
      help = true;
    } else if (arg === '--format' || arg === '-f' || arg.startsWith('--format=')) {
      const value = arg.startsWith('--format=') ? arg.slice('--format='.length) : argv[++index];
      if (value === undefined) throw new UsageError(`--format needs a value: ${FORMAT_NAMES.join(', ')}`);
      if (!isFormatName(value)) throw new UsageError(`unknown format "${value}" (expected ${FORMAT_NAMES.join(', ')})`);
      format = value;
    } else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg.startsWith('--lang=') ? arg.slice('--lang='.length) : argv[++index];
      if (value !== 'en' && value !== 'zh_CN') throw new UsageError(`unknown language "${value ?? ''}" (expected en or zh_CN)`);
      lang = value;
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (!help && files.length === 0) throw new UsageError('no input files');
  return { format, lang, files, help };
}
