/**
 * Reads the page's reading text with one TreeWalker over text nodes, chunk by chunk, as blocks:
 * each block is the flat text of one run of text under the same block element (a paragraph, a list
 * item, a table cell …) with a table mapping offsets back to text nodes. Terms split across inline
 * elements (六<b>稳</b>, <font>, links) are found because matching runs on the flat text; terms never
 * join across blocks. `PageTextReader` gives chunks (the annotator); `readBlocks` gives blocks.
 */

import { SEGMENT_BREAK } from '../core/matcher/matcher';

/** Elements whose content is not reading text, or is the reader's own input. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
]);

/** Attributes that make isSkippedElement skip an element (it decides; this only finds candidates). */
const SKIPPING_ATTRIBUTES = '[hidden], [contenteditable]';

/** Elements that start and end a block of text (tag-based, as computing styles would cost a layout). */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'button',
  'legend',
  'optgroup',
]);

/**
 * Elements whose content is running text: the search for shadow hosts does not go inside them.
 * (A host inside a paragraph is a widget, not reading text; skipping these keeps the search to the
 * page's structure, a small part of its elements.)
 */
const RUNNING_TEXT_TAGS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'td',
  'th',
  'caption',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'a',
  'span',
  'b',
  'i',
  'em',
  'strong',
  'font',
  'small',
  'sub',
  'sup',
  'u',
  's',
  'label',
  'button',
  'summary',
  'legend',
  'q',
  'cite',
  'abbr',
  'mark',
  'time',
  'img',
  'br',
  'hr',
  'table',
  'ul',
  'ol',
  'dl',
]);

/**
 * Inline elements that may sit inside a block read whole (see PageTextReader). A block element
 * holding any other element (a block, something skipped, a custom element, our UI), or an element
 * with a skipping attribute, is walked node by node instead. Written as the elements allowed
 * rather than those refused: one `:not()` is matched per descendant, where a list of the ~70 block
 * and skipped tags was matched selector by selector (on the benchmark's article, with the JIT warm:
 * about 7 ms against 1 ms for its 3,300 paragraphs, and twice what their `textContent` costs).
 * The commonest come first: `:not()` tests them in order, so a span is settled by the first (a
 * query of this selector over 200,000 spans took 52 ms in alphabetical order, 15 ms in this one).
 */
const INLINE_TAGS = (
  'span a font b strong em i br img small u sup sub label abbr bdi bdo big cite data del dfn ins mark nobr q rp rt ' +
  'ruby s strike time tt var wbr'
).split(' ');
const NOT_READ_WHOLE = `:not(${INLINE_TAGS.join(',')}), ${SKIPPING_ATTRIBUTES}`;
const INLINE_TAG_SET = new Set(INLINE_TAGS);

/**
 * A block element with more element children than this is walked node by node rather than checked
 * for loose text (see hasLooseText); a long feed's container (the heavy bench page's: 2,171 items)
 * stays well under it.
 */
const MAX_CHECKED_CHILDREN = 4_096;

/** Elements checked for open shadow roots per chunk. */
const HOST_SEARCH_ELEMENTS = 2_048;

export interface TextBlock {
  /** The block's text: its text nodes' data, concatenated. */
  text: string;
  /** The text nodes, in order. */
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
  /** The nearest block-level element holding the block: the unit re-read when the page changes. */
  container: Element;
}

export interface CollectOptions {
  /** Elements to leave out entirely (our own UI host). */
  exclude?: ReadonlySet<Element>;
}

export function isSkippedElement(element: Element, exclude?: ReadonlySet<Element>): boolean {
  if (SKIPPED_TAGS.has(element.localName)) return true;
  if (exclude?.has(element)) return true;
  if (element.hasAttribute('hidden')) return true;
  // Editable regions belong to the reader: no highlight may sit inside what they are typing.
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return false;
}

