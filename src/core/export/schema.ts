/**
 * The export document's schema (format "policylens-export", version 1): the single definition of
 * what an export is. Every format (Markdown, CSV, JSON, Anki) is rendered from this document, and a
 * JSON export is re-imported through it. Documented field by field in docs/EXPORT-FORMAT.md.
 *
 * It is a strict superset of the analyze CLI's JSON report ({file, title, outline, highlights[{entryId,
 * term, text, start, end, section, context}]}): fields are only ever added, never renamed, so a reader
 * of the CLI's output reads an export too.
 */
import { z } from 'zod';

import { CATEGORIES } from '../glossary/categories';

export const EXPORT_FORMAT = 'policylens-export';
export const EXPORT_VERSION = 1;

/** UTF-16 offsets into the main text, as String.prototype.slice takes them. */
const offset = z.number().int().min(0);

const isoDateTime = z.iso.datetime({ offset: true });

/** W3C Web Annotation TextQuoteSelector: the quoted text with up to 32 characters either side. */
export const textQuoteSelectorSchema = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

/** W3C Web Annotation TextPositionSelector over the main text. */
export const textPositionSelectorSchema = z
  .object({ start: offset, end: offset })
  .refine((position) => position.end > position.start, { message: 'end must be after start', path: ['end'] });
export type TextPositionSelector = z.infer<typeof textPositionSelectorSchema>;

/** Both selectors, as Hypothesis stores them: the quote survives edits, the position is fast. */
export const selectorsSchema = z.object({
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
});
export type Selectors = z.infer<typeof selectorsSchema>;

export const outlineItemSchema = z.object({
  level: z.number().int().min(1),
  marker: z.string(),
  title: z.string(),
});
export type OutlineItem = z.infer<typeof outlineItemSchema>;

export const glossaryHighlightSchema = z
  .object({
    // The CLI report's fields, unchanged.
    entryId: z.string().min(1),
    term: z.string().min(1),
    text: z.string().min(1),
    start: offset,
    end: offset,
    section: z.array(z.string()),
    context: z.string(),
    // What the export adds: the entry's explanation, so the file stands on its own.
    pinyin: z.string(),
    english: z.string().nullable(),
    summaryZh: z.string(),
    summaryEn: z.string(),
    category: z.enum(CATEGORIES),
    family: z.string().min(1).nullable(),
    selectors: selectorsSchema,
  })
  .refine((highlight) => highlight.end > highlight.start, { message: 'end must be after start', path: ['end'] });
export type GlossaryHighlight = z.infer<typeof glossaryHighlightSchema>;

export const readerHighlightSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  note: z.string().nullable(),
  section: z.array(z.string()),
  context: z.string(),
  createdAt: isoDateTime,
  /** The quote could not be found in the text any more: selectors are the stored ones. */
  orphan: z.boolean(),
  selectors: selectorsSchema,
});
export type ReaderHighlight = z.infer<typeof readerHighlightSchema>;

export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  title: z.string(),
  url: z.string().nullable(),
  file: z.string().nullable(),
  readAt: isoDateTime,
  glossaryVersion: z.string(),
  outline: z.array(outlineItemSchema),
  highlights: z.array(glossaryHighlightSchema),
  readerHighlights: z.array(readerHighlightSchema),
});
export type ExportDocument = z.infer<typeof exportDocumentSchema>;
