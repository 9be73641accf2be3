/**
 * The sentence around a highlight: what an export shows as its "context". Shared by the analysis
 * (src/core/analysis) and the export, so the extension and the CLI give the same context.
 */

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '\n']);
/** A "sentence" longer than this (a page with no punctuation) is cut to a window around the match. */
const MAX_CONTEXT = 200;
const CONTEXT_WINDOW = 80;

/** The sentence holding [start, end): from after the previous 。！？； to its own end mark, included; trimmed. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.has(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.has(text.charAt(to))) to++;
  if (to < text.length && text.charAt(to) !== '\n') to++;
  if (to - from > MAX_CONTEXT) {
    const windowFrom = Math.max(from, start - CONTEXT_WINDOW);
    const windowTo = Math.min(to, end + CONTEXT_WINDOW);
    return `${windowFrom > from ? '…' : ''}${text.slice(windowFrom, windowTo).trim()}${windowTo < to ? '…' : ''}`;
  }
  return text.slice(from, to).trim();
}