/** Whether an element lies inside (or is) a region that is never annotated: an editor, a form field … */
export function isInsideSkipped(element: Element, exclude?: ReadonlySet<Element>): boolean {
  if ((element as HTMLElement).isContentEditable) return true;
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (isSkippedElement(current, exclude)) return true;
  }
  return false;
}

export function isBlockElement(element: Element): boolean {
  return BLOCK_TAGS.has(element.localName);
}

/**
 * Unbroken text longer than this (a huge <pre>, a plain-text page), or spread over more text nodes
 * than MAX_BLOCK_NODES, is cut into blocks at text-node boundaries, so that reading and matching
 * one block never becomes a long task. A term that straddles such a cut is missed: the price of
 * staying responsive.
 */
export const MAX_BLOCK_CHARS = 16_384;
export const MAX_BLOCK_NODES = 2_048;

/** A chunk ends at the first block end after this much text, or after this many text nodes visited. */
const CHUNK_CHARS = 16_384;
const CHUNK_NODES = 1_024;

/**
 * Consecutive blocks read in one go: their text as one string, each block closed by the matcher's
 * SEGMENT_BREAK (so no term is found across two blocks, and family context stays per block),
 * the text nodes with where each begins, and where each block begins and ends. The annotator
 * matches a whole chunk in one call: per-block calls cost more than the matching itself.
 */
export interface TextChunk {
  text: string;
  readonly nodes: Text[];
  /** `nodeStarts[i]` is where `nodes[i]` begins in `text`. */
  readonly nodeStarts: number[];
  /**
   * Block b holds nodes [blockFirstNode[b], blockFirstNode[b + 1]) (the last one: to the end). A
   * block read whole holds none: its text nodes are its container's (`textNodesOf`).
   */
  readonly blockFirstNode: number[];
  /** Where block b's SEGMENT_BREAK sits in `text` (its text ends there). */
  readonly blockEnd: number[];
  readonly blockContainer: Element[];
}

/**
 * Nodes of the text of block `b` of a chunk: indices [first, end) into `chunk.nodes` (none for a
 * block read whole).
 */
export function blockNodeSpan(chunk: TextChunk, b: number): { first: number; end: number } {
  return { first: chunk.blockFirstNode[b]!, end: chunk.blockFirstNode[b + 1] ?? chunk.nodes.length };
}

/** Where block `b`'s text begins in the chunk's text: blocks follow each other, each closed by its SEGMENT_BREAK. */
export function blockStart(chunk: TextChunk, b: number): number {
  return b === 0 ? 0 : chunk.blockEnd[b - 1]! + 1;
}

/** Whether block `b` of a chunk was read whole: its text is its container's `textContent`. */
export function isReadWhole(chunk: TextChunk, b: number): boolean {
  const { first, end } = blockNodeSpan(chunk, b);
  return first === end;
}

/** An element's text nodes in document order, each with where it begins in the element's `textContent`. */
export function textNodesOf(element: Element): { nodes: Text[]; starts: number[] } {
  const walker = (element.ownerDocument ?? document).createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push(node);
    starts.push(length);
    length += node.data.length;
  }
  return { nodes, starts };
}

/**
 * Reads the reading text under a root (an element, document or shadow root, and the open shadow
 * roots below it) chunk by chunk, so the caller can give the page a turn between chunks.
 *
 * One TreeWalker over text nodes only, which is what makes it cheap (the walk is most of the cost on
 * element-heavy pages): elements are looked at only as parents of text, each once, and a text
 * node's parent is usually the previous one's. A parent's fate is cached: skipped (inside script,
 * form fields, editors, [hidden], our own UI …: found up front by one native query) or the block
 * element it belongs to. A block is a run of
 * text nodes belonging to the same block element, so a term split across inline elements (六<b>稳</b>,
 * <font>, links) is one text, while paragraphs, list items and cells are separate. A <br> does not
 * end a block: like a line break inside a text node, it may fall inside a term (text copied from
 * PDFs). Whitespace-only text between blocks is left out.
 *
 * Most blocks are a block element with only inline content (a paragraph, a list item, a cell): such
 * a block is read whole, with one `textContent`, and the walk jumps past it. Its text nodes are not
 * visited at all; whoever needs them (ranges for its terms) finds them in its container
 * (`textNodesOf`). On a news page that is nearly all the text, and the reading costs a few native
 * calls per paragraph instead of some per text node (wrappers for each node and its parent, the
 * ancestry check). Reading the benchmark's article alone, in the page, with a cold JIT: 70–114 ms
 * before, 50–75 ms after (the machine is noisy; the hot reader went from 31–48 to 15–35 ms).
 *
 * Open shadow roots are read after the root's text, in turn: a root read by units finds their hosts
 * while reading (the units and the inline elements between them), the rest are searched afterwards
 * (see searchShadowHosts).
 */
