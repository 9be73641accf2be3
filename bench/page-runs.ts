/**
 * Loads of one benchmark page, each a fresh navigation so PolicyLens annotates again:
 * - timed loads (no tracing, which would slow the page): PolicyLens's own measure, the floor on the
 *   same loaded page, and the heap after GC;
 * - traced loads: the main thread's tasks, for the longest task during PolicyLens's work and the
 *   total blocking time of the load.
 * The same loads without the extension give the baselines (heap, blocking time).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../tests/e2e/harness';
import { heapAfterGc, type HeapUsage } from './heap';
import {
  ANNOTATE_MEASURE,
  ANNOTATE_WORK_MEASURE,
  CHECK_MEASURE,
  MATCHER_MEASURE,
  measureFloor,
  measureIsolatedFloor,
  readMeasure,
  waitForPolicyLens,
  type FloorResult,
} from './in-page';
import type { BenchPage } from './pages';
import {
  longestTask,
  longestTaskCpu,
  markedSpan,
  navigationStartOf,
  overlapping,
  recordTrace,
  tasksOn,
  totalBlockingTime,
  type TraceEvent,
} from './trace';

export interface TimedLoad {
  /** PolicyLens's measure as the page's clock reports it (0.1 ms resolution). */
  policyLensMs: number;
  /** PolicyLens's own slices within that span (NaN where there is no annotation). */
  policyLensWorkMs: number;
  /** Making the page's matcher from the prebuilt automaton, before the pass (NaN where there is none). */
  matcherMs: number;
  floor: FloorResult;
  heap: HeapUsage;
}

export interface TracedLoad {
  /** PolicyLens's work from its marks' exact call times (null without the extension). */
  policyLensMs: number | null;
  /** Longest main-thread task overlapping PolicyLens's work (null without the extension). */
  maxTaskMs: number | null;
  /**
   * That task's thread (CPU) time: on shared cores a task's wall time also counts the time the
   * renderer waited for a CPU, which says something about the machine, not about the task's work.
   */
  maxTaskCpuMs: number | null;
  /** Total blocking time from navigation start to load (and PolicyLens's end, when present). */
  tbtMs: number;
  /** Longest main-thread task of the whole load. */
  loadMaxTaskMs: number;
}

export function measureNameFor(page: BenchPage): string {
  return page.hasChinese ? ANNOTATE_MEASURE : CHECK_MEASURE;
}

export class PageRunner {
  private constructor(
    readonly tab: Page,
    private readonly cdp: CDPSession,
    private readonly withExtension: boolean,
  ) {}

  get cdpSession(): CDPSession {
    return this.cdp;
  }

  static async open(browser: ExtensionBrowser, withExtension: boolean): Promise<PageRunner> {
    const tab = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(tab);
    return new PageRunner(tab, cdp, withExtension);
  }

  private async load(url: string, measure: string): Promise<void> {
    await this.tab.goto(url, { waitUntil: 'load' });
    if (this.withExtension) await waitForPolicyLens(this.tab, measure);
  }

  async timedLoad(page: BenchPage, url: string): Promise<TimedLoad> {
    const measure = measureNameFor(page);
    await this.load(url, measure);
    const policyLensMs = this.withExtension ? await readMeasure(this.tab, measure) : NaN;
    const policyLensWorkMs = this.withExtension && page.hasChinese ? await readMeasure(this.tab, ANNOTATE_WORK_MEASURE) : NaN;
    const matcherMs = this.withExtension && page.hasChinese ? await readMeasure(this.tab, MATCHER_MEASURE) : NaN;
    const floor = await measureFloor(this.tab);
    const heap = await heapAfterGc(this.cdp);
    return { policyLensMs, policyLensWorkMs, matcherMs, floor, heap };
  }

  /** A fresh load (no extension expected) whose only script is the floor's walk in an isolated world. */
  async isolatedFloorLoad(url: string): Promise<number> {
    await this.tab.goto(url, { waitUntil: 'load' });
    return measureIsolatedFloor(this.cdp);
  }

  async tracedLoad(page: BenchPage, url: string): Promise<TracedLoad> {
    const measure = measureNameFor(page);
    const events = await recordTrace(this.cdp, () => this.load(url, measure));
    const loadEventEnd = await this.tab.evaluate(
      () => performance.getEntriesByType('navigation')[0]?.toJSON() as { loadEventEnd: number },
    );
    return analyzeLoad(events, url, this.withExtension ? measure : null, loadEventEnd.loadEventEnd);
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.tab.close();
  }
}

/** `loadEventEnd` is on the page's clock, whose zero is the navigation start. */
function analyzeLoad(events: readonly TraceEvent[], url: string, measure: string | null, loadEventEnd: number): TracedLoad {
  const navigation = navigationStartOf(events, url);
  const tasks = tasksOn(events, navigation);
  const load = navigation.time + loadEventEnd;
  const span = measure ? markedSpan(events, measure, navigation) : null;
  if (measure && !span) throw new Error(`no ${measure} marks in the trace of ${url}`);
  const end = Math.max(load, span?.end ?? 0);
  const loadTasks = overlapping(tasks, { start: navigation.time, end });
  return {
    policyLensMs: span ? span.end - span.start : null,
    maxTaskMs: span ? longestTask(overlapping(tasks, span)) : null,
    maxTaskCpuMs: span ? longestTaskCpu(overlapping(tasks, span)) : null,
    tbtMs: totalBlockingTime(loadTasks),
    loadMaxTaskMs: longestTask(loadTasks),
  };
}
