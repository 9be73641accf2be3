/**
 * Which blocks could be headings, before the document's numbering is checked: a block of the main
 * text that opens with a marker, an <h1>–<h6>, or a short bold lead sentence.
 */
import { readMarker, type NumberedKind } from './markers';
import { isHeadingContinuation, splitTitle, trimLeadingSpace } from './title';
import type { OutlineBlock } from './types';

/** Numbered kinds count 一, 二, 三 …; headings and bold leads follow each other without numbers. */
export type CandidateKind = NumberedKind | `h${number}` | 'bold';

export interface Candidate {
  block: number;
  kind: CandidateKind;
  /** The number for numbered kinds; null for h-tags and bold leads. */
  ordinal: number | null;
  marker: string;
  title: string;
  /** The block is the heading alone (a heading line), not a heading running into its paragraph. */
  standsAlone: boolean;
}

/** Longer than this, the "title" is a sentence of body text that happens to start with a number. */
const MAX_TITLE_LENGTH = 120;
/** A bold lead longer than this is emphasis inside a paragraph, not a heading. */
const MAX_BOLD_TITLE_LENGTH = 40;

/** Tags whose numbering is not the document's own structure (quoted lists, table rows). */
const NON_STRUCTURAL_TAGS = new Set(['blockquote', 'td', 'th']);

export function findCandidates(blocks: readonly OutlineBlock[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (!block.inMain || NON_STRUCTURAL_TAGS.has(block.tag)) continue;
    const read = readCandidate(blocks, index);
    if (!read) continue;
    candidates.push(read.candidate);
    // A block that finished the previous heading's title is not a heading of its own.
    if (read.consumedNext) index++;
  }
  return dropPageTitle(candidates);
}

function readCandidate(blocks: readonly OutlineBlock[], index: number): { candidate: Candidate; consumedNext: boolean } | null {
  const block = blocks[index]!;
  const text = trimLeadingSpace(block.text);
  if (text.length === 0) return null;
  const marker = readMarker(text);
  const headingLevel =
    block.headingLevel !== null && block.headingLevel >= 1 && block.headingLevel <= 6 ? block.headingLevel : null;
  if (!marker && headingLevel === null && !block.startsBold) return null;

  const markerText = marker?.text ?? '';
  let { title, standsAlone } = splitTitle(text.slice(markerText.length));
  let consumedNext = false;
  const next = blocks[index + 1];
  // Only a plain block of the same kind can hold the rest of a title (never a heading tag or a table cell).
  const nextIsPlainText =
    next !== undefined &&
    next.inMain &&
    next.tag === block.tag &&
    next.headingLevel === null &&
    readMarker(trimLeadingSpace(next.text)) === null;
  if (marker && nextIsPlainText && title === '') {
    // The marker stands alone on its line ("一、" / "总结"): the title is on the next line.
    ({ title } = splitTitle(next.text));
    standsAlone = true;
    consumedNext = true;
  } else if (marker && nextIsPlainText && standsAlone && isHeadingContinuation(next.text)) {
    title += next.text.trim();
    consumedNext = true;
  }
  if (title === '' || title.length > MAX_TITLE_LENGTH) return null;

  const found = (kind: CandidateKind, ordinal: number | null) => ({
    candidate: { block: index, kind, ordinal, marker: markerText, title, standsAlone },
    consumedNext,
  });
  if (marker) return found(marker.kind, marker.ordinal);
  if (headingLevel !== null) return found(`h${headingLevel}`, null);
  // A bold lead: short, and not a salutation or a label ending in a colon (同志们：, 编者按：).
  if (title.length > MAX_BOLD_TITLE_LENGTH || /[：:]$/.test(title)) return null;
  return found('bold', null);
}

/** A page's only unnumbered <h1> is its title (the article's name), not one of its sections. */
function dropPageTitle(candidates: Candidate[]): Candidate[] {
  const pageTitles = candidates.filter((candidate) => candidate.kind === 'h1');
  return pageTitles.length === 1 ? candidates.filter((candidate) => candidate !== pageTitles[0]) : candidates;
}
