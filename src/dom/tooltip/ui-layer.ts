/**
 * Our UI's layer and the page's viewport. Our UI draws by the page's rectangles, which are in
 * viewport coordinates; our boxes are positioned in the layer's (it is their containing block, see
 * tooltip.css). The two agree unless the page's root element is zoomed or transformed.
 */

/**
 * Our UI draws in viewport coordinates (the card and the term's marker are fixed boxes placed by the
 * page's rectangles), but our host is a child of `<html>`, so a CSS `zoom` on the root element (some
 * sites' accessibility toolbars set one) would scale every box of ours away from its term: at 1.5
 * the marker sat 1.5× as far from the origin as the term, and the card covered it. The layer that
 * holds our UI undoes that zoom. (A zoom on `<body>` does not reach us.)
 */
export function undoRootZoom(layer: HTMLElement): void {
  const zoom = rootZoom(document.documentElement);
  const undo = zoom === 1 ? '' : String(1 / zoom);
  if (layer.style.zoom !== undo) layer.style.zoom = undo;
}

/**
 * Where our UI's layer sits in the viewport: the origin of the card's and the marker's coordinates
 * (the layer is their containing block). Normally (0, 0), as our host is fixed at the viewport's
 * corner; but a transform on the page's root element makes the root the host's containing block,
 * and the layer then scrolls with the page. Read it on a clean layout: it forces one otherwise.
 */
export function layerOrigin(layer: Element): { left: number; top: number } {
  const { left, top } = layer.getBoundingClientRect();
  return { left, top };
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
