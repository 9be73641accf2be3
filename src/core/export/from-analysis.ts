/**
 * The export document of an analysed page or file: what the popup's export and the CLI's formats
 * render. Kept apart from the analysis so the content script, which only analyses, does not bundle
 * the export schema.
 */
import type { PageAnalysis } from '../analysis/analyze';
import type { GlossaryEntry } from '../glossary/schema';
import { buildExportDocument, type StoredReaderHighlight } from './document';
import type { ExportDocument } from './schema';

export interface DocumentMetadata {
  title: string;
  url: string | null;
  file: string | null;
  readAt: string;
  glossaryVersion: string;
}

export function exportDocumentFor(
  analysis: PageAnalysis,
  entryById: (id: string) => GlossaryEntry | undefined,
  metadata: DocumentMetadata,
  readerHighlights: readonly StoredReaderHighlight[] = [],
): ExportDocument {
  return buildExportDocument({ ...analysis, entryById, readerHighlights, metadata });
}
