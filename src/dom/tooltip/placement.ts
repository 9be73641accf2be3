/**
 * Where the hover card goes beside its term, as arithmetic on rectangles (no DOM): below the term,
 * or above it when the card fits there and not below, shifted sideways to stay inside the viewport.
 * It never covers the term: the card is always wholly above or below it.
 *
 * This is what floating-ui's `flip` and `shift` did for the card (same offset, padding and
 * viewport), without its general machinery: offset parents, clipping ancestors, scales and a chain
 * of promises, about 1.2 ms of a hover's 5 in Chromium, cold code on every page (demo page,
 * performance marks around each step, 36 hovers). The card's geometry is simple enough to allow
 * it: fixed in our layer at the viewport's origin, a width and a maximum height set by its
 * stylesheet (tooltip.css caps its height so that it always fits on the term's larger side).
 */

/** A rectangle in viewport coordinates (CSS pixels). */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Gap between the term and the card. */
export const CARD_OFFSET = 6;
/** The card keeps this far from the viewport's edges. */
export const VIEWPORT_PADDING = 8;

/** The card's top-left corner, viewport coordinates. */
export interface Placement {
  x: number;
  y: number;
}

/**
 * Below when the card fits below; otherwise above when it fits there; otherwise on the side with
 * more room (the stylesheet's cap makes that rare: only windows too small for any card). Sideways,
 * aligned with the term's start, moved in to keep the padding; a card wider than the viewport's
 * inside keeps the left padding.
 */
export function placeCard(term: Box, card: Size, viewport: Box): Placement {
  const roomBelow = viewport.bottom - VIEWPORT_PADDING - (term.bottom + CARD_OFFSET);
  const roomAbove = term.top - CARD_OFFSET - (viewport.top + VIEWPORT_PADDING);
  // (A card that fits above but not below always has more room above.)
  const below = card.height <= roomBelow || roomBelow >= roomAbove;
  const lowest = viewport.left + VIEWPORT_PADDING;
  const highest = viewport.right - VIEWPORT_PADDING - card.width;
  return {
    x: Math.max(lowest, Math.min(term.left, highest)),
    y: below ? term.bottom + CARD_OFFSET : term.top - CARD_OFFSET - card.height,
  };
}
