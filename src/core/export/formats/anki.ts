/**
 * Anki: tab-separated notes for File → Import, one per distinct term. Front: the term and its
 * pinyin; back: English rendering, explanation and one sentence from the page with the term in
 * bold; tags: category and family. The header lines are Anki's text-import headers (read by Anki
 * 2.1.55+; older versions skip them as comments), so the file imports without choosing options.
 * With #html:true Anki reads fields as HTML, so all text is escaped and line breaks become <br>.
 */
import type { ExportDocument, GlossaryHighlight } from '../schema';
import type { ExportLocale } from './labels';
import { occurrencesOf } from './markdown-escape';

const HEADER = ['#separator:tab', '#html:true', '#tags column:3'];
const TAG_ROOT = 'policylens';

export function toAnki(document: ExportDocument, locale: ExportLocale = 'en'): string {
  const firstByEntry = new Map<string, GlossaryHighlight>();
  for (const highlight of document.highlights) {
    if (!firstByEntry.has(highlight.entryId)) firstByEntry.set(highlight.entryId, highlight);
  }
  const notes = [...firstByEntry.values()].map((highlight) => noteLine(highlight, locale));
  return `${[...HEADER, ...notes].join('\n')}\n`;
}

function noteLine(highlight: GlossaryHighlight, locale: ExportLocale): string {
  const front = `${escapeHtml(highlight.term)}<br>${escapeHtml(highlight.pinyin)}`;
  const explanation = locale === 'zh_CN' ? highlight.summaryZh : highlight.summaryEn;
  const back = [
    highlight.english ? `<b>${escapeHtml(highlight.english)}</b>` : '',
    escapeHtml(explanation),
    highlight.context ? htmlWithBold(highlight.context, highlight.text) : '',
  ]
    .filter((part) => part.length > 0)
    .join('<br><br>');
  return [front, back, tagsFor(highlight)].map(ankiField).join('\t');
}

/** Anki tags are separated by spaces; "::" makes a hierarchy (policylens::formula). */
function tagsFor(highlight: GlossaryHighlight): string {
  const tags = [`${TAG_ROOT}::${highlight.category}`];
  if (highlight.family) tags.push(`${TAG_ROOT}::family::${highlight.family}`);
  return tags.map((tag) => tag.replace(/\s+/g, '_')).join(' ');
}

/** The sentence with each occurrence of the highlighted text in <b>. */
function htmlWithBold(sentence: string, text: string): string {
  let html = '';
  let at = 0;
  for (const span of occurrencesOf(sentence, [text])) {
    html += `${escapeHtml(sentence.slice(at, span.start))}<b>${escapeHtml(sentence.slice(span.start, span.end))}</b>`;
    at = span.end;
  }
  return html + escapeHtml(sentence.slice(at));
}

/** Text as HTML; line breaks as <br>. Escaping " also keeps Anki's CSV reader from seeing a quoted field. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r\n|[\r\n]/g, '<br>');
}

/**
 * A field that cannot break the line: tabs become spaces (newlines are already <br>), and a line
 * starting with # would be read as a header or comment, so a leading # becomes its entity.
 */
function ankiField(html: string): string {
  return html
    .replace(/\t/g, ' ')
    .replace(/\r\n|[\r\n]/g, '<br>')
    .replace(/^#/, '&#35;');
}
