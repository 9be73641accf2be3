/**
 * Everything PolicyLens does in one document, wired together: settings → language check →
 * annotation → hover card, keyboard commands and the report the popup asks for.
 * The entrypoint only creates the shadow-root host and hands it here.
 */
import type { CardEntry } from '../core/glossary/card-entry';
import type { GlossaryEntry } from '../core/glossary/schema';
import type { MatchIndex } from '../core/matcher/match-index';
import { TermMatcher } from '../core/matcher/matcher';
import type { CommandName, OutlineReport, PageAnalysisReport, PageReport } from '../shared/protocol';
import { analyzeBlocks } from '../core/analysis/analyze';
import { documentTitle, extractOutlineBlocks } from './outline-blocks';
import { isEnabledFor, type Settings } from '../shared/settings';
import { CATEGORIES } from '../core/glossary/categories';
import { Annotator, type FoundTerm } from './annotator';
import { EntryCache } from './entry-cache';
import { measuredChineseCheck } from './chinese-check';
import { HighlightLayer, highlightApiAvailable } from './highlight-layer';
import { installHover } from './hover';
import { ActiveTermMarker } from './tooltip/active-marker';
import { watchPage } from './page-watcher';
import { liveRange } from './ranges';
import { PageOutline } from './page-outline';
import { yieldToPage } from './yield';
import { ReaderSession } from './reader/reader-session';
import { readBlocks, type TextBlock } from './page-text';
import { findUnknownFormulas } from '../core/report/unknown-formulas';
import { Tooltip } from './tooltip/tooltip';

/** `performance.measure` name of making the page's matcher (loading the prebuilt automaton), read by the benchmark. */
export const MATCHER_MEASURE = 'policylens:matcher';

/** How much of the page's text the popup's "not in the glossary" list reads (see unknownFormulas). */
const UNKNOWN_FORMULA_CHARS = 200_000;

export interface PageSessionOptions {
  /**
   * The match index (bundled glossary plus the reader's layers), asked of the background only once
   * a page turns out to need it: it is most of the data, and pages without Chinese never load it.
   */
  loadIndex: () => Promise<MatchIndex>;
  settings: Settings;
  /** The element inside our shadow root that holds the tooltip. */
  uiRoot: HTMLElement;
  /** Our shadow host, which annotation must skip. */
  uiHost: Element;
  /** What hover cards show of these entries. */
  fetchCardEntries: (ids: string[]) => Promise<CardEntry[]>;
  /** Full entries, for pinned cards. */
  fetchEntries: (ids: string[]) => Promise<GlossaryEntry[]>;
  reportCount: (count: number) => void;
  signal: AbortSignal;
}

export class PageSession {
  private settings: Settings;
  private state: PageReport['state'] = 'working';
  private annotator: Annotator | null = null;
  private readonly layer: HighlightLayer | null;
  private readonly cardEntries: EntryCache<CardEntry>;
  private readonly fullEntries: EntryCache<GlossaryEntry>;
  private readonly tooltip: Tooltip;
  private hover: ReturnType<typeof installHover> | null = null;
  private matcher: TermMatcher | null = null;
  readonly outline = new PageOutline(() => this.layer);
  readonly reader: ReaderSession;
  private readonly marker: ActiveTermMarker;
  private focusIndex = -1;
  private onPageIds = new Set<string>();
  /** Aborts what one annotation run installed (page watcher); replaced on every start. */
  private runAbort = new AbortController();

  constructor(private readonly options: PageSessionOptions) {
    this.settings = options.settings;
    this.layer = highlightApiAvailable() ? new HighlightLayer() : null;
    this.cardEntries = new EntryCache(options.fetchCardEntries);
    this.fullEntries = new EntryCache(options.fetchEntries);
    this.reader = new ReaderSession(options.uiRoot, options.uiHost, this.layer, options.signal);
    this.marker = new ActiveTermMarker(options.uiRoot);
    this.tooltip = new Tooltip(options.uiRoot, {
      cardEntries: (ids) => this.cardEntries.get(ids),
      fullEntries: (ids) => this.fullEntries.get(ids),
      onPage: () => this.onPageIds,
      settings: () => this.settings,
      onClose: () => this.marker.hide(),
      followTerm: () => this.marker.redraw(),
    });
  }