export class PageTextReader {
  private readonly exclude: ReadonlySet<Element> | undefined;
  private readonly roots: Node[];
  private readonly seenShadowRoots = new Set<ShadowRoot>();
  private root!: Node;
  private rootContainer!: Element;
  /** The walk of text nodes in progress: the whole root, or one element whose content is read node by node (see readUnits). */
  private textWalker: TreeWalker | null = null;
  /**
   * For a block element root in an HTML document: every element under it that is not a known inline
   * element, in document order (one native query), read unit by unit (readUnits); index -1 is the
   * root itself. Null once read, or for other roots.
   */
  private units: NodeListOf<Element> | null = null;
  private unitIndex = -1;
  /** After the root's text: the search for shadow hosts under it. */
  private hostWalker: TreeWalker | null = null;
  private pendingHost: Element | null = null;
  /**
   * Subtrees still to be searched for shadow hosts after the root's text: the root itself, or for a
   * root read by units only the elements walked node by node (the units looked at the rest).
   */
  private hostRegions: Node[] = [];
  /** The last text parent's ancestors below the root, outermost first, and the block element each one's text belongs to (null: skipped). */
  private readonly path: Node[] = [];
  private readonly pathContainers: Array<Element | null> = [];
  /** Scratch for `containerOf`: the new parent's ancestors below the path. */
  private readonly chain: Element[] = [];
  /**
   * Elements under the root whose attributes skip them ([hidden], editable), found by one native
   * query when the root is started: asking each element for two attributes was a third of the
   * reader's time, and a set holds none of the other elements (looking up an element never seen is
   * nearly free).
   */
  private skippedByAttribute = new Set<Element>();
  /** A text node read but not yet placed (it begins the next chunk). */
  private pending: Text | null = null;
  /** Excluded elements that NOT_READ_WHOLE would not catch inside a block (inline ones): checked per block read whole. */
  private readonly excludedInline: Element[];
  /** Whether blocks may be read whole: in HTML documents (an XML document's CDATA sections are in `textContent`, not in the walk). */
  private readWhole = false;

  constructor(root: Node, options: CollectOptions = {}) {
    this.exclude = options.exclude;
    // Any other excluded element (our UI host is a custom element) already keeps a block from being read whole.
    this.excludedInline = [...(options.exclude ?? [])].filter((element) => INLINE_TAG_SET.has(element.localName));
    this.roots = [root];
    this.startNextRoot();
  }

  /**
   * The next chunk (possibly holding no block, when it only stepped past skipped content), or null
   * at the end. It ends at the first block boundary past its size, or past `deadline` (a
   * performance.now() time): on a cold start the same nodes take several times longer.
   */
  next(deadline = Infinity): TextChunk | null {
    const chunk: TextChunk = {
      text: '',
      nodes: [],
      nodeStarts: [],
      blockFirstNode: [],
      blockEnd: [],
      blockContainer: [],
    };
    if (this.textWalker || this.units) {
      const parts: string[] = [];
      let length = 0;
      for (;;) {
        if (this.textWalker) {
          length = this.readText(this.textWalker, chunk, parts, length, deadline);
          // Still walking: the chunk is full.
          if (this.textWalker) break;
        } else if (this.units) {
          length = this.readUnits(this.units, chunk, parts, length, deadline);
          // Unless it handed an element to the walk, the chunk is full or the units are read.
          if (!this.textWalker) break;
        } else break;
      }
      chunk.text = parts.join('');
      if (!this.textWalker && !this.units) this.hostWalker = this.hostSearch();
    } else if (this.hostWalker) {
      this.searchShadowHosts(this.hostWalker);
    } else {
      return null;
    }
    if (!this.textWalker && !this.units && !this.hostWalker) this.startNextRoot();
    return chunk;
  }

