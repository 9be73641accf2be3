/**
 * Anchoring: finding a stored highlight again in a text that may have changed since, from the two
 * selectors Hypothesis stores (W3C Web Annotation TextQuoteSelector + TextPositionSelector). Pure,
 * over a plain string (the main text joined by "\n"); the DOM side maps the result back to nodes.
 *
 * Order of attempts, cheapest and surest first:
 * 1. the stored position, when the text there is still the quote with the same surroundings;
 * 2. every exact occurrence of the quote, ranked by how closely the text beside it matches the
 *    stored prefix and suffix (edit distance, so a typo fixed near the highlight does not matter),
 *    then by closeness to the stored position;
 * 3. a slightly edited quote: the substring with the fewest edits, accepted up to 20% of its length.
 * null means the highlight is an orphan.
 */
import { bestApproximateMatches, costAgainstEnd, costAgainstStart } from './edit-distance';
import type { Selectors, TextPositionSelector, TextQuoteSelector } from './schema';

export interface TextRange {
  start: number;
  end: number;
}

/** Characters of context kept either side of the quote, as Hypothesis does. */
export const QUOTE_CONTEXT_LENGTH = 32;
/** A fuzzy match may differ from the quote by at most this share of the quote's length. */
const MAX_ERROR_RATE = 0.2;
/** Extra characters read beside a candidate, so inserted text near it still aligns. */
const CONTEXT_SLACK = 8;
/**
 * Occurrences whose context is compared (each costs two small edit-distance tables): a one-character
 * quote in a long page can occur tens of thousands of times.
 */
const MAX_CANDIDATES = 2_000;
/**
 * Control characters standing for the start and the end of the text in context comparisons. Not
 * Unicode noncharacters (U+FDD0…): Chrome refuses to load a content script that contains one
 * ("It isn't UTF-8 encoded").
 */
const TEXT_START = '\u0002';
const TEXT_END = '\u0003';
/** Cap on the fuzzy search's table (quote length × text searched): anchoring must never hang a page. */
const MAX_FUZZY_CELLS = 4_000_000;

export function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  return {
    exact: text.slice(start, end),
    prefix: dropLeadingLowSurrogate(text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start)),
    suffix: dropTrailingHighSurrogate(text.slice(end, end + QUOTE_CONTEXT_LENGTH)),
  };
}

export function positionSelector(start: number, end: number): TextPositionSelector {
  return { start, end };
}

export function selectorsFor(text: string, start: number, end: number): Selectors {
  return { quote: quoteSelector(text, start, end), position: positionSelector(start, end) };
}

export function anchor(
  text: string,
  selectors: { quote: TextQuoteSelector; position?: TextPositionSelector | null },
): TextRange | null {
  const { quote } = selectors;
  const hint = selectors.position ?? null;
  if (quote.exact.length === 0) return null;

  if (hint && text.slice(hint.start, hint.end) === quote.exact && contextIsUnchanged(text, hint.start, hint.end, quote)) {
    return { start: hint.start, end: hint.end };
  }

  const occurrences = nearestFirst(exactOccurrences(text, quote.exact), hint).slice(0, MAX_CANDIDATES);
  if (occurrences.length > 0) return bestByContext(text, occurrences, quote, hint);

  return fuzzyAnchor(text, quote, hint);
}

function contextIsUnchanged(text: string, start: number, end: number, quote: TextQuoteSelector): boolean {
  return text.slice(0, start).endsWith(quote.prefix) && text.slice(end).startsWith(quote.suffix);
}

/** Closest to the stored position first (a page rarely moves a highlight far); reading order without one. */
function nearestFirst(candidates: TextRange[], hint: TextPositionSelector | null): TextRange[] {
  if (!hint || candidates.length <= MAX_CANDIDATES) return candidates;
  return candidates.sort((a, b) => Math.abs(a.start - hint.start) - Math.abs(b.start - hint.start));
}

function exactOccurrences(text: string, exact: string): TextRange[] {
  const found: TextRange[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length });
  }
  return found;
}

/**
 * The candidate whose surroundings best match the stored prefix and suffix; ties go to the one
 * nearest the stored position. Each side scores 1 − edits / its length, as Hypothesis weighs them:
 * one wrong character in a one-character suffix is a total mismatch, in a 32-character one a typo.
 */
function bestByContext(
  text: string,
  candidates: readonly TextRange[],
  quote: TextQuoteSelector,
  hint: TextPositionSelector | null,
): TextRange {
  let best = candidates[0]!;
  let bestScore = -Infinity;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const score = contextScore(text, candidate, quote);
    const distance = hint ? Math.abs(candidate.start - hint.start) : candidate.start;
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = candidate;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return { start: best.start, end: best.end };
}

/**
 * From 0 (nothing alike) to 2 (prefix and suffix both unchanged). A context shorter than 32
 * characters means the quote was that close to an end of the text, which is evidence too: the
 * ends are marked with noncharacters (never in real text) on both sides of the comparison.
 */
function contextScore(text: string, candidate: TextRange, quote: TextQuoteSelector): number {
  const prefix = quote.prefix.length < QUOTE_CONTEXT_LENGTH ? TEXT_START + quote.prefix : quote.prefix;
  const suffix = quote.suffix.length < QUOTE_CONTEXT_LENGTH ? quote.suffix + TEXT_END : quote.suffix;
  const from = Math.max(0, candidate.start - prefix.length - CONTEXT_SLACK);
  const to = candidate.end + suffix.length + CONTEXT_SLACK;
  const before = (from === 0 ? TEXT_START : '') + text.slice(from, candidate.start);
  const after = text.slice(candidate.end, to) + (to >= text.length ? TEXT_END : '');
  return similarity(costAgainstEnd(prefix, before), prefix.length) + similarity(costAgainstStart(suffix, after), suffix.length);
}

function similarity(edits: number, length: number): number {
  return length === 0 ? 1 : 1 - edits / length;
}

function fuzzyAnchor(text: string, quote: TextQuoteSelector, hint: TextPositionSelector | null): TextRange | null {
  const maxErrors = Math.floor(quote.exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null;
  const area = searchArea(text.length, quote.exact.length, hint);
  if (!area) return null;
  const matches = bestApproximateMatches(quote.exact, text.slice(area.start, area.end), maxErrors).map((match) => ({
    start: match.start + area.start,
    end: match.end + area.start,
  }));
  const nonEmpty = matches.filter((match) => match.end > match.start);
  return nonEmpty.length > 0 ? bestByContext(text, nonEmpty, quote, hint) : null;
}

/** The whole text when the search is cheap enough; else a window around the stored position, if any. */
function searchArea(textLength: number, quoteLength: number, hint: TextPositionSelector | null): TextRange | null {
  if (textLength * quoteLength <= MAX_FUZZY_CELLS) return { start: 0, end: textLength };
  if (!hint) return null;
  const reach = Math.floor(MAX_FUZZY_CELLS / quoteLength / 2);
  if (reach < quoteLength) return null;
  return { start: Math.max(0, hint.start - reach), end: Math.min(textLength, hint.start + reach) };
}

function dropLeadingLowSurrogate(text: string): string {
  const first = text.charCodeAt(0);
  return first >= 0xdc00 && first <= 0xdfff ? text.slice(1) : text;
}

function dropTrailingHighSurrogate(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}
