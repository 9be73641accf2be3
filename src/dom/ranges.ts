/**
 * Highlights are registered as StaticRanges: far cheaper to create than live Ranges, and the page
 * pays nothing for them when it mutates (a live Range is updated on every DOM change around it).
 * The page watcher re-reads changed blocks, so nothing relies on ranges following mutations.
 * Geometry and comparisons need a live Range: made on demand, for one term at a time.
 */
export function staticRange(startContainer: Node, startOffset: number, endContainer: Node, endOffset: number): StaticRange {
  return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
}

export function liveRange(range: AbstractRange): Range {
  if (range instanceof Range) return range;
  const live = (range.startContainer.ownerDocument ?? document).createRange();
  live.setStart(range.startContainer, Math.min(range.startOffset, maxOffset(range.startContainer)));
  live.setEnd(range.endContainer, Math.min(range.endOffset, maxOffset(range.endContainer)));
  return live;
}

/** Whether a static range still points into the page (its nodes may have been removed or shortened). */
export function isValidRange(range: AbstractRange): boolean {
  return range.startContainer.isConnected && range.endContainer.isConnected && range.endOffset <= maxOffset(range.endContainer);
}

function maxOffset(node: Node): number {
  return node.nodeType === Node.TEXT_NODE ? (node as Text).length : node.childNodes.length;
}
