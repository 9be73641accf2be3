/**
 * The page's outline on the content-script side: detected once and kept until the page changes,
 * with per-section term counts, the section the reader is in, and scrolling to a heading.
 * Headings cross to the popup as plain data; their elements stay here.
 */
import { detectOutline } from '../core/outline';
import type { OutlineReport } from '../shared/protocol';
import type { Annotator } from './annotator';
import { extractOutlineBlocks } from './outline-blocks';
import type { HighlightLayer } from './highlight-layer';

interface PlacedHeading {
  level: number;
  marker: string;
  title: string;
  element: Element;
}

const FLASH_MS = 1600;

export class PageOutline {
  private headings: PlacedHeading[] | null = null;
  private flashTimer: number | undefined;

  constructor(private readonly layer: () => HighlightLayer | null) {}

  /** Forget the outline: the page changed. */
  invalidate(): void {
    this.headings = null;
  }

  private read(): PlacedHeading[] {
    if (this.headings) return this.headings;
    const blocks = extractOutlineBlocks(document);
    this.headings = detectOutline(blocks).map(({ level, marker, title, block }) => ({
      level,
      marker,
      title,
      element: blocks[block]!.element,
    }));
    return this.headings;
  }

  report(annotator: Annotator | null): OutlineReport {
    const headings = this.read();
    const counts = new Array<number>(headings.length).fill(0);
    if (annotator && headings.length > 0) {
      const starts = headings.map((heading) => {
        const range = document.createRange();
        range.setStart(heading.element, 0);
        return range;
      });
      for (const term of annotator.termStarts()) {
        const index = lastHeadingBefore(starts, term.node, term.offset);
        // A term counts for its own section and every section above it.
        for (let i = index, level = Infinity; i >= 0; i--) {
          if (headings[i]!.level < level) {
            counts[i]!++;
            level = headings[i]!.level;
          }
        }
      }
    }
    return {
      headings: headings.map(({ level, marker, title }, index) => ({ level, marker, title, termCount: counts[index]! })),
      current: this.currentIndex(),
    };
  }

  /** The last heading at or above a line near the top of the viewport: the section being read. */
  currentIndex(): number {
    const headings = this.read();
    const line = Math.min(120, innerHeight * 0.15);
    let current = -1;
    for (let i = 0; i < headings.length; i++) {
      if (headings[i]!.element.getBoundingClientRect().top <= line) current = i;
      else break;
    }
    return current;
  }

  scrollTo(index: number): boolean {
    const heading = this.read()[index];
    if (!heading?.element.isConnected) return false;
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    heading.element.scrollIntoView({ block: 'start', behavior: reduceMotion ? 'instant' : 'smooth' });
    // Mark the heading briefly with a highlight of its own: the page's DOM stays untouched.
    const range = document.createRange();
    range.selectNodeContents(heading.element);
    this.layer()?.flash(range);
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => this.layer()?.flash(null), FLASH_MS);
    return true;
  }
}

/** Index of the last heading whose start is at or before the range's start, or -1. */
function lastHeadingBefore(starts: Range[], node: Node, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    // comparePoint: -1 before the (collapsed) heading start, 0 at it, 1 after it; it throws for a
    // term in another tree (a shadow root), which then counts before every heading.
    let after: boolean;
    try {
      after = starts[mid]!.comparePoint(node, offset) >= 0;
    } catch {
      after = false;
    }
    if (after) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
