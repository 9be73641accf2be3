/**
 * Builds the export document from what the page (or the CLI) already has: the main text, its
 * outline with offsets, the glossary matches, the reader's stored highlights and some metadata.
 * Everything an export format needs is computed here once, so the formats only render.
 */
import type { GlossaryEntry } from '../glossary/schema';
import { anchor, selectorsFor } from './anchoring';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  type GlossaryHighlight,
  type ReaderHighlight,
  type Selectors,
} from './schema';
import { sectionLookup, type PlacedHeading, type SectionLookup } from './section-path';
import { sentenceAround } from './sentence';

export type { PlacedHeading } from './section-path';

/** A glossary match as the matcher reports it, with offsets into the main text. */
export interface GlossaryMatch {
  entryId: string;
  start: number;
  end: number;
}

/** A reader's highlight as stored by the extension. */
export interface StoredReaderHighlight {
  id: string;
  note: string | null;
  /** ISO 8601 date-time. */
  createdAt: string;
  /** The page could not find it when it was last shown. */
  orphan: boolean;
  selectors: Selectors;
}

export interface ExportMetadata {
  title: string;
  url: string | null;
  /** The CLI's input path; null in the extension. */
  file: string | null;
  /** ISO 8601 date-time. */
  readAt: string;
  glossaryVersion: string;
}

export interface ExportInput {
  /** The main text: the main content's blocks joined by "\n". All offsets point into it. */
  mainText: string;
  headings: readonly PlacedHeading[];
  matches: readonly GlossaryMatch[];
  entryById: (id: string) => GlossaryEntry | undefined;
  readerHighlights: readonly StoredReaderHighlight[];
  metadata: ExportMetadata;
}

export function buildExportDocument(input: ExportInput): ExportDocument {
  const { mainText, headings, metadata } = input;
  const sectionAt = sectionLookup(headings);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    title: metadata.title,
    url: metadata.url,
    file: metadata.file,
    readAt: metadata.readAt,
    glossaryVersion: metadata.glossaryVersion,
    outline: [...headings].sort((a, b) => a.start - b.start).map(({ level, marker, title }) => ({ level, marker, title })),
    highlights: [...input.matches]
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((match) => glossaryHighlight(mainText, match, input.entryById, sectionAt)),
    readerHighlights: sortReaderHighlights(
      input.readerHighlights
        // A highlight with no quoted text has nothing to export (and no way to be found again).
        .filter((stored) => stored.selectors.quote.exact.length > 0)
        .map((stored) => readerHighlight(mainText, stored, sectionAt)),
    ),
  };
}

function glossaryHighlight(
  mainText: string,
  match: GlossaryMatch,
  entryById: ExportInput['entryById'],
  sectionAt: SectionLookup,
): GlossaryHighlight {
  const entry = entryById(match.entryId);
  // A match always comes from the glossary it is exported with; anything else is a wiring bug.
  if (!entry) throw new Error(`export: no glossary entry "${match.entryId}" for the match at ${match.start}`);
  if (match.start < 0 || match.end > mainText.length || match.end <= match.start) {
    throw new Error(`export: match of "${match.entryId}" at ${match.start}–${match.end} is outside the main text`);
  }
  return {
    entryId: entry.id,
    term: entry.term,
    text: mainText.slice(match.start, match.end),
    start: match.start,
    end: match.end,
    section: sectionAt(match.start),
    context: sentenceAround(mainText, match.start, match.end),
    pinyin: entry.pinyin,
    english: entry.english[0]?.text ?? null,
    summaryZh: entry.summaryZh,
    summaryEn: entry.summaryEn,
    category: entry.category,
    family: entry.family,
    selectors: selectorsFor(mainText, match.start, match.end),
  };
}

/**
 * Re-anchors the stored selectors in the text being exported: a highlight found there gets fresh
 * selectors, section and sentence; one that is not (or was already an orphan) keeps its stored
 * selectors, no section, and the sentence read from its own stored quote context.
 */
function readerHighlight(mainText: string, stored: StoredReaderHighlight, sectionAt: SectionLookup): ReaderHighlight {
  const found = stored.orphan ? null : anchor(mainText, stored.selectors);
  const common = { id: stored.id, note: stored.note, createdAt: stored.createdAt };
  if (!found) {
    const { prefix, exact, suffix } = stored.selectors.quote;
    return {
      ...common,
      text: exact,
      section: [],
      context: sentenceAround(prefix + exact + suffix, prefix.length, prefix.length + exact.length),
      orphan: true,
      selectors: stored.selectors,
    };
  }
  return {
    ...common,
    text: mainText.slice(found.start, found.end),
    section: sectionAt(found.start),
    context: sentenceAround(mainText, found.start, found.end),
    orphan: false,
    selectors: selectorsFor(mainText, found.start, found.end),
  };
}

/** Reading order; orphans (no place in the text) last, oldest first. */
function sortReaderHighlights(highlights: ReaderHighlight[]): ReaderHighlight[] {
  return highlights.sort((a, b) => {
    if (a.orphan !== b.orphan) return a.orphan ? 1 : -1;
    if (!a.orphan) return a.selectors.position.start - b.selectors.position.start;
    return a.createdAt.localeCompare(b.createdAt);
  });
}
