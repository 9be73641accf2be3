/** Export: the document (schema, builder, re-import), anchoring, and the four formats. Pure. */
export { anchor, positionSelector, quoteSelector, selectorsFor, type TextRange } from './anchoring';
export {
  buildExportDocument,
  type ExportInput,
  type ExportMetadata,
  type GlossaryMatch,
  type PlacedHeading,
  type StoredReaderHighlight,
} from './document';
export { parseExportDocument, type ParseResult } from './parse';
export * from './schema';
export { toAnki } from './formats/anki';
export { toCsv } from './formats/csv';
export { fileNameFor } from './formats/file-name';
export { toJson } from './formats/json';
export { EXPORT_LABELS, type ExportLabels, type ExportLocale } from './formats/labels';
export { toMarkdown } from './formats/markdown';
