/**
 * The annotation pipeline for one document: read (page-text, chunk by chunk) → match (core matcher,
 * one call per chunk) → render (highlight layer). Work runs in time slices so a long page never
 * blocks the main thread for long; results are kept per matched block so hover lookups, keyboard
 * navigation and re-reading changed blocks are cheap.
 */
import type { TermMatch, TermMatcher } from '../core/matcher/matcher';
import type { MatchIndexEntry } from '../core/matcher/match-index';
import { isInsideSkipped, PageTextReader, textNodesOf, type TextChunk } from './page-text';
import { isValidRange, liveRange, staticRange } from './ranges';
import type { HighlightLayer } from './highlight-layer';
import { HighlightWindow, WINDOW_ABOVE_RANGES } from './highlight-window';
import { yieldToPage } from './yield';

/**
 * A block with highlighted terms: its block element, its matches (offsets in the text it was read
 * in) and their ranges. It keeps no text nodes beyond its terms' ends: on an element-heavy page,
 * holding every node of every matched block kept hundreds of thousands of wrappers alive through
 * each garbage collection. A caret position is placed among its ranges by comparing points.
 *
 * Ranges are made when first asked for: on a page with a highlight window most blocks are never
 * near the viewport, and a StaticRange costs about 1 µs, a fifth of the annotation's work on the
 * benchmark's article. Until then each term is kept as its two boundary points.
 */
export class AnnotatedBlock {
  private made: StaticRange[] | null = null;

  constructor(
    readonly container: Element,
    /**
     * The text of a block walked node by node (its container may hold more); null for a block read
     * whole, whose text is its container's. (Keeping the chunk's text for every block kept all the
     * page's text alive: about 700 KB of the benchmark article's heap. A walked block's slice still
     * holds its chunk's text; such blocks are few on most pages.)
     */
    private readonly walkedText: string | null,
    /** Where the block lies in the chunk text it was read in (its matches' offsets are the chunk's). */
    private readonly start: number,
    private readonly end: number,
    readonly matches: TermMatch[],
    /**
     * Each term's boundary points (start node, start offset, end node, end offset), until its ranges
     * are made; null for a block read whole, which finds them in its container when first needed.
     */
    private points: Array<Node | number> | null,
  ) {}

  get ranges(): readonly StaticRange[] {
    if (!this.made) {
      const points = this.boundaryPoints();
      const made: StaticRange[] = [];
      for (let i = 0; i < points.length; i += 4) {
        made.push(staticRange(points[i] as Node, points[i + 1] as number, points[i + 2] as Node, points[i + 3] as number));
      }
      this.made = made;
      this.points = null;
    }
    return this.made;
  }

  /** Where term `index` starts, without making ranges. */
  startOf(index: number): { node: Node; offset: number } {
    if (this.made) return { node: this.made[index]!.startContainer, offset: this.made[index]!.startOffset };
    const points = this.boundaryPoints();
    return { node: points[index * 4] as Node, offset: points[index * 4 + 1] as number };
  }

  /** Whether its terms' nodes are still to be found (a block read whole, not yet registered, hovered or counted). */
  get nodesPending(): boolean {
    return this.points === null && !this.made;
  }

  /** A node at or before the block's text, for ordering blocks (which never overlap) without finding their terms' nodes. */
  get anchor(): Node {
    return this.nodesPending ? this.container : this.startOf(0).node;
  }

  /** Whether its ranges exist (only then can they be registered). */
  get hasRanges(): boolean {
    return this.made !== null;
  }

  /** The block's text (the tooltip reads it to tell senses apart): for a block read whole, as the page holds it now. */
  get text(): string {
    return this.walkedText ?? this.container.textContent ?? '';
  }

  /** Whether text it highlights left the page or changed length under it. */
  isDetached(): boolean {
    if (!this.container.isConnected) return true;
    if (this.made) return this.made.some((range) => !isValidRange(range));
    // A block read whole whose nodes were never looked for: the page watcher re-reads its container when its text changes.
    if (!this.points) return false;
    const points = this.points;
    for (let i = 0; i < points.length; i += 2) {
      const node = points[i] as Node;
      if (!node.isConnected || (node.nodeType === Node.TEXT_NODE && (points[i + 1] as number) > (node as Text).length))
        return true;
    }
    return false;
  }

