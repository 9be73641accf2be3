/** The content script's size: it is parsed and run in every page the reader opens. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../tests/e2e/harness';

export const CONTENT_SCRIPT = join(EXTENSION_DIR, 'content-scripts/content.js');

export function contentScriptSize(): { bytes: number; gzipBytes: number } {
  const source = readFileSync(CONTENT_SCRIPT);
  return { bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
}
