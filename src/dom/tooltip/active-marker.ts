/**
 * Marks the term whose card is open (hovered, or reached from the keyboard) with a ring drawn in our
 * own shadow root, over the term's rectangles.
 *
 * Not a highlight: Chromium re-validates every range of every registered highlight when any
 * highlight changes, so a per-hover "active" highlight cost 120–170 ms of PrePaint on each hover and
 * each close on the benchmark's page with 10,000 terms (a devtools.timeline trace of one hover).
 * Positioned boxes in our fixed host cost a few rectangles per hover. The card's positioning
 * (on scrolling and resizing, tooltip.ts) calls `redraw` when it moves the card, and places the
 * card by the box it returns.
 *
 * The boxes are kept and moved, and the ones not needed are made transparent: adding or removing
 * a fixed box makes Chromium lay out the whole page rather than our UI's layer (tooltip.css).
 */
import type { Box } from './placement';
import { alignLayer, moveTo, type Origin } from './ui-layer';

/** The marked term's box (viewport coordinates) and our layer's origin, for placing the card by it. */
export interface MarkedTerm {
  box: Box;
  origin: Origin;
}

const PREMADE_BOXES = 2;

export class ActiveTermMarker {
  private readonly layer: HTMLDivElement;
  private range: Range | null = null;

  /** @param root our UI's layer, the containing block of the fixed boxes (see ui-layer.ts). */
  constructor(private readonly root: HTMLElement) {
    this.layer = document.createElement('div');
    this.layer.className = 'active-term';
    this.layer.setAttribute('aria-hidden', 'true');
    // Boxes for a term on one line or wrapped onto two, made now rather than at the first hover:
    // the first box added lays out the page's whole document (0.3–1 ms on a 1 MB article).
    for (let i = 0; i < PREMADE_BOXES; i++) this.layer.append(newBox());
    root.prepend(this.layer);
  }

  /** Marks the term; returns the box around all its lines, measured for the drawing. */
  show(range: Range): MarkedTerm {
    this.range = range;
    return this.redraw();
  }

  hide(): void {
    this.range = null;
    for (const box of this.boxes()) box.classList.add('unused');
  }

  /**
   * One box per line the term occupies (a term may wrap). Returns the box around them in viewport
   * coordinates (the range's own box when no line has a size), with the layer's origin.
   */
  redraw(): MarkedTerm {
    const origin = alignLayer(this.root);
    if (!this.range) return { box: { top: 0, bottom: 0, left: 0, right: 0 }, origin };
    const boxes = this.boxes();
    let used = 0;
    let top = Infinity;
    let bottom = -Infinity;
    let left = Infinity;
    let right = -Infinity;
    for (const rect of this.range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      top = Math.min(top, rect.top);
      bottom = Math.max(bottom, rect.bottom);
      left = Math.min(left, rect.left);
      right = Math.max(right, rect.right);
      let box = boxes[used];
      if (!box) {
        box = newBox();
        this.layer.append(box);
      }
      used++;
      box.classList.remove('unused');
      moveTo(box, rect.left, rect.top, origin);
      box.style.width = `${rect.width}px`;
      box.style.height = `${rect.height}px`;
    }
    for (const box of boxes.slice(used)) box.classList.add('unused');
    if (used > 0) return { box: { top, bottom, left, right }, origin };
    const rect = this.range.getBoundingClientRect();
    return { box: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right }, origin };
  }

  private boxes(): HTMLElement[] {
    return [...this.layer.children] as HTMLElement[];
  }
}

function newBox(): HTMLDivElement {
  const box = document.createElement('div');
  box.className = 'active-term-box unused';
  return box;
}
