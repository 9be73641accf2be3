/**
 * The page's text as one string (its blocks joined by "\n"), with a way from a DOM position to an
 * offset and back. The reader's highlights are anchored in this space: a selection becomes
 * offsets and a quote; a saved quote becomes a Range again on the next visit.
 */
import { collectBlocks, locate, type TextBlock } from '../page-text';

export class PageTextSpace {
  readonly text: string;
  private readonly blocks: TextBlock[];
  private readonly blockStarts: number[];
  private readonly nodeIndex = new Map<Text, { block: number; node: number }>();

  constructor(root: Node, exclude: ReadonlySet<Element>) {
    this.blocks = collectBlocks(root, { exclude });
    this.blockStarts = [];
    let length = 0;
    const parts: string[] = [];
    this.blocks.forEach((block, blockIndex) => {
      if (blockIndex > 0) length += 1;
      this.blockStarts.push(length);
      parts.push(block.text);
      length += block.text.length;
      block.nodes.forEach((node, nodeIndex) => this.nodeIndex.set(node, { block: blockIndex, node: nodeIndex }));
    });
    this.text = parts.join('\n');
  }

  /** Offset of a DOM boundary point, or null when it lies outside the reading text. */
  offsetOf(container: Node, offset: number, isEnd: boolean): number | null {
    const point =
      container.nodeType === Node.TEXT_NODE ? { node: container as Text, offset } : nearestText(container, offset, isEnd);
    if (!point) return null;
    const found = this.nodeIndex.get(point.node);
    if (!found && container.nodeType === Node.TEXT_NODE && container.parentNode) {
      // White space between blocks is not part of the reading text: step to the text beside it.
      const parent = container.parentNode;
      const index = Array.prototype.indexOf.call(parent.childNodes, container);
      return this.offsetOf(parent, isEnd ? index : index + 1, isEnd);
    }
    if (!found) return null;
    return this.blockStarts[found.block]! + this.blocks[found.block]!.starts[found.node]! + point.offset;
  }

  /** A Range over [start, end) of the text, or null when it crosses into nothing. */
  rangeOf(start: number, end: number): Range | null {
    const startBlock = this.blockAt(start);
    const endBlock = this.blockAt(Math.max(start, end - 1));
    if (startBlock < 0 || endBlock < 0) return null;
    const from = locate(this.blocks[startBlock]!, start - this.blockStarts[startBlock]!);
    const to = locate(this.blocks[endBlock]!, end - this.blockStarts[endBlock]!, true);
    const range = document.createRange();
    range.setStart(from.node, Math.min(from.offset, from.node.length));
    range.setEnd(to.node, Math.min(to.offset, to.node.length));
    return range;
  }

  private blockAt(offset: number): number {
    let low = 0;
    let high = this.blockStarts.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.blockStarts[mid]! <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }
}

/**
 * For a boundary between an element's children (a selection that starts or ends at an element edge):
 * the text node it touches, the first one after it for a start, the last one before it for an end.
 */
function nearestText(container: Node, offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  const document = container.ownerDocument ?? (container as Document);
  const root = document.body ?? document.documentElement;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const child = container.childNodes[offset] ?? null;
  if (isEnd) {
    // The last text node before the boundary: before `child`, or the last one inside `container`.
    if (child) walker.currentNode = child;
    else {
      let last: Node = container;
      while (last.lastChild) last = last.lastChild;
      if (last.nodeType === Node.TEXT_NODE) return { node: last as Text, offset: (last as Text).length };
      walker.currentNode = last;
      const next = walker.nextNode();
      walker.currentNode = next ?? last;
      if (!next) return null;
    }
    const previous = walker.previousNode() as Text | null;
    return previous ? { node: previous, offset: previous.length } : null;
  }
  if (child?.nodeType === Node.TEXT_NODE) return { node: child as Text, offset: 0 };
  walker.currentNode = child ?? container;
  if (!child) {
    let last: Node = container;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
  }
  const next = walker.nextNode() as Text | null;
  return next ? { node: next, offset: 0 } : null;
}
