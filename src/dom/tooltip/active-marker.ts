/**
 * Marks the term whose card is open (hovered, or reached from the keyboard) with a ring drawn in our
 * own shadow root, over the term's rectangles.
 *
 * Not a highlight: Chromium re-validates every range of every registered highlight when any
 * highlight changes, so a per-hover "active" highlight cost 120–170 ms of PrePaint on each hover and
 * each close on the benchmark's page with 10,000 terms (a devtools.timeline trace of one hover).
 * Positioned boxes in our fixed host cost a few rectangles per hover. The card's positioning
 * (floating-ui's autoUpdate, on scrolling and resizing) calls `redraw` when it moves the card.
 */
export class ActiveTermMarker {
  private readonly layer: HTMLDivElement;
  private range: Range | null = null;

  constructor(root: HTMLElement) {
    this.layer = document.createElement('div');
    this.layer.className = 'active-term';
    this.layer.setAttribute('aria-hidden', 'true');
    root.prepend(this.layer);
  }

  show(range: Range): void {
    this.range = range;
    this.redraw();
  }

  hide(): void {
    this.range = null;
    this.layer.replaceChildren();
  }

  /** One box per line the term occupies (a term may wrap), in viewport coordinates like our fixed host. */
  redraw(): void {
    if (!this.range) return;
    const boxes: HTMLElement[] = [];
    for (const rect of this.range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      const box = document.createElement('div');
      box.className = 'active-term-box';
      box.style.left = `${rect.left}px`;
      box.style.top = `${rect.top}px`;
      box.style.width = `${rect.width}px`;
      box.style.height = `${rect.height}px`;
      boxes.push(box);
    }
    this.layer.replaceChildren(...boxes);
  }
}
