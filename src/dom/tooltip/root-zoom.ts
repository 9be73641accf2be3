/**
 * Our UI draws in viewport coordinates (the card and the term's marker are fixed boxes placed by the
 * page's rectangles), but our host is a child of `<html>`, so a CSS `zoom` on the root element (some
 * sites' accessibility toolbars set one) would scale every box of ours away from its term: at 1.5
 * the marker sat 1.5× as far from the origin as the term, and the card covered it. The layer that
 * holds our UI undoes that zoom. (A zoom on `<body>` does not reach us.)
 */
export function undoRootZoom(layer: HTMLElement): void {
  const zoom = Number.parseFloat(getComputedStyle(document.documentElement).zoom) || 1;
  const undo = zoom === 1 ? '' : String(1 / zoom);
  if (layer.style.zoom !== undo) layer.style.zoom = undo;
}
