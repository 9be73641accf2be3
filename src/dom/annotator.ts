/**
 * The annotation pipeline for one document: walk (page-text) → match (core matcher) → render
 * (highlight layer). Work runs in time slices so a long page never blocks the main thread for
 * long; results are kept per block so hover lookups and keyboard navigation are cheap.
 */
import type { TermMatch, TermMatcher } from '../core/matcher/matcher';
import type { MatchIndexEntry } from '../core/matcher/match-index';
import { isInsideSkipped, locate, readBlocks, type TextBlock } from './page-text';
import { liveRange, staticRange } from './ranges';
import type { HighlightLayer } from './highlight-layer';
import { yieldToPage } from './yield';

export interface AnnotatedBlock {
  block: TextBlock;
  matches: TermMatch[];
  ranges: StaticRange[];
}

export interface FoundTerm {
  entry: MatchIndexEntry;
  block: AnnotatedBlock;
  index: number;
  range: StaticRange;
}

/** Budget per slice of work before yielding to the page (well under the 50 ms long-task line). */
const SLICE_MS = 8;

/**
 * At most this many highlighted terms per document; reading stops there and the page report says
 * `capped`. Why: Chromium re-validates every range of the registered highlights whenever one of
 * them changes (about 3 µs a range), and keeps every live Range up to date on each DOM mutation, so
 * the cost of a highlight grows with the total. 10 MB of news (350,000 terms) took paint tasks of
 * over a second. 12,000 covers a 1 MB article dense with terms (the benchmark's holds 10,300) while
 * keeping that cost bounded; a long speech holds a few hundred terms.
 */
export const MAX_HIGHLIGHTS = 12_000;

/** `performance.measure` name of one whole annotation pass (what the benchmark reads). */
export const ANNOTATE_MEASURE = 'policylens:annotate';

export class Annotator {
  /** Annotated blocks, in the order they were read (re-read blocks go to the end). */
  private blocks = new Set<AnnotatedBlock>();
  private readonly nodeToBlock = new WeakMap<Text, { block: AnnotatedBlock; nodeIndex: number }>();
  private generation = 0;
  /** Set when a re-read appended blocks out of document order. */
  private reordered = false;
  private highlightCount = 0;
  /** Some terms were left unhighlighted because the page reached MAX_HIGHLIGHTS. */
  capped = false;

  constructor(
    private readonly matcher: TermMatcher,
    private readonly layer: HighlightLayer,
    private readonly exclude: ReadonlySet<Element>,
    /** Categories the reader switched off in the options are neither highlighted, counted nor hovered. */
    private readonly isCategoryShown: (category: MatchIndexEntry['category']) => boolean = () => true,
  ) {}

  get entries(): readonly MatchIndexEntry[] {
    return this.matcher.index.entries;
  }

