/**
 * Re-import: a JSON export back into a validated document, or an error a reader can act on
 * ("highlights[3].start: …"), never a half-read document.
 */
import { EXPORT_FORMAT, EXPORT_VERSION, exportDocumentSchema, type ExportDocument } from './schema';

export type ParseResult = { ok: true; document: ExportDocument } | { ok: false; error: string };

export function parseExportDocument(json: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  const header = readHeader(value);
  if (header) return { ok: false, error: header };

  const parsed = exportDocumentSchema.safeParse(value);
  if (parsed.success) return { ok: true, document: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, error: 'invalid export document' };
  return { ok: false, error: `${fieldPath(issue.path) || '(document)'}: ${issue.message}` };
}

/** Checks format and version first, so a file from elsewhere or from a newer PolicyLens says so plainly. */
function readHeader(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '(document): expected a JSON object';
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== EXPORT_FORMAT) return `format: expected "${EXPORT_FORMAT}", found ${JSON.stringify(format) ?? 'nothing'}`;
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    return `version: ${version} was written by a newer PolicyLens; this one reads version ${EXPORT_VERSION}`;
  }
  return null;
}

/** ['highlights', 3, 'start'] → 'highlights[3].start' */
function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((joined, key) => {
    if (typeof key === 'number') return `${joined}[${key}]`;
    return joined ? `${joined}.${String(key)}` : String(key);
  }, '');
}
