/**
 * On pages with many terms, registers only the terms near the viewport.
 *
 * Why: Chromium rebuilds its markers for every range of every registered highlight whenever the
 * document's DOM or style changes anywhere (the page's own ticker, an ad, our hover card). With the
 * 10,000 terms of the benchmark's 1 MB article each such change cost 30–170 ms of PrePaint
 * (devtools.timeline traces); with a few hundred registered it is a few ms. So above
 * WINDOW_ABOVE_RANGES every block's ranges are still made (hover, keyboard navigation, counts and
 * export use them), but a block's ranges are in its category's highlight only while it is within
 * a screen of the viewport.
 *
 * How: blocks are grouped in reading order, GROUP_SIZE to a group, and an IntersectionObserver
 * watches only each group's first and last block elements. Watching every block element cost
 * 15 ms of intersection work per scrolled frame on the article (5,000 targets); a few hundred cost
 * next to nothing. A group is near when one of its ends is, or when the viewport lies between them
 * (its first block above, its last below): consecutive blocks of a page's flow span the space
 * between their first and last. The observer reports an element only when it enters or leaves the
 * (extended) viewport, not when a jump (an anchor, End, scrollIntoView) moves it from below to above
 * without crossing: so once scrolling settles, the ends outside are placed again by their
 * rectangles (two reads per group).
 */
import type { Category } from '../core/glossary/schema';
import type { HighlightLayer } from './highlight-layer';

/** Pages with more highlighted terms than this register only those near the viewport. */
export const WINDOW_ABOVE_RANGES = 2_000;

/** Blocks per group (see above). */
const GROUP_SIZE = 32;

/** Quiet time after the last scroll event before group ends are placed by their rectangles. */
const SCROLL_SETTLE_MS = 100;

/** What the window needs of an annotated block. */
export interface WindowedBlock {
  readonly container: Element;
  readonly ranges: readonly StaticRange[];
}

/** Where a group's end was last seen relative to the extended viewport. */
type Side = 'above' | 'in' | 'below';

interface Group<Block> {
  blocks: Block[];
  first: Element | null;
  last: Element | null;
  near: boolean;
  /** Still taking blocks (not yet observed). */
  open: boolean;
}

export class HighlightWindow<Block extends WindowedBlock> {
  private readonly observer: IntersectionObserver;
  /**
   * Every group, in the order they were opened. A block's group is found by searching them (only when a block is
   * re-read): with a map from each block to its group, tracking cost 8–10 ms of the benchmark
   * article's pass, without it about 3 ms (an isolated-world harness, 8–10 loads each).
   */
  private groups: Array<Group<Block>> = [];
  /** Observed element → the groups it ends. */
  private readonly ends = new Map<Element, Array<Group<Block>>>();
  /** Where each observed element was last reported (not yet reported: below). */
  private readonly sides = new Map<Element, Side>();
  private open: Group<Block> | null = null;
  private settleTimer: number | undefined;
  /**
   * Once scrolling settles: while it goes on smoothly, ends pass through the viewport and the
   * observer reports them; reading rectangles every frame instead cost a style update of the whole
   * page per frame on the largest pages.
   */
  private readonly onScroll = (): void => {
    clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(() => this.placeEndsOutside(), SCROLL_SETTLE_MS);
  };

  constructor(
    private readonly layer: HighlightLayer,
    private readonly categoriesOf: (block: Block) => readonly Category[],
  ) {
    // One screen above and below: terms are registered before they scroll into view.
    this.observer = new IntersectionObserver((entries) => this.update(entries), { rootMargin: '100% 0px' });
    // Capture: a scroll of any scrolling box may move blocks, and scroll events do not bubble.
    addEventListener('scroll', this.onScroll, { capture: true, passive: true });
  }

  /**
   * Starts tracking a block (blocks come in reading order). Its group is observed once full, or when
   * the read that found it ends (`flush`); the observer reports it at the next rendering update, and
   * it is registered then if near. (Asking for positions now would force a layout, on a long page
   * still being laid out a long one, inside our task.)
   */
  track(block: Block): void {
    let group = this.open;
    if (!group) {
      group = { blocks: [], first: null, last: null, near: false, open: true };
      this.open = group;
      this.groups.push(group);
    }
    group.blocks.push(block);
    if (group.blocks.length >= GROUP_SIZE) this.flush();
  }