  /** The last pass started (settled when it ended, however): what settledReport waits for. */
  private passDone: Promise<unknown> = Promise.resolve();

  async start(): Promise<void> {
    const pass = this.run();
    this.passDone = pass.catch(() => undefined);
    await pass;
  }

  private async run(): Promise<void> {
    // The reader's own highlights are theirs: shown whether or not annotation runs here.
    void this.reader.restore();
    if (!isEnabledFor(this.settings, location.hostname)) {
      this.state = 'disabled';
      return;
    }
    if (!this.layer || !measuredChineseCheck()) {
      this.state = 'no-chinese';
      return;
    }
    this.state = 'working';
    // The pass starts in a task of its own when the matcher was just made: on the largest pages its
    // first slice holds the reader's native queries (up to 35 ms), which with the match index's
    // message and the matcher crossed 50 ms.
    const madeNow = !this.matcher;
    const matcher = await this.loadMatcher();
    if (madeNow) await yieldToPage();
    this.annotator = new Annotator(
      matcher,
      this.layer,
      new Set([this.options.uiHost]),
      (category) => this.settings.categories[category].enabled,
    );
    this.hover ??= installHover({
      annotator: () => this.annotator,
      tooltip: this.tooltip,
      marker: this.marker,
      hoverDelayMs: () => this.settings.hoverDelayMs,
      signal: this.options.signal,
    });
    const root = document.body ?? document.documentElement;
    const annotator = this.annotator;
    this.runAbort = new AbortController();
    // Watch before reading, so that what changes while we read is read again afterwards.
    watchPage({
      root,
      ignore: this.options.uiHost,
      onChange: async (containers) => {
        await annotator.reannotate(containers);
        this.afterChange();
      },
      signal: AbortSignal.any([this.options.signal, this.runAbort.signal]),
    });
    await annotator.annotate(root);
    if (this.annotator !== annotator) return;
    this.state = 'annotated';
    this.afterChange();
  }

  /** Runs the whole page again (a single-page app moved to another route). */
  async restart(): Promise<void> {
    if (this.state === 'disabled') return;
    this.stop();
    this.state = 'working';
    // The route change is announced before the app renders the new route: let it render first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await this.start();
  }

  private afterChange(): void {
    this.outline.invalidate();
    if (!this.annotator) return;
    const counts = this.annotator.countsByEntry();
    this.onPageIds = new Set([...counts.keys()].map((entry) => this.annotator!.entries[entry]!.id));
    this.options.reportCount(this.annotator.matchCount);
    // Warm the cache with the cards of every term on the page and of the families and members
    // those cards name, so a hover never waits on a message.
    void this.cardEntries
      .get([...this.onPageIds])
      .then((entries) =>
        this.cardEntries.get(
          [...entries.values()].flatMap((entry) => [...entry.members, ...(entry.family ? [entry.family] : [])]),
        ),
      )
      .catch(() => undefined);
  }

  stop(): void {
    this.runAbort.abort();
    this.outline.invalidate();
    this.tooltip.hide();
    this.annotator?.clear();
    this.annotator = null;
    this.onPageIds = new Set();
    this.options.reportCount(0);
  }

  async setEnabled(enabled: boolean, settings: Settings): Promise<void> {
    this.settings = settings;
    this.stop();
    if (enabled) await this.start();
    else this.state = 'disabled';
  }

  /**
   * Takes new settings without a reload. Only what changes the highlights (the site switch, a
   * category switched on or off) runs the page again; the tooltip language, pinyin and hover delay
   * are read from the settings each time they are used.
   */
  async applySettings(next: Settings): Promise<void> {
    const previous = this.settings;
    this.settings = next;
    const host = location.hostname;
    const enabled = isEnabledFor(next, host);
    const categoriesChanged = CATEGORIES.some(
      (category) => previous.categories[category].enabled !== next.categories[category].enabled,
    );
    if (enabled !== isEnabledFor(previous, host) || (enabled && categoriesChanged)) await this.setEnabled(enabled, next);
  }

