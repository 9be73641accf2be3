/**
 * Pointer and keyboard interaction with highlighted terms: hover (with an intent delay) opens the
 * card, moving into the card keeps it, leaving both closes it; a click on a term pins the card;
 * Esc closes. Pointer moves are coalesced to one hit-test per animation frame.
 */
import type { Annotator, FoundTerm } from './annotator';
import { caretAt } from './caret';
import { liveRange } from './ranges';
import type { ActiveTermMarker } from './tooltip/active-marker';
import type { Tooltip } from './tooltip/tooltip';

const CLOSE_GRACE_MS = 250;

/** `performance.measure` names of one hover, read by the benchmark (bench/hover.ts). */
export const HOVER_MEASURE = 'policylens:hover';
export const HOVER_HIT_TEST_MEASURE = 'policylens:hover:hit-test';
export const HOVER_SHOW_MEASURE = 'policylens:hover:show';

/** When the hit test that found the hovered term ran (performance.now() times). */
interface HitTiming {
  start: number;
  end: number;
}

export interface HoverOptions {
  /** The current annotator (a new one after a route change), or null while switched off. */
  annotator: () => Annotator | null;
  tooltip: Tooltip;
  /** Marks the term whose card is open. */
  marker: ActiveTermMarker;
  hoverDelayMs: () => number;
  signal: AbortSignal;
}

export function installHover({ annotator, tooltip, marker, hoverDelayMs, signal }: HoverOptions): {
  showTerm(term: FoundTerm, pinned: boolean): void;
} {
  let pending: number | undefined;
  let closing: number | undefined;
  let frame: number | undefined;
  let lastPoint: { x: number; y: number; target: EventTarget | null } | null = null;
  let hovered: AbstractRange | null = null;

  const showTerm = (term: FoundTerm, pinned: boolean, hit?: HitTiming): void => {
    const showStart = performance.now();
    hovered = term.range;
    const range = liveRange(term.range);
    // Measured by the marker on a clean layout, before its boxes go in (reading it later, inside the
    // card, forced a layout: about 1 ms of each hover).
    const marked = marker.show(range);
    void tooltip.show({ entryId: term.entry.id, context: term.block.text, term: marked }, pinned).then(() => {
      if (hit && tooltip.visible) recordHoverTiming(hit, showStart, performance.now());
    });
  };

  const cancelClose = (): void => {
    clearTimeout(closing);
    closing = undefined;
  };
  const scheduleClose = (): void => {
    if (tooltip.pinned || closing !== undefined) return;
    closing = window.setTimeout(() => {
      closing = undefined;
      hovered = null;
      tooltip.hide();
    }, CLOSE_GRACE_MS);
  };

  const hitTest = (): void => {
    frame = undefined;
    if (!lastPoint) return;
    const hitStart = performance.now();
    const { x, y, target } = lastPoint;
    if (target instanceof Node && tooltip.element.contains(target)) {
      cancelClose();
      return;
    }
    const caret = caretAt(document, x, y);
    const term = caret ? (annotator()?.termAt(caret.node, caret.offset, x, y) ?? null) : null;
    if (!term) {
      clearTimeout(pending);
      pending = undefined;
      if (tooltip.visible) scheduleClose();
      return;
    }
    cancelClose();
    if (term.range === hovered && (tooltip.visible || pending !== undefined)) return;
    if (tooltip.pinned) return;
    hovered = term.range;
    clearTimeout(pending);
    const hit = { start: hitStart, end: performance.now() };
    pending = window.setTimeout(() => {
      pending = undefined;
      showTerm(term, false, hit);
    }, hoverDelayMs());
  };

  document.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') return;
      lastPoint = { x: event.clientX, y: event.clientY, target: event.composedPath()[0] ?? event.target };
      frame ??= requestAnimationFrame(hitTest);
    },
    { passive: true, signal },
  );

  tooltip.element.addEventListener('pointerenter', cancelClose, { signal });
  tooltip.element.addEventListener('pointerleave', scheduleClose, { signal });

  document.addEventListener(
    'click',
    (event) => {
      if (event.composedPath().includes(tooltip.element)) return;
      const caret = caretAt(document, event.clientX, event.clientY);
      const term = caret ? (annotator()?.termAt(caret.node, caret.offset, event.clientX, event.clientY) ?? null) : null;
      if (term) {
        clearTimeout(pending);
        showTerm(term, true);
      } else if (tooltip.pinned) {
        tooltip.hide();
      }
    },
    { signal },
  );

  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && tooltip.visible) tooltip.hide();
    },
    { signal },
  );

  signal.addEventListener('abort', () => {
    clearTimeout(pending);
    clearTimeout(closing);
    if (frame !== undefined) cancelAnimationFrame(frame);
  });

  return { showTerm };
}

/**
 * Records the last hover's cost for the benchmark: the work (hit test, then building and placing
 * the card) and the latency the reader sees (which includes the intent delay). Only the latest
 * hover is kept, so a long reading session does not pile up timeline entries.
 */
function recordHoverTiming(hit: HitTiming, showStart: number, shown: number): void {
  for (const name of [HOVER_MEASURE, HOVER_HIT_TEST_MEASURE, HOVER_SHOW_MEASURE]) performance.clearMeasures(name);
  performance.measure(HOVER_HIT_TEST_MEASURE, { start: hit.start, end: hit.end });
  performance.measure(HOVER_SHOW_MEASURE, { start: showStart, end: shown });
  performance.measure(HOVER_MEASURE, { start: hit.start, end: shown });
}