  /** Annotates everything under `root`; resolves when all highlights are registered. */
  async annotate(root: Node): Promise<void> {
    const generation = ++this.generation;
    performance.mark(`${ANNOTATE_MEASURE}:start`);
    this.layer.holdRegistration();
    let sliceStart = performance.now();
    // Blocks come lazily from the walk (a `null` is a pause point inside a long stretch without
    // blocks), so neither walking nor matching runs longer than a slice between two yields.
    for (const block of readBlocks(root, { exclude: this.exclude })) {
      if (block) this.addBlock(block);
      if (this.capped) break;
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        if (generation !== this.generation) return;
        sliceStart = performance.now();
      }
    }
    this.layer.releaseRegistration();
    performance.mark(`${ANNOTATE_MEASURE}:end`);
    performance.measure(ANNOTATE_MEASURE, `${ANNOTATE_MEASURE}:start`, `${ANNOTATE_MEASURE}:end`);
  }

  private addBlock(block: TextBlock): void {
    if (this.capped) return;
    let matches = this.matcher.find(block.text).filter((match) => this.isCategoryShown(this.entries[match.entry]!.category));
    if (matches.length === 0) return;
    // Hidden text (display:none menus, collapsed duplicates) is not reading text. Checked only for
    // blocks with matches, as it needs style information.
    const holder = block.nodes[0]!.parentElement;
    if (holder && typeof holder.checkVisibility === 'function' && !holder.checkVisibility()) return;
    if (this.highlightCount + matches.length > MAX_HIGHLIGHTS) {
      matches = matches.slice(0, MAX_HIGHLIGHTS - this.highlightCount);
      this.capped = true;
      if (matches.length === 0) return;
    }
    this.highlightCount += matches.length;
    const annotated: AnnotatedBlock = { block, matches, ranges: [] };
    for (const match of matches) {
      const start = locate(block, match.start);
      const end = locate(block, match.end, true);
      const range = staticRange(start.node, start.offset, end.node, end.offset);
      annotated.ranges.push(range);
      this.layer.add(this.entries[match.entry]!.category, range);
    }
    block.nodes.forEach((node, nodeIndex) => this.nodeToBlock.set(node, { block: annotated, nodeIndex }));
    this.blocks.add(annotated);
  }

  private removeBlock(annotated: AnnotatedBlock): void {
    annotated.matches.forEach((match, index) => this.layer.remove(this.entries[match.entry]!.category, annotated.ranges[index]!));
    for (const node of annotated.block.nodes) {
      if (this.nodeToBlock.get(node)?.block === annotated) this.nodeToBlock.delete(node);
    }
    if (this.blocks.delete(annotated)) this.highlightCount -= annotated.matches.length;
  }

  /**
   * Re-reads only the given block containers after the page changed: their old highlights go, their
   * text is read and matched again; highlights of text that left the page go too.
   */
  async reannotate(containers: Iterable<Element>): Promise<void> {
    const roots = outermost([...containers].filter((element) => element.isConnected && !isInsideSkipped(element, this.exclude)));
    for (const annotated of [...this.blocks]) {
      const { container, nodes } = annotated.block;
      const stale =
        !container.isConnected || nodes.some((node) => !node.isConnected) || roots.some((root) => root.contains(container));
      if (stale) this.removeBlock(annotated);
    }
    let sliceStart = performance.now();
    const generation = this.generation;
    this.reordered = true;
    for (const root of roots) {
      // A container may be the whole body (text added straight into it): read it lazily too.
      for (const block of readBlocks(root, { exclude: this.exclude })) {
        if (block) this.addBlock(block);
        if (this.capped) return;
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          if (generation !== this.generation) return;
          sliceStart = performance.now();
        }
      }
    }
  }

  /** Blocks in document order: the first pass reads them in order; blocks re-read later need sorting. */
  private blocksInOrder(): AnnotatedBlock[] {
    const blocks = [...this.blocks];
    if (this.reordered) {
      blocks.sort(byDocumentOrder);
      this.blocks = new Set(blocks);
      this.reordered = false;
    }
    return blocks;
  }

  /** Removes every highlight and forgets the page (annotation switched off, or page left). */
  clear(): void {
    this.generation++;
    this.layer.clear();
    this.blocks.clear();
    this.highlightCount = 0;
    this.capped = false;
  }

  get matchCount(): number {
    return this.highlightCount;
  }

  /** Per entry: how many times it occurs. */
  countsByEntry(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const block of this.blocks)
      for (const match of block.matches) counts.set(match.entry, (counts.get(match.entry) ?? 0) + 1);
    return counts;
  }

  /**
   * The term at a caret position, if the point (x, y) really lies on it: a caret offset says which
   * character boundary is nearest, so the match's own rectangles decide.
   */
  termAt(node: Node, offset: number, x: number, y: number): FoundTerm | null {
    if (node.nodeType !== Node.TEXT_NODE) return null;
    const owner = this.nodeToBlock.get(node as Text);
    if (!owner) return null;
    const { block, nodeIndex } = owner;
    const position = block.block.starts[nodeIndex]! + offset;
    // Binary search for the last match starting at or before the position (matches are sorted).
    let low = 0;
    let high = block.matches.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (block.matches[mid]!.start <= position) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    for (const index of [found, found - 1]) {
      const match = block.matches[index];
      if (!match || position > match.end) continue;
      const range = block.ranges[index]!;
      if (pointInRange(liveRange(range), x, y)) return { entry: this.entries[match.entry]!, block, index, range };
    }
    return null;
  }

  /** Every highlighted term in reading order, for keyboard navigation. */
  allTerms(): FoundTerm[] {
    const terms: FoundTerm[] = [];
    for (const block of this.blocksInOrder()) {
      block.matches.forEach((match, index) => {
        terms.push({ entry: this.entries[match.entry]!, block, index, range: block.ranges[index]! });
      });
    }
    return terms;
  }
}

/** Blocks never overlap, so ordering them by their first text node orders every term. */
function byDocumentOrder(a: AnnotatedBlock, b: AnnotatedBlock): number {
  const position = a.block.nodes[0]!.compareDocumentPosition(b.block.nodes[0]!);
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
}

/** Drops elements contained in another element of the list. */
function outermost(elements: Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && other.contains(element)));
}

function pointInRange(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}
