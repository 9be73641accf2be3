/**
 * On pages with many terms, registers only the terms near the viewport.
 *
 * Why: Chromium rebuilds its markers for every range of every registered highlight whenever the
 * document's DOM or style changes anywhere (the page's own ticker, an ad, our hover card). With the
 * 10,000 terms of the benchmark's 1 MB article each such change cost 30–170 ms of PrePaint
 * (devtools.timeline traces); with a few hundred registered it is a few ms. So above
 * WINDOW_ABOVE_RANGES every block's ranges are still made (hover, keyboard navigation, counts and
 * export use them), but a block's ranges are in its category's highlight only while its block
 * element is within a screen of the viewport, as an IntersectionObserver reports.
 */
import type { Category } from '../core/glossary/schema';
import type { HighlightLayer } from './highlight-layer';

/** Pages with more highlighted terms than this register only those near the viewport. */
export const WINDOW_ABOVE_RANGES = 2_000;

/**
 * Block elements handed to the observer per task. Its first report on each new target is built in
 * one go at the next rendering update: 10,000 targets at once made a 30 ms task. (A task of its own,
 * not an animation-frame callback, which would run inside the page's rendering task.)
 */
const OBSERVE_PER_TASK = 500;

/** What the window needs of an annotated block. */
export interface WindowedBlock {
  readonly container: Element;
  readonly ranges: readonly StaticRange[];
}

export class HighlightWindow<Block extends WindowedBlock> {
  private readonly blocksOf = new Map<Element, Set<Block>>();
  private readonly live = new Set<Block>();
  /** Blocks whose block element has no box (`display: contents`): never reported, always registered. */
  private readonly boxless = new Set<Block>();
  private readonly observer: IntersectionObserver;
  /** Block elements waiting to be observed (OBSERVE_PER_TASK a task). */
  private readonly toObserve = new Set<Element>();
  private timer: number | undefined;

  constructor(
    private readonly layer: HighlightLayer,
    private readonly categoriesOf: (block: Block) => readonly Category[],
  ) {
    // One screen above and below: terms are registered before they scroll into view.
    this.observer = new IntersectionObserver((entries) => this.update(entries), { rootMargin: '100% 0px' });
  }

  /**
   * Starts tracking a block: the observer reports its block element at the next rendering update,
   * and it is registered then if it is near the viewport. (Asking for its position now would force
   * a layout, on a long page still being laid out a long one, inside our task.)
   */
  track(block: Block): void {
    const { container } = block;
    let blocks = this.blocksOf.get(container);
    if (!blocks) {
      blocks = new Set();
      this.blocksOf.set(container, blocks);
      this.toObserve.add(container);
      this.timer ??= window.setTimeout(() => this.observeSome());
    } else if (this.boxless.has(blocks.values().next().value!)) {
      this.boxless.add(block);
      this.register(block);
    }
    blocks.add(block);
  }

  untrack(block: Block): void {
    this.unregister(block);
    this.boxless.delete(block);
    const blocks = this.blocksOf.get(block.container);
    if (!blocks) return;
    blocks.delete(block);
    if (blocks.size === 0) {
      this.blocksOf.delete(block.container);
      this.toObserve.delete(block.container);
      this.observer.unobserve(block.container);
    }
  }

  private observeSome(): void {
    this.timer = undefined;
    let count = 0;
    for (const container of this.toObserve) {
      if (count++ === OBSERVE_PER_TASK) break;
      this.toObserve.delete(container);
      this.observer.observe(container);
    }
    // The next batch after the next rendering update has reported this one.
    if (this.toObserve.size > 0) this.timer = window.setTimeout(() => this.observeSome(), 16);
  }

  /** How many ranges are registered now. */
  get registeredRanges(): number {
    let count = 0;
    for (const block of this.live) count += block.ranges.length;
    return count;
  }

  disconnect(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.toObserve.clear();
    this.blocksOf.clear();
    this.live.clear();
    this.boxless.clear();
  }

  private update(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const blocks = this.blocksOf.get(entry.target);
      if (!blocks) continue;
      // A block element without a box (`display: contents`) is never reported as intersecting:
      // its terms stay registered.
      const boxless =
        !entry.isIntersecting && entry.boundingClientRect.height === 0 && entry.target.getClientRects().length === 0;
      for (const block of blocks) {
        if (boxless) this.boxless.add(block);
        if (entry.isIntersecting || boxless) this.register(block);
        else this.unregister(block);
      }
    }
  }

  private register(block: Block): void {
    if (this.live.has(block)) return;
    this.live.add(block);
    const categories = this.categoriesOf(block);
    block.ranges.forEach((range, index) => this.layer.add(categories[index]!, range));
  }

  private unregister(block: Block): void {
    if (!this.live.delete(block)) return;
    const categories = this.categoriesOf(block);
    block.ranges.forEach((range, index) => this.layer.remove(categories[index]!, range));
  }
}
