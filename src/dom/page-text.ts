/**
 * Reads the page's reading text in one TreeWalker pass, as blocks: each block is the flat text of
 * one run of inline content (a paragraph, a list item, a table cell …) with a table mapping offsets
 * back to text nodes. Terms split across inline elements (六<b>稳</b>, <font>, links) are found
 * because matching runs on the flat text; terms never join across blocks.
 */

/** Elements whose content is not reading text, or is the reader's own input. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
]);

/** Elements that start and end a block of text (tag-based, as computing styles would cost a layout). */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'BUTTON',
  'LEGEND',
  'OPTGROUP',
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
  if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return true;
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
  return BLOCK_TAGS.has(element.tagName.toUpperCase());
}

/**
 * A block is cut at the first text node boundary past this many characters. Chromium's parser
 * already splits long text into nodes of at most 65,536 characters, so a 10 MB <pre> or text/plain
 * page becomes many blocks the annotator can match one slice at a time instead of one long task. A
 * term straddling the cut (once per 16K characters of unbroken text) is not found.
 */
export const MAX_BLOCK_CHARS = 16_384;

/** Nodes visited between two pause points of `iterateBlocks`, where a caller may check its clock. */
const NODES_PER_PAUSE = 256;

/**
 * Collects the blocks under `root` (an element, document or shadow root), including open shadow
 * roots below it. Blocks with no text are left out.
 */
export function collectBlocks(root: Node, options: CollectOptions = {}): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const block of iterateBlocks(root, options)) if (block) blocks.push(block);
  return blocks;
}

/**
 * The same walk as `collectBlocks`, lazily: yields each block as it is complete, and `null` every
 * few hundred nodes, so a caller can yield to the page in the middle of a page of 200,000 text
 * nodes with few blocks (one walk of such a page takes seconds, far over the 50 ms long-task line).
 */
export function* iterateBlocks(root: Node, options: CollectOptions = {}): Generator<TextBlock | null, void, void> {
  const document = root.ownerDocument ?? (root as Document);
  const startContainer = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : (document.body ?? document.documentElement);
  if (!startContainer) return;
  if (root.nodeType === Node.ELEMENT_NODE && isSkippedElement(root as Element, options.exclude)) return;

  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      return isSkippedElement(node as Element, options.exclude) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });

  let text = '';
  let nodes: Text[] = [];
  let starts: number[] = [];
  let container: Element = nearestBlock(startContainer);
  const shadowRoots: ShadowRoot[] = [];

  const take = (): TextBlock | null => {
    const block = nodes.length > 0 && /\S/.test(text) ? { text, nodes, starts, container } : null;
    text = '';
    nodes = [];
    starts = [];
    return block;
  };

  // A block ends where a block element opens or closes. The walker gives only openings, so track
  // the open block elements as a stack and flush whenever the walk leaves one.
  const openBlocks: Element[] = [];
  let visited = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++visited % NODES_PER_PAUSE === 0) yield null;
    while (openBlocks.length > 0 && !openBlocks[openBlocks.length - 1]!.contains(node)) {
      openBlocks.pop();
      const block = take();
      if (block) yield block;
      container = openBlocks[openBlocks.length - 1] ?? nearestBlock(startContainer);
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      if (text.length >= MAX_BLOCK_CHARS) {
        const block = take();
        if (block) yield block;
      }
      if (nodes.length === 0) container = openBlocks[openBlocks.length - 1] ?? nearestBlock(node.parentElement ?? startContainer);
      nodes.push(node as Text);
      starts.push(text.length);
      text += data;
      continue;
    }
    const element = node as Element;
    if (element.shadowRoot) shadowRoots.push(element.shadowRoot);
    if (isBlockElement(element)) {
      const block = take();
      if (block) yield block;
      openBlocks.push(element);
      container = element;
    }
  }
  const last = take();
  if (last) yield last;
  for (const shadowRoot of shadowRoots) yield* iterateBlocks(shadowRoot, options);
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