  /**
   * Fills a chunk's node and block tables from the walk; returns its text. One loop with no closure
   * over its variables: this is the hottest loop of a page load, and captured variables would live
   * in a heap context instead of registers.
   */
  private readText(walker: TreeWalker, chunk: TextChunk, parts: string[], startLength: number, deadline: number): number {
    const { nodes, nodeStarts, blockFirstNode, blockEnd, blockContainer } = chunk;
    let length = startLength;
    let open: Element | null = null;
    let openStart = 0;
    let openFirstNode = 0;
    let visited = 0;
    let lastParent: Node | null = null;
    let lastContainer: Element | null = null;
    let node = this.pending ?? (walker.nextNode() as Text | null);
    this.pending = null;
    let full = false;
    // Set after a block read whole: the walk has already moved past it, to this text (or null: the end).
    let after: Text | null | undefined;
    let wholeBlocks = 0;
    for (; node; node = after !== undefined ? after : (walker.nextNode() as Text | null)) {
      after = undefined;
      visited++;
      if ((visited & 127) === 0 && performance.now() > deadline) full = true;
      const data = node.data;
      let container: Element | null = open;
      // Blank text inside an open block stays in it (it may sit between two halves of a term) and
      // needs no classification, as folding drops it anyway; blank text between blocks is left out.
      if (open === null || !isBlank(data)) {
        if (open === null && isBlank(data)) {
          if (visited >= CHUNK_NODES * 4 || full) break;
          continue;
        }
        const parent = node.parentNode;
        if (parent !== lastParent) {
          lastParent = parent;
          lastContainer = parent ? this.containerOf(parent) : null;
        }
        container = lastContainer;
        if (container === null) {
          if (open === null && (visited >= CHUNK_NODES * 4 || full)) break;
          continue;
        }
      }
      if (
        open !== null &&
        (container !== open || length - openStart >= MAX_BLOCK_CHARS || nodes.length - openFirstNode >= MAX_BLOCK_NODES)
      ) {
        blockEnd.push(length);
        parts.push(SEGMENT_BREAK);
        length += 1;
        open = null;
      }
      if (open === null) {
        if (length >= CHUNK_CHARS || visited >= CHUNK_NODES || full) {
          this.pending = node;
          break;
        }
        const whole = this.wholeText(container!);
        if (whole !== null) {
          blockFirstNode.push(nodes.length);
          blockContainer.push(container!);
          parts.push(whole, SEGMENT_BREAK);
          length += whole.length;
          blockEnd.push(length);
          length += 1;
          // On to the first text after the block: from an element, a text-only walker's next
          // sibling is the next text node outside it (https://dom.spec.whatwg.org/#concept-traverse-siblings).
          walker.currentNode = container!;
          after = walker.nextSibling() as Text | null;
          // A block read whole stands for many nodes: the clock is read every few of them.
          if ((++wholeBlocks & 7) === 0 && performance.now() > deadline) full = true;
          continue;
        }
        open = container;
        openStart = length;
        openFirstNode = nodes.length;
        blockFirstNode.push(nodes.length);
        blockContainer.push(container!);
      }
      nodes.push(node);
      nodeStarts.push(length);
      parts.push(data);
      length += data.length;
    }
    if (open !== null) {
      blockEnd.push(length);
      parts.push(SEGMENT_BREAK);
      length += 1;
    }
    if (!node) this.textWalker = null;
    return length;
  }

