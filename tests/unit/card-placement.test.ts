import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_OFFSET, placeCard, VIEWPORT_PADDING, type Box } from '../../src/dom/tooltip/placement';

/** Sums of fractional pixels are not exact. */
const EPSILON = 1e-9;

const viewport: Box = { left: 0, top: 0, right: 1280, bottom: 900 };

/** A viewport (possibly scrolled by pinch zoom), a term inside it and a card of some size. */
const scene = fc
  .record({
    left: fc.integer({ min: 0, max: 400 }),
    top: fc.integer({ min: 0, max: 400 }),
    width: fc.integer({ min: 200, max: 2000 }),
    height: fc.integer({ min: 150, max: 1200 }),
  })
  .chain((view) =>
    fc.record({
      viewport: fc.constant<Box>({
        left: view.left,
        top: view.top,
        right: view.left + view.width,
        bottom: view.top + view.height,
      }),
      term: fc
        .record({
          // Where the term sits, in thousandths of the room (fc.double keeps to the edges: 0, 1 and tiny values).
          x: fc.integer({ min: 0, max: 1000 }),
          y: fc.integer({ min: 0, max: 1000 }),
          width: fc.integer({ min: 10, max: 400 }),
          height: fc.integer({ min: 12, max: 60 }),
        })
        .map(({ x, y, width, height }): Box => {
          const left = view.left + (x / 1000) * Math.max(0, view.width - width);
          const top = view.top + (y / 1000) * Math.max(0, view.height - height);
          return { left, top, right: left + width, bottom: top + height };
        }),
      card: fc.record({ width: fc.integer({ min: 100, max: 420 }), height: fc.integer({ min: 40, max: 900 }) }),
    }),
  );

describe('where the hover card goes beside its term', () => {
  it('goes below the term when it fits there, aligned with the term’s start', () => {
    const term: Box = { left: 300, top: 200, right: 340, bottom: 224 };
    expect(placeCard(term, { width: 420, height: 300 }, viewport)).toEqual({
      x: 300,
      y: 224 + CARD_OFFSET,
    });
  });

  it('goes above a term near the bottom, and moves in from the right edge', () => {
    const term: Box = { left: 1200, top: 800, right: 1240, bottom: 824 };
    expect(placeCard(term, { width: 420, height: 300 }, viewport)).toEqual({
      x: 1280 - VIEWPORT_PADDING - 420,
      y: 800 - CARD_OFFSET - 300,
    });
  });

  it('keeps the left padding when the card is wider than the viewport’s inside', () => {
    const narrow: Box = { left: 0, top: 0, right: 300, bottom: 600 };
    const term: Box = { left: 120, top: 100, right: 160, bottom: 124 };
    expect(placeCard(term, { width: 420, height: 200 }, narrow).x).toBe(VIEWPORT_PADDING);
  });

  it('never covers the term, and stays inside the viewport wherever it fits', () => {
    fc.assert(
      fc.property(scene, ({ viewport, term, card }) => {
        const { x, y } = placeCard(term, card, viewport);
        // Wholly below or wholly above the term, the offset away.
        const below = y >= term.bottom + CARD_OFFSET - EPSILON;
        const above = y + card.height <= term.top - CARD_OFFSET + EPSILON;
        expect(below || above).toBe(true);

        const roomBelow = viewport.bottom - VIEWPORT_PADDING - (term.bottom + CARD_OFFSET);
        const roomAbove = term.top - CARD_OFFSET - (viewport.top + VIEWPORT_PADDING);
        // Below, right under the term, whenever it fits there.
        if (card.height <= roomBelow) expect(y).toBeCloseTo(term.bottom + CARD_OFFSET, 9);
        // Fitting neither side (a window too small for the stylesheet's cap), on the side with more room.
        if (card.height > Math.max(roomBelow, roomAbove)) expect(below).toBe(roomBelow >= roomAbove);
        // The stylesheet caps the card to fit on the term's larger side: then it is inside the viewport.
        if (card.height <= Math.max(roomBelow, roomAbove)) {
          expect(y).toBeGreaterThanOrEqual(viewport.top + VIEWPORT_PADDING - EPSILON);
          expect(y + card.height).toBeLessThanOrEqual(viewport.bottom - VIEWPORT_PADDING + EPSILON);
        }
        if (card.width <= viewport.right - viewport.left - 2 * VIEWPORT_PADDING) {
          expect(x).toBeGreaterThanOrEqual(viewport.left + VIEWPORT_PADDING - EPSILON);
          expect(x + card.width).toBeLessThanOrEqual(viewport.right - VIEWPORT_PADDING + EPSILON);
        } else {
          expect(x).toBe(viewport.left + VIEWPORT_PADDING);
        }
      }),
    );
  });
});
