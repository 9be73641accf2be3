/**
 * DOM → OutlineBlock[] for one document: the blocks of the page in reading order (p, li, h1–h6,
 * td, a div's own text, each <br>-separated line, each <pre> line), each with the element it came
 * from so the popup can scroll to a heading. Standard DOM API only: runs in the content script and
 * under linkedom in Node (the CLI, the tests).
 */
import type { OutlineBlock } from '../core/outline/types';
import { isBlockElement, isSkippedElement } from './page-text';
import { isElement, isText, tagOf } from './outline/dom-basics';
import { findMainContent, isChrome } from './outline/reading-zones';

export interface ExtractedBlock extends OutlineBlock {
  /** The block element the text came from (for a <br>-separated line, the element holding the lines). */
  element: Element;
}

/** Deeper nesting than this is read as inline text of its block: hostile pages must not overflow the stack. */
const MAX_BLOCK_DEPTH = 200;

interface Context {
  inMain: boolean;
  quoted: boolean;
  depth: number;
}

/** Text collected for one block so far. */
interface Segment {
  parts: string[];
  /** The first text node with visible text: decides startsBold. */
  firstText: Text | null;
}

export function extractOutlineBlocks(document: Document): ExtractedBlock[] {
  const body = document.body ?? document.documentElement;
  if (!body) return [];
  const mainRoot = findMainContent(document);
  const blocks: ExtractedBlock[] = [];

  const readBlock = (owner: Element, context: Context): void => {
    const segment: Segment = { parts: [], firstText: null };
    const flush = (): void => {
      emit(owner, segment, context, blocks);
      segment.parts = [];
      segment.firstText = null;
    };
    const visit = (node: Node): void => {
      if (isText(node)) {
        if (segment.firstText === null && /\S/.test(node.data)) segment.firstText = node;
        segment.parts.push(node.data);
        return;
      }
      if (!isElement(node) || isSkippedElement(node)) return;
      if (tagOf(node) === 'br') return flush();
      if (isBlockElement(node) && context.depth < MAX_BLOCK_DEPTH) {
        flush();
        readBlock(node, childContext(node, context, mainRoot));
        return;
      }
      for (const child of node.childNodes) visit(child);
    };
    for (const child of owner.childNodes) visit(child);
    flush();
  };

  readBlock(body, { inMain: mainRoot === body, quoted: false, depth: 0 });
  return blocks;
}

function childContext(element: Element, parent: Context, mainRoot: Element | null): Context {
  const entersMain = parent.inMain || element === mainRoot;
  return {
    inMain: entersMain && !isChrome(element, mainRoot),
    quoted: parent.quoted || tagOf(element) === 'blockquote',
    depth: parent.depth + 1,
  };
}

function emit(owner: Element, segment: Segment, context: Context, blocks: ExtractedBlock[]): void {
  if (segment.firstText === null) return;
  const raw = segment.parts.join('');
  const tag = tagOf(owner);
  // <pre> keeps its line breaks: each line is a block. Elsewhere white space collapses as rendered.
  const lines = tag === 'pre' ? raw.split(/\r\n|\r|\n/).map((line) => line.trimEnd()) : [collapseWhiteSpace(raw)];
  const headingLevel = /^h[1-6]$/.test(tag) ? Number(tag.slice(1)) : null;
  let startsBold = isBoldText(segment.firstText, owner);
  for (const text of lines) {
    if (!/\S/.test(text)) continue;
    blocks.push({
      text,
      tag: context.quoted ? 'blockquote' : tag,
      headingLevel,
      startsBold,
      inMain: context.inMain,
      element: owner,
    });
    startsBold = false;
  }
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * Collapses source white space the way browsers render it: a run becomes one space, and a line
 * break between two Chinese characters disappears (the source wrapped a heading, the page did not).
 * U+3000 and NBSP are content (indentation) and stay.
 */
function collapseWhiteSpace(text: string): string {
  return text
    .replace(/[ \t\n\r\f]+/g, (run: string, offset: number, whole: string) => {
      const before = whole.charAt(offset - 1);
      const after = whole.charAt(offset + run.length);
      return /[\n\r]/.test(run) && CJK.test(before) && CJK.test(after) ? '' : ' ';
    })
    .replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');
}

const BOLD_TAGS = new Set(['b', 'strong']);

/** Is this text inside <b>/<strong> or an element styled font-weight: bold (or 700 and up), within its block? */
function isBoldText(text: Text, owner: Element): boolean {
  for (let element = text.parentElement; element; element = element.parentElement) {
    if (BOLD_TAGS.has(tagOf(element)) || hasBoldStyle(element)) return true;
    if (element === owner) return false;
  }
  return false;
}

function hasBoldStyle(element: Element): boolean {
  const style = element.getAttribute('style');
  if (!style) return false;
  const match = /font-weight\s*:\s*([a-z0-9]+)/i.exec(style);
  if (!match) return false;
  const weight = match[1]!.toLowerCase();
  return weight === 'bold' || weight === 'bolder' || (/^\d+$/.test(weight) && Number(weight) >= 700);
}

/** A document's title for reports: its <title>, else its first <h1>. */
export function documentTitle(document: Document): string {
  const title = document.querySelector('title')?.textContent ?? '';
  if (title.trim() !== '') return collapseWhiteSpace(title);
  return collapseWhiteSpace(document.querySelector('h1')?.textContent ?? '');
}