  /**
   * Reads the units (see `units`) in document order until the chunk is full or an element must be
   * walked node by node (it then sets `textWalker` to that element and returns). Returns the
   * chunk's new length.
   *
   * A block element with no unit inside it (a leaf: the next unit is not inside it) holds only
   * text and inline elements: it is read whole, with one `textContent`. A block element with units
   * inside is looked into only if none of its own text lies outside them (`hasLooseText`): then
   * its units follow, each read in turn. Otherwise, and for a leaf too long or holding our own
   * inline UI, the element is walked node by node, as every root was before, and its units are
   * passed over. Either way the blocks are the walk's: loose text never joins text across the
   * element's edge (its blocks belong to it or to blocks inside it). Skipped elements are passed
   * over with their units. Other elements (custom elements, unknown tags) are reached only inside
   * a block whose check found no text in them, so they are passed over too.
   *
   * Why: finding blocks by walking text nodes cost more than reading the blocks' text. On the
   * benchmark's article, in an isolated world on fresh pages, the walk reading blocks whole took
   * 50–80 ms, these units 28–41 ms (scratch harness, 6 loads each); the heavy page 78–110 against
   * 36–56 ms.
   *
   * The next unit is carried over from one step to the next instead of fetched from the NodeList
   * twice. Most of this loop runs before the JIT has compiled it (reading the article cold takes
   * about twice as long as warm: 42–46 against 21–23 ms in an isolated world); writing isSkipped,
   * leafText and isBlank out in it saved 2–3 ms of the article's reading and no main-thread CPU
   * (`bench/compare-builds.ts`, 12 pairs, twice), so they stay the one place that says what they do.
   */
  private readUnits(
    units: NodeListOf<Element>,
    chunk: TextChunk,
    parts: string[],
    startLength: number,
    deadline: number,
  ): number {
    const { nodes, blockFirstNode, blockEnd, blockContainer } = chunk;
    const root = this.root as Element;
    let length = startLength;
    let i = this.unitIndex;
    let steps = 0;
    // The unit at i, carried over from the previous step's look at the next one.
    let element: Element | undefined = i < 0 ? root : units[i];
    while (element !== undefined) {
      if (length >= CHUNK_CHARS || steps >= CHUNK_NODES * 4) break;
      // A unit stands for a block, often a whole paragraph: the clock is read every few of them.
      if ((++steps & 3) === 0 && performance.now() > deadline) break;
      const name = element.localName;
      if (this.isSkipped(element, name)) {
        i = endOfSubtree(units, i, element);
        element = units[i];
        continue;
      }
      // Shadow hosts are looked for where the search after the text would look (searchShadowHosts):
      // every element of the structure, not inside running text.
      const runningText = RUNNING_TEXT_TAGS.has(name);
      if (i >= 0 && element.shadowRoot !== null) this.queueShadowRoot(element);
      if (!BLOCK_TAGS.has(name)) {
        // Reached only inside a block that holds no text in it (hasLooseText): no text here either.
        if (runningText) i = endOfSubtree(units, i, element);
        else {
          this.searchInlineHosts(element);
          i++;
        }
        element = units[i];
        continue;
      }
      const next: Element | undefined = units[i + 1];
      if (next === undefined || !element.contains(next)) {
        if (!runningText && element.firstElementChild !== null) this.searchInlineHosts(element);
        const text = this.leafText(element);
        i++;
        if (text === null) {
          this.walkElement(element);
          break;
        }
        const leaf: Element = element;
        element = next;
        if (isBlank(text)) continue;
        blockFirstNode.push(nodes.length);
        blockContainer.push(leaf);
        parts.push(text, SEGMENT_BREAK);
        length += text.length;
        blockEnd.push(length);
        length += 1;
        continue;
      }
      if (this.hasLooseText(element)) {
        i = endOfSubtree(units, i, element);
        this.walkElement(element);
        break;
      }
      i++;
      element = next;
      // Checking a container's children may have taken a while (up to MAX_CHECKED_CHILDREN of them).
      if (performance.now() > deadline) break;
    }
    this.unitIndex = i;
    if (i >= units.length) this.units = null;
    return length;
  }

