/**
 * The hover card: a text-only `role="tooltip"` while hovering, pinned (click, Enter or a keyboard
 * command) into a non-modal `role="dialog"` that takes focus and holds the source links. Lives in
 * our open shadow root; positioned by @floating-ui/dom next to the term's own rectangles so it never
 * covers the term, is never clipped by the viewport and follows scrolling and zoom.
 */
import { computePosition, flip, offset, platform, shift } from '@floating-ui/dom';
import type { CardEntry } from '../../core/glossary/card-entry';
import type { GlossaryEntry } from '../../core/glossary/schema';
import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { buildCard } from './card';

export interface TooltipTarget {
  entryId: string;
  range: Range;
  /** The block's text, to choose between senses. */
  context: string;
  /**
   * The height of the term's box (two lines when it wraps): the card's stylesheet sizes the card by
   * it. Measured by the caller before anything of ours changes the page, when reading it costs no layout.
   */
  termHeight: number;
}

export interface TooltipDeps {
  /** What hover cards show (prefetched for the page's terms). */
  cardEntries: (ids: string[]) => Promise<Map<string, CardEntry>>;
  /** Full entries (a message to the background the first time): a pinned card shows sources and notes. */
  fullEntries: (ids: string[]) => Promise<Map<string, GlossaryEntry>>;
  onPage: () => ReadonlySet<string>;
  settings: () => Settings;
  /** Called when the card closes, so the term's marker can go too. */
  onClose: () => void;
  /** Called each time the card is placed again (scrolled, resized), so the term's marker can follow. */
  onPlaced: () => void;
}

/**
 * floating-ui's DOM platform, told what it would otherwise ask the page for on every show: the
 * card is left-to-right whatever the page's direction (tooltip.css sets `direction`), so no
 * computed style is read to find out.
 */
const CARD_PLATFORM = { ...platform, isRTL: () => false };

/**
 * Flip and shift keep the card inside the viewport. Nothing else can clip it: it is fixed inside our
 * own host, which clips nothing, so the search for clipping ancestors (a computed style per
 * ancestor of the card, on every show) is skipped by naming no boundary elements.
 */
const WITHIN_VIEWPORT = { padding: 8, boundary: [] as Element[] };

export class Tooltip {
  private readonly card: HTMLDivElement;
  private readonly liveRegion: HTMLDivElement;
  private stopFollowing: (() => void) | null = null;
  private current: TooltipTarget | null = null;
  private pinnedState = false;
  private showToken = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly deps: TooltipDeps,
  ) {
    this.card = document.createElement('div');
    this.card.className = 'tooltip';
    this.setClosed(true);
    this.card.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
    this.liveRegion = document.createElement('div');
    this.liveRegion.className = 'visually-hidden';
    this.liveRegion.setAttribute('aria-live', 'polite');
    root.append(this.card, this.liveRegion);
  }

  get element(): HTMLElement {
    return this.card;
  }

  get target(): TooltipTarget | null {
    return this.current;
  }

  get pinned(): boolean {
    return this.pinnedState;
  }

  get visible(): boolean {
    return !this.card.hidden;
  }

  async show(target: TooltipTarget, pinned: boolean): Promise<void> {
    const token = ++this.showToken;
    const entries = await (pinned ? this.deps.fullEntries : this.deps.cardEntries)([target.entryId]);
    const entry = entries.get(target.entryId);
    if (!entry || token !== this.showToken) return;
    const related = await this.deps.cardEntries([...entry.members, ...(entry.family ? [entry.family] : [])]);
    if (token !== this.showToken) return;

    const settings = this.deps.settings();
    const content = buildCard({
      entry,
      lookup: (id) => related.get(id),
      onPage: this.deps.onPage(),
      language: settings.tooltipLanguage,
      showPinyin: settings.showPinyin,
      pinned,
      context: target.context,
    });
    this.current = target;
    this.pinnedState = pinned;
    this.card.replaceChildren(content);
    this.card.setAttribute('role', pinned ? 'dialog' : 'tooltip');
    this.card.setAttribute('aria-label', `${t('tooltip.regionLabel')}: ${entry.term}`);
    this.card.classList.toggle('pinned', pinned);
    if (pinned) {
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'close';
      close.textContent = '×';
      close.setAttribute('aria-label', t('tooltip.close'));
      close.addEventListener('click', () => this.hide());
      this.card.prepend(close);
      this.card.tabIndex = -1;
    } else {
      this.card.removeAttribute('tabindex');
    }
    this.card.style.setProperty('--term-height', `${target.termHeight}px`);
    this.setClosed(false);
    this.place(target.range);
    if (pinned) this.card.focus({ preventScroll: true });
    this.liveRegion.textContent = `${entry.term}: ${settings.tooltipLanguage === 'en' ? entry.summaryEn : entry.summaryZh}`;
  }

  hide(): void {
    this.showToken++;
    if (this.card.hidden) return;
    // A pinned card has focus: it goes with the card (its links go with its content).
    this.card.blur();
    this.card.removeAttribute('tabindex');
    this.card.replaceChildren();
    this.setClosed(true);
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.current = null;
    this.pinnedState = false;
    this.deps.onClose();
  }

  /**
   * Closed, the card stays in the layout, transparent (tooltip.css: taking it out of the layout
   * would lay out the page's whole document), so it is hidden from assistive technology here.
   */
  private setClosed(closed: boolean): void {
    this.card.hidden = closed;
    // (aria-hidden must say "true": an empty value hides nothing.)
    if (closed) this.card.setAttribute('aria-hidden', 'true');
    else this.card.removeAttribute('aria-hidden');
  }

  private place(range: Range): void {
    this.stopFollowing?.();
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    // The first update places a card whose marker was just drawn on a clean layout (hover.ts); asking
    // the marker to redraw here would force a layout of the new card before floating-ui measures it.
    let moved = false;
    const update = (): void => {
      if (moved) this.deps.onPlaced();
      moved = true;
      void computePosition(reference, this.card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        platform: CARD_PLATFORM,
        // No `size` middleware: its max-height, written after the first measurement, cost a second
        // forced layout of the card on every show (a third of a hover's work). The stylesheet caps
        // the card at half the viewport instead, which always fits on the term's larger side.
        middleware: [offset(6), flip(WITHIN_VIEWPORT), shift(WITHIN_VIEWPORT)],
      }).then(({ x, y }) => {
        this.card.style.left = `${x}px`;
        this.card.style.top = `${y}px`;
      });
    };
    update();
    // Scrolling and resizing move the term. One listener for scrolls anywhere (scroll events do
    // not bubble, but they pass the document on the way down) instead of floating-ui's autoUpdate,
    // which listens on each scrolling ancestor: finding those asks for the computed style of every
    // ancestor of the term and of the card on each show. Its observers for element resizes and
    // layout shifts (a ResizeObserver and an IntersectionObserver set up on every show) cost most of
    // a hover's work and follow changes a card that closes when the pointer leaves does not need to.
    const listening = { capture: true, passive: true } as const;
    document.addEventListener('scroll', update, listening);
    window.addEventListener('resize', update, { passive: true });
    this.stopFollowing = () => {
      document.removeEventListener('scroll', update, listening);
      window.removeEventListener('resize', update);
    };
  }
}
