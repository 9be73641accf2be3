/**
 * The hover card: a text-only `role="tooltip"` while hovering, pinned (click, Enter or a keyboard
 * command) into a non-modal `role="dialog"` that takes focus and holds the source links. Lives in
 * our open shadow root; placed beside the term's own rectangles (placement.ts) so it never covers
 * the term, is never clipped by the viewport and follows scrolling and zoom.
 */
import type { CardEntry } from '../../core/glossary/card-entry';
import type { GlossaryEntry } from '../../core/glossary/schema';
import { t } from '../../shared/i18n';
import type { Settings } from '../../shared/settings';
import { buildCard } from './card';
import type { MarkedTerm } from './active-marker';
import { placeCard } from './placement';
import { moveTo, viewportBox } from './ui-layer';

export interface TooltipTarget {
  entryId: string;
  /** The block's text, to choose between senses. */
  context: string;
  /**
   * The box around the term's lines (two when it wraps) and our layer's origin: the card is placed
   * beside the box, and its stylesheet sizes the card by its height. Measured by the caller before
   * anything of ours changes the page, when reading it costs no layout.
   */
  term: MarkedTerm;
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
  /** The term's box now, when the page scrolled or resized (the term's marker follows it too). */
  followTerm: () => MarkedTerm;
}

export class Tooltip {
  private readonly card: HTMLDivElement;
  private readonly liveRegion: HTMLDivElement;
  private stopFollowing: (() => void) | null = null;
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

  get pinned(): boolean {
    return this.pinnedState;
  }

  get visible(): boolean {
    return !this.card.hidden;
  }

  async show(target: TooltipTarget, pinned: boolean): Promise<void> {
    const token = ++this.showToken;
    const ids = [target.entryId];
    // Pinned, the card asks for the full entry; if the background cannot answer (the extension was
    // updated or reloaded under the page), it still opens, with what a hover card shows, and says
    // why its sources are missing.
    let sourcesUnavailable = false;
    const entries = await (pinned
      ? this.deps.fullEntries(ids).catch(() => {
          sourcesUnavailable = true;
          return this.deps.cardEntries(ids);
        })
      : this.deps.cardEntries(ids));
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
      sourcesUnavailable,
      context: target.context,
    });
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
    this.card.style.setProperty('--term-height', `${target.term.box.bottom - target.term.box.top}px`);
    this.setClosed(false);
    this.place(target.term);
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

  /**
   * Places the card beside the term and keeps it there while the page scrolls or resizes. Reading
   * the new card's size lays it out here, once: the frame would lay it out anyway, and this way the
   * hover's measure holds that work.
   */
  private place(term: MarkedTerm): void {
    this.stopFollowing?.();
    let size = this.card.getBoundingClientRect();
    const write = ({ box, origin }: MarkedTerm): void => {
      const { x, y } = placeCard(box, size, viewportBox());
      moveTo(this.card, x, y, origin);
    };
    write(term);
    const follow = (): void => write(this.deps.followTerm());
    // A resize (or a zoom) may change the card's width and maximum height with the viewport.
    const resize = (): void => {
      size = this.card.getBoundingClientRect();
      follow();
    };
    // One listener for scrolls anywhere (scroll events do not bubble, but they pass the document on
    // the way down) instead of one per scrolling ancestor of the term: finding those asks for the
    // computed style of each ancestor. No observers of element resizes or layout shifts either
    // (floating-ui's autoUpdate set up both on every show, most of a hover's work then): they follow
    // changes that a card closing when the pointer leaves does not need to.
    const listening = { capture: true, passive: true } as const;
    document.addEventListener('scroll', follow, listening);
    window.addEventListener('resize', resize, { passive: true });
    this.stopFollowing = () => {
      document.removeEventListener('scroll', follow, listening);
      window.removeEventListener('resize', resize);
    };
  }
}