  /** A leaf block's text, or null when it must be walked node by node (too long, or holding an excluded inline element). */
  private leafText(element: Element): string | null {
    // Indexed: runs per block, mostly unoptimised, where a for-of allocates an iterator even over an empty list.
    const excluded = this.excludedInline;
    for (let i = 0; i < excluded.length; i++) if (element.contains(excluded[i]!)) return null;
    const text = element.textContent ?? '';
    return text.length <= MAX_BLOCK_CHARS ? text : null;
  }

  /**
   * Whether a block element with units inside has text of its own outside them: a child that is
   * non-blank text, or an element that is neither a block nor skipped and holds non-blank text
   * (also true for an element with very many children, which is then walked in slices). On the way
   * it looks for shadow hosts among the inline children it passes (they are not units), so those
   * children are visited once.
   */
  private hasLooseText(element: Element): boolean {
    // Checking tens of thousands of children would be one long task: such an element is walked in
    // slices instead. (Counting its elements is one native call; text children sit between them.)
    if (element.childElementCount > MAX_CHECKED_CHILDREN) return true;
    let checked = 0;
    for (let child = element.firstChild; child !== null; child = child.nextSibling) {
      if (++checked > 2 * MAX_CHECKED_CHILDREN + 1) return true;
      // Node.TEXT_NODE and Node.ELEMENT_NODE as numbers: in code not yet compiled, each name is a global lookup.
      const type = child.nodeType;
      if (type === 3) {
        if (!isBlank((child as Text).data)) return true;
      } else if (type === 1) {
        const name = (child as Element).localName;
        if (BLOCK_TAGS.has(name) || this.isSkipped(child as Element, name)) continue;
        if (!isBlank(child.textContent ?? '')) return true;
        // An inline element between blocks: part of the structure, where shadow hosts are looked for.
        this.queueShadowRoot(child as Element);
        if (!RUNNING_TEXT_TAGS.has(name)) this.searchInlineHosts(child as Element);
      }
    }
    return false;
  }

