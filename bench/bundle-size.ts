/**
 * The content scripts' sizes: the page probe is parsed and run in every page the reader opens, the
 * page script in pages with Chinese text (or the reader's own highlights).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../tests/e2e/harness';

export const CONTENT_SCRIPT = join(EXTENSION_DIR, 'content-scripts/content.js');
export const PAGE_PROBE = join(EXTENSION_DIR, 'page-probe.js');

export interface ScriptSize {
  bytes: number;
  gzipBytes: number;
}

function sizeOf(file: string): ScriptSize {
  const source = readFileSync(file);
  return { bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
}

export function contentScriptSize(): ScriptSize & { probe: ScriptSize } {
  return { ...sizeOf(CONTENT_SCRIPT), probe: sizeOf(PAGE_PROBE) };
}
