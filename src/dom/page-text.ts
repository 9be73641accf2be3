/**
 * Reads the page's reading text in one TreeWalker pass, as blocks: each block is the flat text of
 * one run of inline content (a paragraph, a list item, a table cell …) with a table mapping offsets
 * back to text nodes. Terms split across inline elements (六<b>稳</b>, <font>, links) are found
 * because matching runs on the flat text; terms never join across blocks.
 */

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
 * Unbroken text longer than this (a huge <pre>, a plain-text page) is cut into blocks of about this
 * size at text-node boundaries, so that matching one block never becomes a long task. A term that
 * straddles such a cut is missed: the price of staying responsive.
 */
export const MAX_BLOCK_CHARS = 16_384;

/** Nodes visited between two pause points of `readBlocks`, where a caller may check its clock. */
const NODES_PER_PAUSE = 256;

/**
 * Collects the blocks under `root` (an element, document or shadow root), including open shadow
 * roots below it. Blocks with no text are left out.
 */
export function collectBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const block of readBlocks(root, options)) if (block) blocks.push(block);
  return blocks;
}

/**
 * The same walk as a generator, so the annotator can stop after any block and give the page a turn:
 * a long page is read across several short tasks instead of one long one. It also yields `null`
 * every few hundred nodes, so a page of 200,000 text nodes in few blocks can be paused mid-walk.
 *
 * Speed matters here (the walk is most of the cost on element-heavy pages), hence:
 * - no TreeWalker filter callback: skipped subtrees are stepped over with nextSibling/parentNode,
 *   so there is no call back into JS per node;
 * - block ends are found by keeping the chain of open ancestors (a node's parent must be on it),
 *   which costs one `parentNode` read per node instead of a `contains()` walk.
 */
export function* readBlocks(root: Node, options: CollectOptions = {}): Generator<TextBlock | null, void, void> {
  const document = root.ownerDocument ?? (root as Document);
  const outer = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : (document.body ?? document.documentElement);
  if (!outer) return;
  if (root.nodeType === Node.ELEMENT_NODE && isSkippedElement(root as Element, options.exclude)) return;

  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const outerBlock = nearestBlock(outer);
  let parts: string[] = [];
  let length = 0;
  let nodes: Text[] = [];
  let starts: number[] = [];
  let container: Element = outerBlock;
  const shadowRoots: ShadowRoot[] = [];
  /** Open ancestors of the current node (below `root`), and which of them are blocks. */
  const path: Node[] = [root];
  const pathIsBlock: boolean[] = [false];
  const blockStack: Element[] = [];

  const take = (): TextBlock | null => {
    const block = nodes.length > 0 ? { text: parts.join(''), nodes, starts, container } : null;
    parts = [];
    length = 0;
    nodes = [];
    starts = [];
    return block && /\S/.test(block.text) ? block : null;
  };

  let visited = 0;
  let node = walker.nextNode();
  while (node) {
    if (++visited % NODES_PER_PAUSE === 0) yield null;
    // Leave the ancestors this node is not inside; leaving a block ends the current block of text.
    const parent = node.parentNode;
    let ended = false;
    while (path.length > 1 && path[path.length - 1] !== parent) {
      path.pop();
      if (pathIsBlock.pop()) {
        blockStack.pop();
        ended = true;
      }
    }
    if (ended) {
      const block = take();
      if (block) yield block;
      container = blockStack[blockStack.length - 1] ?? outerBlock;
    }

    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        if (length >= MAX_BLOCK_CHARS) {
          const block = take();
          if (block) yield block;
        }
        if (nodes.length === 0) container = blockStack[blockStack.length - 1] ?? outerBlock;
        nodes.push(node as Text);
        starts.push(length);
        parts.push(data);
        length += data.length;
      }
      node = walker.nextNode();
      continue;
    }

    const element = node as Element;
    if (isSkippedElement(element, options.exclude)) {
      node = skipSubtree(walker);
      continue;
    }
    if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
    const block = isBlockElement(element);
    if (block) {
      const before = take();
      if (before) yield before;
      blockStack.push(element);
      container = element;
    }
    path.push(element);
    pathIsBlock.push(block);
    node = walker.nextNode();
  }
  const last = take();
  if (last) yield last;
  for (const shadowRoot of shadowRoots) yield* readBlocks(shadowRoot, options);
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