  /**
   * Looks for shadow hosts among an element's inline descendants, not inside running text (as
   * searchShadowHosts would); elements that are units are left to be visited as units.
   */
  private searchInlineHosts(element: Element): void {
    for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling) {
      const name = child.localName;
      // Of the inline elements only a span can hold a shadow root
      // (https://dom.spec.whatwg.org/#dom-element-attachshadow): the others are not asked.
      if (name === 'span') {
        if (child.shadowRoot !== null) this.queueShadowRoot(child);
      } else if (INLINE_TAG_SET.has(name) && !RUNNING_TEXT_TAGS.has(name)) this.searchInlineHosts(child);
    }
  }

  /** Hands an element to the node-by-node walk (readText), which reads it next, and to the search for shadow hosts after the text. */
  private walkElement(element: Element): void {
    if (!RUNNING_TEXT_TAGS.has(element.localName)) this.hostRegions.push(element);
    this.pending = null;
    this.textWalker = (element.ownerDocument ?? document).createTreeWalker(element, NodeFilter.SHOW_TEXT);
  }

  /**
   * The text of a block element that can be read whole (see NOT_READ_WHOLE), or null. Only inside
   * the root: the root's own block may hold text outside it.
   */
  private wholeText(container: Element): string | null {
    // (`container` is a block element: containerOf gives nothing else.)
    if (!this.readWhole || (container === this.rootContainer && container !== this.root)) return null;
    if (container.querySelector(NOT_READ_WHOLE)) return null;
    return this.leafText(container);
  }

  /**
   * Whether an element is left out with its content, as the reader's own fate of it: a skipped tag,
   * a skipping attribute (found up front, see skippedByAttribute) or an excluded element.
   */
  private isSkipped(element: Element, name = element.localName): boolean {
    return SKIPPED_TAGS.has(name) || this.skippedByAttribute.has(element) || this.exclude?.has(element) === true;
  }

  private startNextRoot(): void {
    const root = this.roots.shift();
    if (!root) return;
    this.root = root;
    this.path.length = 0;
    this.pathContainers.length = 0;
    this.pending = null;
    const document = root.ownerDocument ?? (root as Document);
    const outer =
      root.nodeType === Node.ELEMENT_NODE
        ? (root as Element)
        : root instanceof ShadowRoot
          ? root.host
          : (document.body ?? document.documentElement);
    if (!outer || (root.nodeType === Node.ELEMENT_NODE && isSkippedElement(root as Element, this.exclude))) {
      this.startNextRoot();
      return;
    }
    this.rootContainer = nearestBlock(outer);
    this.skippedByAttribute = new Set();
    for (const element of (root as ParentNode).querySelectorAll(SKIPPING_ATTRIBUTES))
      if (isSkippedElement(element)) this.skippedByAttribute.add(element);
    this.hostWalker = null;
    this.readWhole = document.contentType === 'text/html';
    this.units = null;
    this.textWalker = null;
    // The units' query runs in one task: 15 ms for a page of 210,000 elements, most of them spans,
    // and 22 ms for a table of 55,000 cells (a cell is tested against every inline tag). Counting
    // the elements first to choose would cost as much (HTMLCollection's length: 16–23 ms there).
    if (this.readWhole && root.nodeType === Node.ELEMENT_NODE && isBlockElement(root as Element)) {
      this.units = (root as Element).querySelectorAll(NOT_READ_WHOLE);
      this.unitIndex = -1;
      this.hostRegions = [];
    } else {
      this.textWalker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      this.hostRegions = [root];
    }
  }

  /** A walker for the next subtree to search for shadow hosts, or null when none is left. */
  private hostSearch(): TreeWalker | null {
    const region = this.hostRegions.shift();
    if (!region) return null;
    return (region.ownerDocument ?? (region as Document)).createTreeWalker(region, NodeFilter.SHOW_ELEMENT);
  }

  /**
   * Looks for open shadow roots among the next HOST_SEARCH_ELEMENTS elements of the page's
   * structure: every element is checked, but the search does not go inside running text (see
   * RUNNING_TEXT_TAGS) or skipped regions, so it touches a small part of a long article's elements.
   */
  private searchShadowHosts(walker: TreeWalker): void {
    let element = (walker.currentNode === walker.root ? walker.nextNode() : this.pendingHost) as Element | null;
    for (let count = 0; element && count < HOST_SEARCH_ELEMENTS; count++) {
      this.queueShadowRoot(element);
      const name = element.localName;
      const leaf = RUNNING_TEXT_TAGS.has(name) || SKIPPED_TAGS.has(name) || this.exclude?.has(element);
      element = (leaf ? skipSubtree(walker) : walker.nextNode()) as Element | null;
    }
    this.pendingHost = element;
    if (!element) this.hostWalker = this.hostSearch();
  }

  private queueShadowRoot(host: Element): void {
    const shadowRoot = host.shadowRoot;
    if (shadowRoot && !this.seenShadowRoots.has(shadowRoot) && !isInsideSkipped(host, this.exclude)) {
      this.seenShadowRoots.add(shadowRoot);
      this.roots.push(shadowRoot);
    }
  }

  /**
   * The block element a parent's text belongs to (null: skipped). Text arrives in document order,
   * so a new parent's ancestry meets the previous parent's at their common ancestor: the reader keeps
   * that one path of ancestors with their fates and classifies only the elements below the meeting
   * point, each once. (A Map from every parent cost an identity hash and an insertion per element,
   * most of the reader's own time on element-heavy pages.)
   */
  private containerOf(parent: Node): Element | null {
    const { path, pathContainers, chain } = this;
    chain.length = 0;
    let depth = -1;
    for (let node: Node | null = parent; node && node !== this.root; node = node.parentNode) {
      depth = path.lastIndexOf(node);
      if (depth !== -1) break;
      if (node.nodeType !== Node.ELEMENT_NODE) break;
      chain.push(node as Element);
    }
    path.length = depth + 1;
    pathContainers.length = depth + 1;
    let container: Element | null = depth === -1 ? this.rootContainer : pathContainers[depth]!;
    for (let i = chain.length - 1; i >= 0; i--) {
      const element = chain[i]!;
      if (container !== null) {
        const name = element.localName;
        if (this.isSkipped(element, name)) container = null;
        else if (BLOCK_TAGS.has(name)) container = element;
      }
      path.push(element);
      pathContainers.push(container);
    }
    return container;
  }
}