  untrack(block: Block): void {
    const group = this.groups.findLast((candidate) => candidate.blocks.includes(block));
    if (!group) return;
    if (group.near) this.setRegistered(block, false);
    group.blocks = group.blocks.filter((other) => other !== block);
    // Pages that keep changing re-read blocks again and again: no empty group is kept.
    if (group.blocks.length === 0) {
      this.groups.splice(this.groups.indexOf(group), 1);
      if (group === this.open) this.open = null;
    }
    if (group.open) return;
    // Its ends may have changed: observe the group's new ends (or nothing, once it is empty).
    this.unobserveEnds(group);
    if (group.blocks.length > 0) this.observeEnds(group);
  }

  disconnect(): void {
    this.observer.disconnect();
    removeEventListener('scroll', this.onScroll, { capture: true });
    clearTimeout(this.settleTimer);
    this.open = null;
    this.groups = [];
    this.ends.clear();
    this.sides.clear();
  }

  /**
   * Observes the group still taking blocks: when it is full, and when a read ends (the annotator
   * calls it). (Not a timer per group: in a content script's world a setTimeout and its clearTimeout
   * cost 5–10 µs, 1 ms of the article's pass.)
   */
  flush(): void {
    const group = this.open;
    this.open = null;
    if (!group) return;
    group.open = false;
    this.observeEnds(group);
  }

  private observeEnds(group: Group<Block>): void {
    group.first = group.blocks[0]!.container;
    group.last = group.blocks[group.blocks.length - 1]!.container;
    for (const element of new Set([group.first, group.last])) {
      const groups = this.ends.get(element);
      if (groups) groups.push(group);
      else {
        this.ends.set(element, [group]);
        this.observer.observe(element);
      }
    }
    // An end already observed for another group keeps its last reported side.
    this.refresh(group);
  }

  private unobserveEnds(group: Group<Block>): void {
    for (const element of new Set([group.first, group.last])) {
      if (!element) continue;
      const groups = this.ends.get(element)?.filter((other) => other !== group) ?? [];
      if (groups.length > 0) this.ends.set(element, groups);
      else if (this.ends.delete(element)) {
        this.sides.delete(element);
        this.observer.unobserve(element);
      }
    }
  }

  private update(entries: IntersectionObserverEntry[]): void {
    const changed = new Set<Group<Block>>();
    for (const entry of entries) {
      this.sides.set(entry.target, sideOf(entry));
      for (const group of this.ends.get(entry.target) ?? []) changed.add(group);
    }
    for (const group of changed) this.refresh(group);
  }

  /** Places the observed ends not inside the extended viewport as above or below it, by their rectangles. */
  private placeEndsOutside(): void {
    const top = -innerHeight;
    const bottom = 2 * innerHeight;
    // All rectangles first, then the changes: registering changes highlights, and a rectangle read
    // after that would lay the page out again.
    const moved: Array<[Element, Side]> = [];
    for (const element of this.ends.keys()) {
      const known = this.sides.get(element);
      if (known === 'in') continue;
      const rect = element.getBoundingClientRect();
      const side: Side = rect.bottom <= top ? 'above' : rect.top >= bottom ? 'below' : 'in';
      if (side !== known) moved.push([element, side]);
    }
    const changed = new Set<Group<Block>>();
    for (const [element, side] of moved) {
      this.sides.set(element, side);
      for (const group of this.ends.get(element) ?? []) changed.add(group);
    }
    for (const group of changed) this.refresh(group);
  }

  /** Registers or unregisters a group's blocks as its ends say whether it is near the viewport. */
  private refresh(group: Group<Block>): void {
    if (!group.first || !group.last) return;
    const first = this.sides.get(group.first) ?? 'below';
    const last = this.sides.get(group.last) ?? 'below';
    const near = first === 'in' || last === 'in' || (first === 'above' && last === 'below');
    if (near === group.near) return;
    group.near = near;
    for (const block of group.blocks) this.setRegistered(block, near);
  }

  private setRegistered(block: Block, registered: boolean): void {
    const categories = this.categoriesOf(block);
    block.ranges.forEach((range, index) => {
      if (registered) this.layer.add(categories[index]!, range);
      else this.layer.remove(categories[index]!, range);
    });
  }
}

/**
 * Where an observed element lies relative to the extended viewport. An element without a box
 * (`display: contents`) is never reported as intersecting: it counts as in, so its terms stay
 * registered.
 */
function sideOf(entry: IntersectionObserverEntry): Side {
  if (entry.isIntersecting) return 'in';
  const rect = entry.boundingClientRect;
  if (rect.width === 0 && rect.height === 0 && entry.target.getClientRects().length === 0) return 'in';
  return rect.bottom <= (entry.rootBounds?.top ?? 0) ? 'above' : 'below';
}