  private boundaryPoints(): Array<Node | number> {
    this.points ??= pointsInElement(this.container, this.matches, this.start, this.end - this.start);
    return this.points;
  }
}

/**
 * The terms' boundary points in a block read whole, found by walking its container's text nodes.
 * If the text changed since it was read (the page watcher will read it again), every term gets an
 * empty range at the container's start: it highlights nothing, and the indexes stay aligned.
 */
function pointsInElement(
  container: Element,
  matches: readonly TermMatch[],
  offset: number,
  length: number,
): Array<Node | number> {
  const { nodes, starts } = textNodesOf(container);
  const last = nodes.length - 1;
  if (last < 0 || starts[last]! + nodes[last]!.length !== length) {
    const empty: Array<Node | number> = [];
    for (let i = 0; i < matches.length; i++) empty.push(container, 0, container, 0);
    return empty;
  }
  return boundaryPointsOf(nodes, starts, 0, nodes.length, matches, offset);
}

/**
 * The boundary points of sorted matches over text nodes [first, end), where `starts[i]` is where
 * node i begins in the matches' text less `shift`. Matches are sorted, so the text node holding
 * each start and end is found by stepping forward.
 */
function boundaryPointsOf(
  nodes: readonly Text[],
  starts: readonly number[],
  first: number,
  end: number,
  matches: readonly TermMatch[],
  shift: number,
): Array<Node | number> {
  const points: Array<Node | number> = [];
  let node = first;
  for (const match of matches) {
    const start = match.start - shift;
    const stop = match.end - shift;
    while (node + 1 < end && starts[node + 1]! <= start) node++;
    let endNode = node;
    while (endNode + 1 < end && starts[endNode + 1]! < stop) endNode++;
    points.push(nodes[node]!, start - starts[node]!, nodes[endNode]!, stop - starts[endNode]!);
  }
  return points;
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
 * Text read before it is matched: reading and matching take turns by batches of this many
 * characters, not chunk by chunk. Why: on the benchmark's pages, in the extension, reading cost
 * 20–25 ms less when it ran on its own than between matching and rendering each chunk (article:
 * 29–35 against 50–60 ms; heavy page: 41–49 against 57–69 ms; `bench/quick-annotate.ts`), and the
 * pass's main-thread CPU fell from 88 to 84 ms on the article and from 103 to 83 ms on the heavy
 * page (`bench/compare-builds.ts`, 8 alternating loads). A bound, not the whole page: a page past
 * MAX_HIGHLIGHTS stops reading after at most one batch more, and a batch is held only until matched.
 */
export const BATCH_CHARS = 524_288;

/**
 * At most this many highlighted terms per document; reading stops there and the page report says
 * `capped`. Why: Chromium re-validates every range of the registered highlights whenever one of
 * them changes (about 3 µs a range), and keeps every live Range up to date on each DOM mutation, so
 * the cost of a highlight grows with the total. 10 MB of news (350,000 terms) took paint tasks of
 * over a second. 12,000 covers a 1 MB article dense with terms (the benchmark's holds 10,300) while
 * keeping that cost bounded; a long speech holds a few hundred terms.
 */
export const MAX_HIGHLIGHTS = 12_000;

/** `performance.measure` name of one whole annotation pass, start to all highlights registered (what the benchmark reads). */
export const ANNOTATE_MEASURE = 'policylens:annotate';
/**
 * The same pass counting only PolicyLens's own slices: the span above also holds what the page and
 * the browser did while PolicyLens yielded (rendering, the page's tasks). A measure that starts with
 * the pass and lasts as long as its work.
 */
export const ANNOTATE_WORK_MEASURE = 'policylens:annotate:work';

export class Annotator {
  /** Annotated blocks, in the order they were read (re-read blocks go to the end). */
  private blocks = new Set<AnnotatedBlock>();
  /**
   * Block element → its annotated blocks, for hover: from a text node, its ancestors lead to its
   * block in a few lookups. (One entry per matched block, not per text node: a map from every text
   * node cost a share of the pass in garbage-collection work alone.) Made at the first hover and
   * kept up to date from then on: filling it during the pass cost 4–6 ms of the benchmark article's
   * (an isolated-world harness, 10 loads each), on pages most readers never hover.
   */
  private byContainer: Map<Element, AnnotatedBlock[]> | null = null;
  private generation = 0;
  /** Set when a re-read appended blocks out of document order. */
  private reordered = false;
  private highlightCount = 0;
  /**
   * How many times each entry occurs, kept as blocks come and go: the page session asks after the
   * pass and after every batch of page changes, and counting every block's matches again each time
   * grew with the page (10,000 terms on the benchmark's article) on pages that change constantly.
   */
  private readonly entryCounts: Int32Array;
  /** Some terms were left unhighlighted because the page reached MAX_HIGHLIGHTS. */
  capped = false;
  /** Set when the page holds more than WINDOW_ABOVE_RANGES terms: only those near the viewport are registered. */
  private window: HighlightWindow<AnnotatedBlock> | null = null;
  /** During the first pass blocks are only collected; whether to window is decided at its end. */
  private collecting = false;

  constructor(
    private readonly matcher: TermMatcher,
    private readonly layer: HighlightLayer,
    private readonly exclude: ReadonlySet<Element>,
    /**
     * Categories the reader switched off in the options are neither highlighted, counted nor
     * hovered. Asked once: the page session makes a new annotator when a category is switched.
     */
    isCategoryShown: (category: MatchIndexEntry['category']) => boolean = () => true,
  ) {
    this.entryCounts = new Int32Array(matcher.index.entries.length);
    this.hiddenEntries = new Set(
      matcher.index.entries.flatMap((entry, index) => (isCategoryShown(entry.category) ? [] : [index])),
    );
  }

  /** Entries of the categories switched off. */
  private readonly hiddenEntries: ReadonlySet<number>;

  get entries(): readonly MatchIndexEntry[] {
    return this.matcher.index.entries;
  }

  /** Annotates everything under `root`; resolves when all highlights are registered. */
  async annotate(root: Node): Promise<void> {
    const generation = ++this.generation;
    const start = performance.mark(`${ANNOTATE_MEASURE}:start`).startTime;
    this.layer.holdRegistration();
    this.workMs = 0;
    this.phaseMs = { readMs: 0, matchMs: 0, renderMs: 0 };
    this.collecting = true;
    const done = await this.read(root, generation);
    this.collecting = false;
    if (!done) return;
    const releaseStart = performance.now();
    // Without a window, everything found is registered now, at once (one rebuild of the markers).
    if (!this.window) for (const block of this.blocks) this.register(block);
    this.layer.releaseRegistration();
    this.workMs += performance.now() - releaseStart;
    performance.mark(`${ANNOTATE_MEASURE}:end`);
    // The detail says how many terms the page holds: with a window, fewer are registered at a time.
    const detail = {
      terms: this.highlightCount,
      registered: this.layer.size,
      windowed: this.window !== null,
      ...this.phaseMs,
    };
    performance.measure(ANNOTATE_MEASURE, { start: `${ANNOTATE_MEASURE}:start`, end: `${ANNOTATE_MEASURE}:end`, detail });
    performance.measure(ANNOTATE_WORK_MEASURE, { start, duration: this.workMs });
  }

  /** Puts a block's ranges in its categories' highlights, or hands it to the window. */
  private register(block: AnnotatedBlock): void {
    if (this.window) this.window.track(block);
    else block.matches.forEach((match, index) => this.layer.add(this.entries[match.entry]!.category, block.ranges[index]!));
  }

  /**
   * From now on only terms near the viewport are registered: the page holds more than
   * WINDOW_ABOVE_RANGES. Blocks found so far move to the window; later ones are handed to it as
   * they are found, so observing them is spread over the pass's slices.
   */
  private startWindow(): void {
    this.window = new HighlightWindow(this.layer, (block) => block.matches.map((match) => this.entries[match.entry]!.category));
    for (const block of this.blocks) {
      if (!this.collecting && block.hasRanges)
        block.matches.forEach((match, index) => this.layer.remove(this.entries[match.entry]!.category, block.ranges[index]!));
      this.window.track(block);
    }
  }

  /** Time spent in the slices of the current pass (ms). */
  private workMs = 0;
  /** Where the pass's time went (reading, matching, rendering), for the benchmark: a few clock reads per chunk; reset by `annotate`. */
  private phaseMs = { readMs: 0, matchMs: 0, renderMs: 0 };

  /**
   * Reads, matches and renders `root` batch by batch (see BATCH_CHARS); false when a newer pass
   * took over.
   */
  private async read(root: Node, generation: number): Promise<boolean> {
    let sliceStart = performance.now();
    /** Ends the slice if it is used up: yields to the page; false when a newer pass took over meanwhile. */
    const takeTurn = async (): Promise<boolean> => {
      const now = performance.now();
      if (now - sliceStart <= SLICE_MS) return true;
      this.workMs += now - sliceStart;
      await yieldToPage();
      sliceStart = performance.now();
      return generation === this.generation;
    };
    // Once per page, before its own text (see primer.ts): matching, in the first slice.
    this.matcher.prime();
    const readerStart = performance.now();
    this.phaseMs.matchMs += readerStart - sliceStart;
    // The reader's start (its native queries over the root) counts as reading, in the first slice.
    const reader = new PageTextReader(root, { exclude: this.exclude });
    this.phaseMs.readMs += performance.now() - readerStart;
    const batch: TextChunk[] = [];
    let batchChars = 0;
    for (;;) {
      const readStart = performance.now();
      const chunk = reader.next(sliceStart + SLICE_MS);
      this.phaseMs.readMs += performance.now() - readStart;
      if (chunk && chunk.blockEnd.length > 0) {
        batch.push(chunk);
        batchChars += chunk.text.length;
      }
      if (!chunk || batchChars >= BATCH_CHARS) {
        for (const readChunk of batch) {
          this.addChunk(readChunk);
          if (this.capped) break;
          if (!(await takeTurn())) return false;
        }
        batch.length = 0;
        batchChars = 0;
        if (!chunk || this.capped) break;
      }
      if (!(await takeTurn())) return false;
    }
    this.window?.flush();
    this.workMs += performance.now() - sliceStart;
    return true;
  }

  /** Matches a chunk's text in one call, then renders each block that holds terms. */
  private addChunk(chunk: TextChunk): void {
    const matchStart = performance.now();
    const matches = this.matcher.find(chunk.text);
    const renderStart = performance.now();
    this.phaseMs.matchMs += renderStart - matchStart;
    this.renderBlocks(chunk, matches);
    this.phaseMs.renderMs += performance.now() - renderStart;
  }

  /**
   * Hands each block holding matches to addBlock, with its matches and its span in the chunk (as
   * blockNodeSpan and blockStart give it), worked out once here from the chunk's tables: both run
   * once per matched block (2,600 on the benchmark's article), mostly before the JIT has compiled
   * them, and addBlock used to work the span out twice through those helpers (rendering 19.6 → 13.0
   * ms on the article; see docs/PERFORMANCE-LOG.md).
   */
  private renderBlocks(chunk: TextChunk, matches: TermMatch[]): void {
    const { blockEnd, blockFirstNode } = chunk;
    const blockCount = blockEnd.length;
    let next = 0;
    for (let b = 0; b < blockCount && next < matches.length; b++) {
      const end = blockEnd[b]!;
      if (matches[next]!.start > end) continue;
      const first = next;
      while (next < matches.length && matches[next]!.start < end) next++;
      const firstNode = blockFirstNode[b]!;
      const endNode = b + 1 < blockCount ? blockFirstNode[b + 1]! : chunk.nodes.length;
      const start = b === 0 ? 0 : blockEnd[b - 1]! + 1;
      this.addBlock(chunk, b, start, firstNode, endNode, matches.slice(first, next));
      if (this.capped) return;
    }
  }

  /**
   * Block `b` of a chunk, from `start` in its text, with text nodes [firstNode, endNode) (none: read
   * whole, see isReadWhole) and its matches.
   */
  private addBlock(chunk: TextChunk, b: number, start: number, firstNode: number, endNode: number, found: TermMatch[]): void {
    const matches = this.hiddenEntries.size === 0 ? found : found.filter((match) => !this.hiddenEntries.has(match.entry));
    if (matches.length === 0) return;
    const container = chunk.blockContainer[b]!;
    const whole = firstNode === endNode;
    // Hidden text (display:none menus, collapsed duplicates) is not reading text. Checked only for
    // blocks with matches, as it needs style information.
    const holder = whole ? container : chunk.nodes[firstNode]!.parentElement;
    if (holder && typeof holder.checkVisibility === 'function' && !holder.checkVisibility()) return;
    if (this.highlightCount + matches.length > MAX_HIGHLIGHTS) {
      matches.length = MAX_HIGHLIGHTS - this.highlightCount;
      this.capped = true;
      if (matches.length === 0) return;
    }
    this.highlightCount += matches.length;
    // Indexed loops here and below: this runs per block, mostly before the JIT compiles it, and a
    // for-of in unoptimised code allocates an iterator result per step (a heap sampling profile of
    // the article's pass put 190 KB there).
    const entryCounts = this.entryCounts;
    for (let i = 0; i < matches.length; i++) entryCounts[matches[i]!.entry]!++;
    const points = whole ? null : boundaryPointsOf(chunk.nodes, chunk.nodeStarts, firstNode, endNode, matches, 0);
    const blockEnd = chunk.blockEnd[b]!;
    const text = whole ? null : chunk.text.slice(start, blockEnd);
    const annotated = new AnnotatedBlock(container, text, start, blockEnd, matches, points);
    if (!this.window && this.highlightCount > WINDOW_ABOVE_RANGES) this.startWindow();
    if (this.window) this.window.track(annotated);
    else if (!this.collecting) this.register(annotated);
    if (this.byContainer) addToIndex(this.byContainer, annotated);
    this.blocks.add(annotated);
  }

  private removeBlock(annotated: AnnotatedBlock): void {
    if (this.window) this.window.untrack(annotated);
    else if (annotated.hasRanges)
      annotated.matches.forEach((match, index) =>
        this.layer.remove(this.entries[match.entry]!.category, annotated.ranges[index]!),
      );
    if (this.byContainer) removeFromIndex(this.byContainer, annotated);
    if (!this.blocks.delete(annotated)) return;
    this.highlightCount -= annotated.matches.length;
    const { matches } = annotated;
    for (let i = 0; i < matches.length; i++) this.entryCounts[matches[i]!.entry]!--;
  }

  /**
   * Re-reads only the given block containers after the page changed: their old highlights go, their
   * text is read and matched again; highlights of text that left the page go too.
   */
  async reannotate(containers: Iterable<Element>): Promise<void> {
    const roots = outermost([...containers].filter((element) => element.isConnected && !isInsideSkipped(element, this.exclude)));
    for (const annotated of [...this.blocks]) {
      const { container } = annotated;
      const stale = !container.isConnected || annotated.isDetached() || roots.some((root) => root.contains(container));
      if (stale) this.removeBlock(annotated);
    }
    const generation = this.generation;
    this.reordered = true;
    // A container may be the whole body (text added straight into it): read it in slices too.
    for (const root of roots) {
      if (!(await this.read(root, generation)) || this.capped) return;
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
    this.window?.disconnect();
    this.window = null;
    this.collecting = false;
    this.layer.clear();
    this.blocks.clear();
    this.byContainer = null;
    this.highlightCount = 0;
    this.entryCounts.fill(0);
    this.capped = false;
  }

  get matchCount(): number {
    return this.highlightCount;
  }

  /** Per entry that occurs (by index): how many times. */
  countsByEntry(): Map<number, number> {
    const counts = new Map<number, number>();
    this.entryCounts.forEach((count, entry) => {
      if (count > 0) counts.set(entry, count);
    });
    return counts;
  }

  /**
   * The term at a caret position, if the point (x, y) really lies on it: a caret offset says which
   * character boundary is nearest, so the match's own rectangles decide.
   */
  termAt(node: Node, offset: number, x: number, y: number): FoundTerm | null {
    if (node.nodeType !== Node.TEXT_NODE) return null;
    const probe = (node.ownerDocument ?? document).createRange();
    if (!this.byContainer) {
      this.byContainer = new Map();
      for (const block of this.blocks) addToIndex(this.byContainer, block);
    }
    // The caret's block: a block element among the node's ancestors (across shadow roots).
    for (let current: Node | null = node.parentNode; current;) {
      const blocks = current.nodeType === Node.ELEMENT_NODE ? this.byContainer.get(current as Element) : undefined;
      for (const block of blocks ?? []) {
        const index = lastRangeStartingAtOrBefore(block.ranges, node, offset, probe);
        for (const candidate of [index, index - 1]) {
          const range = block.ranges[candidate];
          // The caret must not lie past the term's end.
          if (!range || !(compareToPoint(probe, range.endContainer, range.endOffset, node, offset) >= 0)) continue;
          if (pointInRange(liveRange(range), x, y)) {
            return { entry: this.entries[block.matches[candidate]!.entry]!, block, index: candidate, range };
          }
        }
      }
      current = current instanceof ShadowRoot ? current.host : current.parentNode;
    }
    return null;
  }

  /**
   * Where each highlighted term starts, in reading order (the outline's counts per section), without
   * making ranges. A block read whole whose nodes were never looked for gives its element's start
   * for all its terms (finding the nodes of every block cost about as much as reading the page did).
   * That places them exactly as well against the outline's headings, which are block elements
   * (outline-blocks.ts): none can lie inside a block read whole, which holds inline elements only.
   */
  termStarts(): Array<{ node: Node; offset: number }> {
    const starts: Array<{ node: Node; offset: number }> = [];
    for (const block of this.blocksInOrder()) {
      if (block.nodesPending) for (let i = 0; i < block.matches.length; i++) starts.push({ node: block.container, offset: 0 });
      else block.matches.forEach((_, index) => starts.push(block.startOf(index)));
    }
    return starts;
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

/** Files a block under its container (see Annotator.byContainer). */
function addToIndex(index: Map<Element, AnnotatedBlock[]>, block: AnnotatedBlock): void {
  const siblings = index.get(block.container);
  if (siblings) siblings.push(block);
  else index.set(block.container, [block]);
}

function removeFromIndex(index: Map<Element, AnnotatedBlock[]>, block: AnnotatedBlock): void {
  const remaining = index.get(block.container)?.filter((other) => other !== block) ?? [];
  if (remaining.length > 0) index.set(block.container, remaining);
  else index.delete(block.container);
}

/** Blocks never overlap, so ordering them by their first term orders every term. */
function byDocumentOrder(a: AnnotatedBlock, b: AnnotatedBlock): number {
  const position = a.anchor.compareDocumentPosition(b.anchor);
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : position & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
}

/** Drops elements contained in another element of the list. */
function outermost(elements: Element[]): Element[] {
  return elements.filter((element) => !elements.some((other) => other !== element && other.contains(element)));
}

/**
 * Where a boundary point lies relative to a caret position: < 0 before it, 0 at it, > 0 after it
 * (with `probe`, a live Range collapsed at the boundary point); NaN for a point in another tree,
 * which no comparison accepts.
 */
function compareToPoint(probe: Range, container: Node, offset: number, node: Node, nodeOffset: number): number {
  try {
    probe.setStart(container, offset);
    probe.collapse(true);
    return -probe.comparePoint(node, nodeOffset);
  } catch {
    return NaN;
  }
}

/** Binary search: the last range (sorted, non-overlapping) starting at or before the caret, or -1. */
function lastRangeStartingAtOrBefore(ranges: readonly StaticRange[], node: Node, offset: number, probe: Range): number {
  let low = 0;
  let high = ranges.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid]!;
    if (compareToPoint(probe, range.startContainer, range.startOffset, node, offset) <= 0) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function pointInRange(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}
