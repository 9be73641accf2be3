/**
 * Our UI's layer and the page's viewport. Everything of ours placed by the page's rectangles (the
 * hover card, the term's marker, the note dialog) is a fixed box in the layer, which is their
 * containing block, while the page's rectangles are in viewport coordinates. The two agree unless
 * the page's root element is zoomed or transformed: `alignLayer` makes them agree again.
 */
import type { Box } from './placement';

/** Where the layer's coordinates start, in viewport coordinates. */
export interface Origin {
  left: number;
  top: number;
}

/**
 * Undoes a CSS `zoom` on the root element and returns where the layer sits in the viewport; boxes
 * placed by viewport coordinates are offset by it. Call it before placing anything, on a clean
 * layout (reading the layer's position forces one otherwise).
 *
 * - Zoom: our host is a child of `<html>`, so a zoom there (some sites' accessibility toolbars set
 *   one) scaled every box of ours away from its term: at 1.5 the marker sat 1.5× as far from the
 *   viewport's corner as the term, and the card covered it. (A zoom on `<body>` does not reach us.)
 * - Origin: normally (0, 0), as our host is fixed at the viewport's corner; a transform on `<html>`
 *   makes it the host's containing block, and the layer then scrolls with the page.
 */
export function alignLayer(layer: HTMLElement): Origin {
  const zoom = rootZoom(document.documentElement);
  const undo = zoom === 1 ? '' : String(1 / zoom);
  if (layer.style.zoom !== undo) layer.style.zoom = undo;
  const { left, top } = layer.getBoundingClientRect();
  return { left, top };
}

/**
 * Puts a fixed box of the layer at (x, y) in viewport coordinates, given the layer's origin from
 * `alignLayer`: every box of ours placed by the page's rectangles goes through here.
 */
export function moveTo(box: HTMLElement, x: number, y: number, origin: Origin): void {
  box.style.left = `${x - origin.left}px`;
  box.style.top = `${y - origin.top}px`;
}

/**
 * The visual viewport (what the reader sees), in the page's (layout-viewport) coordinates, as
 * floating-ui's "viewport" boundary was; the document element's client box where there is none.
 */
export function viewportBox(): Box {
  const viewport = window.visualViewport;
  if (viewport) {
    const { offsetLeft: left, offsetTop: top } = viewport;
    return { left, top, right: left + viewport.width, bottom: top + viewport.height };
  }
  const { clientWidth, clientHeight } = document.documentElement;
  return { left: 0, top: 0, right: clientWidth, bottom: clientHeight };
}

/**
 * The root element's zoom: `currentCSSZoom` where the browser has it (Chromium 128+), a number read;
 * the computed `zoom` elsewhere (https://developer.mozilla.org/docs/Web/API/Element/currentCSSZoom).
 * Reading a computed style on every show cost a hover 0.1–0.2 ms (3.9 → 4.1 ms side by side with the
 * build without any of this); with this read, 4.1 → 4.0 ms (demo page, 64 hovers each).
 */
function rootZoom(root: HTMLElement): number {
  const current = (root as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom;
  if (typeof current === 'number') return current || 1;
  return Number.parseFloat(getComputedStyle(root).zoom) || 1;
}