/** Whether a text is only white space (checked char by char: most text nodes fail at the first). */
function isBlank(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (code > 32 && code !== 0xa0 && code !== 0x3000) return false;
  }
  return true;
}

/**
 * The blocks under `root` one by one (for callers that want whole blocks rather than chunks: the
 * reader's text space, the popup's formula report). Blocks with no text are left out.
 */
export function* readBlocks(root: Node, options: CollectOptions = {}): Generator<TextBlock, void, void> {
  const reader = new PageTextReader(root, options);
  for (let chunk = reader.next(); chunk; chunk = reader.next()) {
    for (let b = 0; b < chunk.blockEnd.length; b++) {
      const container = chunk.blockContainer[b]!;
      const blockText = chunk.text.slice(blockStart(chunk, b), chunk.blockEnd[b]);
      if (!/\S/.test(blockText)) continue;
      if (isReadWhole(chunk, b)) {
        yield wholeBlock(blockText, container);
        continue;
      }
      const { first, end } = blockNodeSpan(chunk, b);
      const start = chunk.nodeStarts[first]!;
      const starts: number[] = [];
      for (let i = first; i < end; i++) starts.push(chunk.nodeStarts[i]! - start);
      yield { text: blockText, nodes: chunk.nodes.slice(first, end), starts, container };
    }
  }
}

/** A block read whole: its nodes are looked up in its container when first asked for (most callers want only the text). */
function wholeBlock(text: string, container: Element): TextBlock {
  let mapped: { nodes: Text[]; starts: number[] } | null = null;
  return {
    text,
    container,
    get nodes() {
      return (mapped ??= textNodesOf(container)).nodes;
    },
    get starts() {
      return (mapped ??= textNodesOf(container)).starts;
    },
  };
}

/** Collects the blocks under `root` (an element, document or shadow root), including open shadow roots below it. */
export function collectBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  return [...readBlocks(root, options)];
}

function nearestBlock(node: Node): Element {
  for (
    let element: Element | null = node instanceof Element ? node : node.parentElement;
    element;
    element = element.parentElement
  ) {
    if (isBlockElement(element)) return element;
  }
  return (node.ownerDocument ?? (node as Document)).documentElement;
}

/** Moves the walker past the current node's subtree; returns the next node, or null at the end. */
function skipSubtree(walker: TreeWalker): Node | null {
  let next = walker.nextSibling();
  while (!next) {
    if (!walker.parentNode()) return null;
    next = walker.nextSibling();
  }
  return next;
}

/**
 * The index of the first unit after `element`'s subtree (`element` is unit `index`, or the root at
 * -1): units are in document order, so those inside it come right after it (binary search).
 */
function endOfSubtree(units: NodeListOf<Element>, index: number, element: Element): number {
  let low = index + 1;
  let high = units.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (element.contains(units[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Maps an offset in `block.text` to the text node and offset inside it (binary search). */
export function locate(block: TextBlock, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) low = mid;
    else high = mid - 1;
  }
  return { node: nodes[low]!, offset: offset - starts[low]! };
}