  /**
   * The page's matcher, made once per session from the match index the background hands over. The
   * automaton comes prebuilt with the index (building it here took 11–40 ms); loading it is
   * measured for the benchmark.
   */
  private async loadMatcher(): Promise<TermMatcher> {
    if (!this.matcher) {
      const index = await this.options.loadIndex();
      const start = performance.now();
      this.matcher = new TermMatcher(index);
      performance.measure(MATCHER_MEASURE, { start, end: performance.now() });
    }
    return this.matcher;
  }

  /** The reader's glossary layers changed: match with the new index from now on. */
  async reloadIndex(): Promise<void> {
    if (this.matcher === null) return;
    this.matcher = null;
    if (this.state === 'disabled') return;
    this.stop();
    await this.start();
  }

  /**
   * The report for `settings` (as stored now), once the page follows them and no pass is running:
   * the popup asks right after its site switch wrote the settings, and nothing orders the storage
   * event that tells this page against the popup's message; while a pass runs the report would list
   * only part of the page (or none of it: the state said `disabled` until the pass after a switch).
   */
  async settledReport(settings: Settings): Promise<PageReport> {
    await this.applySettings(settings);
    // A pass may start while the last one is waited for (a route change): wait for that one too.
    for (let done = this.passDone; ; done = this.passDone) {
      await done;
      if (done === this.passDone) return this.report();
    }
  }

  private report(): PageReport {
    const terms: PageReport['terms'] = [];
    if (this.annotator) {
      for (const [entryIndex, count] of this.annotator.countsByEntry()) {
        const entry = this.annotator.entries[entryIndex]!;
        terms.push({ entryId: entry.id, term: entry.term, category: entry.category, count });
      }
      terms.sort((a, b) => b.count - a.count || a.term.localeCompare(b.term, 'zh'));
    }
    return {
      url: location.href,
      title: document.title,
      state: this.state,
      totalMatches: this.annotator?.matchCount ?? 0,
      capped: this.annotator?.capped ?? false,
      terms,
      glossaryVersion: this.matcher?.index.version ?? '',
      unknownFormulas: this.annotator && this.matcher ? this.unknownFormulas(this.matcher) : [],
      orphanHighlightIds: this.reader.orphanIds,
    };
  }

  /**
   * Read on demand (the popup opened), not during annotation: it needs every block, not only matched
   * ones. Synchronous (the popup waits for the answer), so only the first UNKNOWN_FORMULA_CHARS of
   * text are read: reading all of a 10 MB page took seconds in one task.
   */
  private unknownFormulas(matcher: TermMatcher): PageReport['unknownFormulas'] {
    const blocks: TextBlock[] = [];
    let chars = 0;
    for (const block of readBlocks(document.body ?? document.documentElement, { exclude: new Set([this.options.uiHost]) })) {
      if (!block) continue;
      blocks.push(block);
      chars += block.text.length;
      if (chars > UNKNOWN_FORMULA_CHARS) break;
    }
    return findUnknownFormulas(
      blocks.map(({ text }) => {
        const matches = matcher.find(text);
        return { text, covered: (start: number, end: number) => matches.some((match) => match.start < end && start < match.end) };
      }),
    ).slice(0, 30);
  }

  /** The page analysed exactly as the CLI analyses a saved file: what the popup exports. */
  async analysis(): Promise<PageAnalysisReport> {
    const matcher = await this.loadMatcher();
    const blocks = extractOutlineBlocks(document);
    return { title: documentTitle(document), url: location.href, ...analyzeBlocks(blocks, matcher) };
  }

  outlineReport(): OutlineReport {
    return this.outline.report(this.annotator);
  }

  runCommand(command: CommandName): void {
    if (command === 'highlight-selection') {
      void this.reader.createFromSelection();
      return;
    }
    if (command === 'toggle-annotation') {
      void this.setEnabled(this.annotator === null, { ...this.settings, enabled: true });
      return;
    }
    const terms = this.annotator?.allTerms() ?? [];
    if (terms.length === 0) return;
    const step = command === 'next-term' ? 1 : -1;
    this.focusIndex = (this.focusIndex + step + terms.length) % terms.length;
    this.focusTerm(terms[this.focusIndex]!);
  }

  private focusTerm(term: FoundTerm): void {
    const rect = liveRange(term.range).getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) {
      scrollBy({ top: rect.top - innerHeight / 3, behavior: 'instant' });
    }
    this.hover?.showTerm(term, true);
  }
}
