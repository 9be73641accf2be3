/**
 * Markdown: a term sheet for a notes app (written with Obsidian in mind). The title and where the
 * text came from; then, section by section in the speech's own outline, each term once with its
 * pinyin, English rendering, explanation and the sentences where it occurs; then the reader's
 * own highlights and notes. All page text is escaped (see markdown-escape.ts).
 */
import type { ExportDocument, GlossaryHighlight, OutlineItem, ReaderHighlight } from '../schema';
import { EXPORT_LABELS, type ExportLabels, type ExportLocale } from './labels';
import { escapeMarkdownLine, markdownWithBold, occurrencesOf } from './markdown-escape';

/** The title is #; sections start at ##, and anything deeper than #### stays at ####. */
const DEEPEST_HEADING = 4;

export function toMarkdown(document: ExportDocument, locale: ExportLocale, labels: ExportLabels = EXPORT_LABELS[locale]): string {
  const title = `# ${escapeMarkdownLine(document.title.trim() || labels.untitled, false)}`;
  const blocks: string[] = [title, metadataLine(document, labels)];
  for (const section of sectionsWithTerms(document.outline, document.highlights)) {
    blocks.push(sectionHeading(section, labels));
    blocks.push(...termBlocks(section.highlights, locale));
  }
  if (document.readerHighlights.length > 0) {
    blocks.push(`## ${escapeMarkdownLine(labels.readerHighlights, false)}`);
    blocks.push(...document.readerHighlights.map((highlight) => readerHighlightBlock(highlight, labels)));
  }
  return `${blocks.join('\n\n')}\n`;
}

function metadataLine(document: ExportDocument, labels: ExportLabels): string {
  const parts: string[] = [];
  const field = (label: string, value: string) => `${escapeMarkdownLine(label)}${labels.colon}${value}`;
  if (document.url) parts.push(field(labels.address, markdownUrl(document.url)));
  if (document.file) parts.push(field(labels.file, escapeMarkdownLine(document.file, false)));
  parts.push(field(labels.dateRead, document.readAt.slice(0, 10)));
  parts.push(field(labels.glossaryVersion, escapeMarkdownLine(document.glossaryVersion, false)));
  return parts.join(' · ');
}

/** A web address as an autolink; anything that is not a plain http(s) address is shown as text. */
function markdownUrl(url: string): string {
  if (/^https?:\/\/[^\s<>]+$/i.test(url)) return `<${url}>`;
  return escapeMarkdownLine(url, false);
}

interface Section {
  /** Null for the terms before the first heading. */
  heading: OutlineItem | null;
  /** For a section the outline does not list (an edited import): its path, shown as one heading. */
  path: readonly string[];
  highlights: GlossaryHighlight[];
}

/**
 * The outline's sections, in order, that hold terms or contain a section that does (so the
 * nesting stays visible); terms before the first heading come first.
 */
function sectionsWithTerms(outline: readonly OutlineItem[], highlights: readonly GlossaryHighlight[]): Section[] {
  const byPath = new Map<string, GlossaryHighlight[]>();
  for (const highlight of highlights) {
    const key = pathKey(highlight.section);
    const group = byPath.get(key);
    if (group) group.push(highlight);
    else byPath.set(key, [highlight]);
  }

  const sections: Section[] = [];
  const before = byPath.get(pathKey([]));
  if (before) sections.push({ heading: null, path: [], highlights: before });
  byPath.delete(pathKey([]));

  // Walk the outline as the document builder did, so each heading gets the same path as its highlights.
  const headingSections: Array<Section & { needed: boolean }> = [];
  let open: Array<{ item: OutlineItem; index: number }> = [];
  outline.forEach((item, index) => {
    open = [...open.filter((outer) => outer.item.level < item.level), { item, index }];
    const path = open.map((placed) => placed.item.marker + placed.item.title);
    const key = pathKey(path);
    const own = byPath.get(key) ?? [];
    byPath.delete(key);
    headingSections.push({ heading: item, path, highlights: own, needed: false });
    if (own.length > 0) for (const placed of open) headingSections[placed.index]!.needed = true;
  });
  sections.push(...headingSections.filter((section) => section.needed));

  // Paths the outline does not have: keep their terms rather than drop them.
  for (const group of byPath.values()) sections.push({ heading: null, path: group[0]!.section, highlights: group });
  return sections;
}

function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

function sectionHeading(section: Section, labels: ExportLabels): string {
  if (section.heading) {
    const depth = Math.min(DEEPEST_HEADING, section.heading.level + 1);
    return `${'#'.repeat(depth)} ${escapeMarkdownLine(section.heading.marker + section.heading.title, false)}`;
  }
  if (section.path.length === 0) return `## ${escapeMarkdownLine(labels.beforeFirstSection, false)}`;
  return `## ${escapeMarkdownLine(section.path.join(' › '), false)}`;
}

/** Each term once: its line, its explanation, then its sentences (each sentence once). */
function termBlocks(highlights: readonly GlossaryHighlight[], locale: ExportLocale): string[] {
  const byEntry = new Map<string, GlossaryHighlight[]>();
  for (const highlight of highlights) {
    const group = byEntry.get(highlight.entryId);
    if (group) group.push(highlight);
    else byEntry.set(highlight.entryId, [highlight]);
  }
  return [...byEntry.values()].flatMap((occurrences) => {
    const first = occurrences[0]!;
    const heading = [`**${escapeMarkdownLine(first.term, false)}**`, escapeMarkdownLine(first.pinyin, false)];
    if (first.english) heading.push(`*${escapeMarkdownLine(first.english, false)}*`);
    const explanation = locale === 'zh_CN' ? first.summaryZh : first.summaryEn;
    const forms = occurrences.map((occurrence) => occurrence.text);
    const sentences = [...new Set(occurrences.map((occurrence) => occurrence.context))]
      .filter((sentence) => sentence.trim().length > 0)
      .map((sentence) => `- ${markdownWithBold(sentence, occurrencesOf(sentence, forms))}`);
    return [heading.join(' · '), escapeMarkdownLine(explanation), ...(sentences.length > 0 ? [sentences.join('\n')] : [])];
  });
}

/** The quote as a blockquote (line by line), then where it is and the reader's note. */
function readerHighlightBlock(highlight: ReaderHighlight, labels: ExportLabels): string {
  const quote = splitLines(highlight.text)
    .map((line) => (line.trim() ? `> ${escapeMarkdownLine(line.trim())}` : '>'))
    .join('\n');
  const lines = [quote];
  const where = highlight.orphan ? labels.orphan : highlight.section.join(' › ');
  if (where) lines.push(`*${escapeMarkdownLine(where, false)}*`);
  if (highlight.note?.trim()) {
    const note = splitLines(highlight.note.trim())
      .map((line) => escapeMarkdownLine(line.trim()))
      .join('\\\n');
    lines.push(`**${escapeMarkdownLine(labels.note, false)}${labels.colon.trim()}** ${note}`);
  }
  return lines.join('\n\n');
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n]/);
}
