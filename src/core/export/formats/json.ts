/** JSON: the document itself, pretty-printed; parseExportDocument reads it back unchanged. */
import type { ExportDocument } from '../schema';

export function toJson(document: ExportDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
