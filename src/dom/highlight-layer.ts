/**
 * Paints matches with the CSS Custom Highlight API: one `Highlight` per category, registered in
 * `CSS.highlights` as `policylens-<category>`, styled by `::highlight()` rules in
 * public/highlights.css (injected with the page script). The page's DOM, text, selection and
 * layout are never touched.
 * (https://developer.mozilla.org/docs/Web/API/CSS_Custom_Highlight_API)
 */
import type { Category } from '../core/glossary/schema';

export const HIGHLIGHT_PREFIX = 'policylens-';
/** The reader's own highlights. */
export const READER_HIGHLIGHT = `${HIGHLIGHT_PREFIX}reader`;
/** A heading the reader jumped to from the popup, marked for a moment. */
export const FLASH_HIGHLIGHT = `${HIGHLIGHT_PREFIX}flash`;

export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightLayer {
  private readonly byCategory = new Map<Category, Highlight>();
  constructor(private readonly registry: HighlightRegistry = CSS.highlights) {}

  /** Highlights filled while registration is held back, registered together on release. */
  private readonly held = new Set<Category>();
  private holding = false;

  /**
   * While a page is read for the first time, new highlights are filled but not registered: Chromium
   * re-validates every range of a registered highlight on each frame after it changes, so adding to
   * registered highlights slice after slice made frames cost more and more on a long page. Released
   * once, at the end of the pass: one validation.
   */
  holdRegistration(): void {
    this.holding = true;
  }

  releaseRegistration(): void {
    this.holding = false;
    for (const category of this.held) {
      const highlight = this.byCategory.get(category);
      if (highlight) this.registry.set(HIGHLIGHT_PREFIX + category, highlight);
    }
    this.held.clear();
  }

  add(category: Category, range: AbstractRange): void {
    let highlight = this.byCategory.get(category);
    if (!highlight) {
      highlight = new Highlight();
      this.byCategory.set(category, highlight);
      if (this.holding) this.held.add(category);
      else this.registry.set(HIGHLIGHT_PREFIX + category, highlight);
    }
    highlight.add(range);
  }

  remove(category: Category, range: AbstractRange): void {
    this.byCategory.get(category)?.delete(range);
  }

  setReader(ranges: Range[]): void {
    if (ranges.length > 0) this.registry.set(READER_HIGHLIGHT, new Highlight(...ranges));
    else this.registry.delete(READER_HIGHLIGHT);
  }

  flash(range: Range | null): void {
    if (range) this.registry.set(FLASH_HIGHLIGHT, new Highlight(range));
    else this.registry.delete(FLASH_HIGHLIGHT);
  }

  get size(): number {
    let size = 0;
    for (const highlight of this.byCategory.values()) size += highlight.size;
    return size;
  }

  clear(): void {
    for (const category of this.byCategory.keys()) this.registry.delete(HIGHLIGHT_PREFIX + category);
    this.byCategory.clear();
    this.held.clear();
    this.holding = false;
    this.flash(null);
  }
}
