/**
 * Reads one input file for the CLI, refusing what it cannot analyse with a message a person can
 * act on: a missing file, a directory, a binary file, text that is not UTF-8, a file over 50 MB.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';

export type InputKind = 'html' | 'text';

export interface InputDocument {
  kind: InputKind;
  content: string;
}

export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

const KIND_BY_EXTENSION: Readonly<Record<string, InputKind>> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text',
};

/** A problem with one input file: reported for that file, the others are still analysed. */
export class InputError extends Error {}

export function readInputFile(path: string): InputDocument {
  const kind = KIND_BY_EXTENSION[extname(path).toLowerCase()];
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new InputError('is a directory, not a file');
    size = stats.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read: ${(error as Error).message}`);
  }
  if (!kind) throw new InputError('unsupported file type (expected .html or .txt)');
  if (size > MAX_INPUT_BYTES) throw new InputError(`file is ${formatMegabytes(size)}, over the 50 MB limit`);
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new InputError('binary file (contains NUL bytes), not text');
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('not valid UTF-8 text (convert it to UTF-8 first, e.g. iconv -f GB18030 -t UTF-8)');
  }
  return { kind, content };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
