/**
 * Marks the term whose card is open (hovered, or reached from the keyboard) with a ring drawn in our
 * own shadow root, over the term's rectangles.
 *
 * Not a highlight: Chromium re-validates every range of every registered highlight when any
 * highlight changes, so a per-hover "active" highlight cost 120–170 ms of PrePaint on each hover and
 * each close on the benchmark's page with 10,000 terms (a devtools.timeline trace of one hover).
 * Positioned boxes in our fixed host cost a few rectangles per hover. The card's positioning
 * (on scrolling and resizing, tooltip.ts) calls `redraw` when it moves the card.
 *
 * The boxes are kept and moved, and the ones not needed are made transparent: adding or removing
 * a fixed box makes Chromium lay out the whole page rather than our UI's layer (tooltip.css).
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

  /** Marks the term; returns the height of its box (all its lines), measured for the drawing. */
  show(range: Range): number {
    this.range = range;
    return this.redraw();
  }

  hide(): void {
    this.range = null;
    for (const box of this.boxes()) box.classList.add('unused');
  }

  /** One box per line the term occupies (a term may wrap), in viewport coordinates like our fixed host. */
  redraw(): number {
    if (!this.range) return 0;
    const boxes = this.boxes();
    let used = 0;
    let top = Infinity;
    let bottom = -Infinity;
    for (const rect of this.range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      top = Math.min(top, rect.top);
      bottom = Math.max(bottom, rect.bottom);
      let box = boxes[used];
      if (!box) {
        box = document.createElement('div');
        box.className = 'active-term-box';
        this.layer.append(box);
      }
      used++;
      box.classList.remove('unused');
      box.style.left = `${rect.left}px`;
      box.style.top = `${rect.top}px`;
      box.style.width = `${rect.width}px`;
      box.style.height = `${rect.height}px`;
    }
    for (const box of boxes.slice(used)) box.classList.add('unused');
    return used > 0 ? bottom - top : 0;
  }

  private boxes(): HTMLElement[] {
    return [...this.layer.children] as HTMLElement[];
  }
}
