/**
 * Marks the term whose card is open (hovered, or reached from the keyboard) with a ring drawn in our
 * own shadow root, over the term's rectangles.
 *
 * Not a highlight: Chromium re-validates every range of every registered highlight when any
 * highlight changes, so a per-hover "active" highlight cost 120–170 ms of PrePaint on each hover and
 * each close on the benchmark's page with 10,000 terms (a devtools.timeline trace of one hover).
 * Positioned boxes in our fixed host cost a few rectangles per hover.
 */
export class ActiveTermMarker {
  private readonly layer: HTMLDivElement;
  private range: Range | null = null;
  private frame: number | undefined;
  private readonly follow = (): void => {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.draw();
    });
  };

  constructor(root: HTMLElement) {
    this.layer = document.createElement('div');
    this.layer.className = 'active-term';
    this.layer.setAttribute('aria-hidden', 'true');
    root.prepend(this.layer);
  }

  show(range: Range): void {
    if (!this.range) {
      // Capture: scrolls of any scrolling box move the term, and scroll events do not bubble.
      addEventListener('scroll', this.follow, { capture: true, passive: true });
      addEventListener('resize', this.follow, { passive: true });
    }
    this.range = range;
    this.draw();
  }

  hide(): void {
    if (!this.range) return;
    this.range = null;
    removeEventListener('scroll', this.follow, { capture: true });
    removeEventListener('resize', this.follow);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.layer.replaceChildren();
  }

  get shown(): boolean {
    return this.range !== null;
  }

  /** One box per line the term occupies (a term may wrap), in viewport coordinates like our fixed host. */
  private draw(): void {
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
