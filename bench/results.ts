import type { ExportTiming } from './export-timing';
/** The shape of bench/results.json: everything one run measured. */
import type { FunctionCost } from './cpu-profile';
import type { HoverSample } from './hover';
import type { MarkJsResult } from './markjs';
import type { NodeMatcherResult } from './node-matcher';
import type { PageName } from './pages';
import type { Summary } from './stats';

export interface PageResult {
  name: PageName;
  htmlBytes: number;
  elements: number;
  textChars: number;
  /** Terms the annotation found and made ranges for. */
  highlights: number;
  /** Of those, registered in CSS.highlights after the load (pages with many terms register those near the viewport). */
  registeredHighlights: number;
  /** What the PolicyLens time is: the annotation, or (no Chinese) the language check. */
  measured: 'policylens:annotate' | 'policylens:check';
  /** The time compared below: the page clock's measure, or the trace's exact one for the µs-long check. */
  policyLensMs: Summary;
  /** The same measure from traced loads, exact to the µs (tracing itself adds some overhead). */
  tracedPolicyLensMs: Summary;
  /** The floor: one walk per fresh load (median over loads), the way PolicyLens's pass runs. */
  floorMs: Summary;
  /**
   * The same walk on the loads without the extension: a page nobody read before. The floor above is
   * walked after PolicyLens read the page, and the renderer keeps the strings of text nodes a script
   * has read (the worlds share one V8 isolate), so a reader that touches every text node makes the
   * walk after it cheaper.
   */
  untouchedFloorMs: Summary;
  /**
   * The same first walk in an isolated world of its own on a page nobody read: what a bare walk
   * costs a content script (see measureIsolatedFloor). The fair floor for an extension.
   */
  isolatedFloorMs: Summary;
  /** PolicyLens's own work over that floor. */
  workRatioVsIsolatedFloor: number;
  /**
   * Each load's own work over the isolated floor measured right after it (the timed loads
   * alternate): a change in the machine's speed between loads falls on both sides of each ratio.
   */
  pairedWorkRatiosVsIsolatedFloor: Summary;
  ratioVsFloor: number;
  /** PolicyLens's own slices of the annotation (the span less what ran while it yielded). */
  policyLensWorkMs: Summary;
  /** Making the page's matcher before the pass (loading the prebuilt automaton); NaN without Chinese. */
  matcherMs: Summary;
  workRatioVsFloor: number;
  /** The stricter floor: a hot walk repeated many times in a row. */
  hotFloorMs: Summary;
  ratioVsHotFloor: number;
  markJs: MarkJsResult;
  /** mark.js time over PolicyLens time: a speed-up (a lower bound when mark.js was capped). */
  ratioVsMarkJs: number;
  maxTaskMs: Summary;
  /** The CPU time of the worst load's longest task (see TracedLoad.maxTaskCpuMs). */
  worstTaskCpuMs: number;
  tbtWithExtensionMs: Summary;
  tbtWithoutExtensionMs: Summary;
  tbtAddedMs: number;
  loadMaxTaskWithExtensionMs: Summary;
  /** Median heap after GC with the extension minus without it (bytes). */
  heapAddedJsBytes: number;
  heapAddedEmbedderBytes: number;
  /** Evaluating PolicyLens's scripts in the page (the probe everywhere, the page script where needed), per load. */
  scriptStartupMs: Summary;
  /** The same, median per script file. */
  scriptStartupByScript: Record<string, number>;
  profile?: { contentScriptMs: number; top: FunctionCost[] };
}

export interface TargetCheck {
  page: PageName | 'hover' | 'export' | 'popup';
  target: string;
  value: string;
  pass: boolean;
}

export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; node: string; chromium: string };
  runs: number;
  markJsCapMs: number;
  pages: PageResult[];
  hover: { samples: HoverSample[]; workMs: Summary; hitTestMs: Summary; showMs: Summary; latencyMs: Summary };
  popupMs: Summary;
  exportMs: ExportTiming;
  /** The page script's size, and the page probe's (the one script every page loads). */
  contentScript: { bytes: number; gzipBytes: number; probe: { bytes: number; gzipBytes: number } };
  nodeMatcher: NodeMatcherResult;
  targets: TargetCheck[];
  wallSeconds: number;
}
