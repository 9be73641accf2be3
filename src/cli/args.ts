/** Command-line arguments of `npm run -s analyze -- [--format json|text] FILE...`. */
import { FORMAT_NAMES, isFormatName, type FormatName } from './formatters';

export interface AnalyzeOptions {
  format: FormatName;
  files: string[];
  help: boolean;
}

export const USAGE = `usage: npm run -s analyze -- [--format json|text] FILE...
  Outlines and glossary highlights of .html and .txt files.
  --format json   one JSON object per file (default)
  --format text   the extracted main text the highlight offsets point into
  (${FORMAT_NAMES.filter((name) => name !== 'json' && name !== 'text').join(', ')}: not yet implemented)`;

/** Wrong arguments: the usage is printed and the exit code is 2. */
export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): AnalyzeOptions {
  let format: FormatName = 'json';
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
      if (value === undefined) throw new UsageError('--format needs a value: json or text');
      if (!isFormatName(value)) throw new UsageError(`unknown format "${value}" (expected json or text)`);
      format = value;
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (!help && files.length === 0) throw new UsageError('no input files');
  return { format, files, help };
}
