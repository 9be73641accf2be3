/**
 * Hit-testing: which text node and offset lie under a point. `caretPositionFromPoint` is the
 * standard (Chrome 128+, Firefox); `caretRangeFromPoint` the older WebKit/Blink form.
 * (https://developer.mozilla.org/docs/Web/API/Document/caretPositionFromPoint)
 */
export function caretAt(document: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const legacy = document as Document & { caretRangeFromPoint?: (this: Document, x: number, y: number) => Range | null };
  const range = legacy.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
