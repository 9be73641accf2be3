/**
 * `npm run bench`: PolicyLens's cost on four pages in headless Chromium (the e2e harness's browser
 * with the built extension), against a bare text walk (the floor), mark.js and the same pages
 * without the extension; plus hover, popup, bundle size and the matcher alone in Node.
 * Prints a report and writes bench/results.json. Options:
 *   --profile                 also record a CPU profile of each Chinese page's annotation
 *   BENCH_RUNS=5              loads per page and measure
 *   BENCH_MARKJS_CAP_MS=20000 mark.js stops here (then reported as a lower bound)
 */
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, ROOT, startServer, type ExtensionBrowser, type FixtureServer } from '../tests/e2e/harness';
import { contentScriptSize } from './bundle-size';
import { profileLoad } from './cpu-profile';
import { allowEvaluatedFunctionNames } from './esbuild-shim';
import { highlightedTerms, measureHovers, type HoverSample } from './hover';
import { describePage } from './in-page';
import { loadMarkJs, runMarkJs } from './markjs';
import { benchExport } from './export-timing';
import { benchNodeMatcher } from './node-matcher';
import { measureNameFor, PageRunner, type TimedLoad, type TracedLoad } from './page-runs';
import { buildBenchPages, routesFor, type BenchPage } from './pages';
import { loadMatchIndex } from './pages/source-text';
import { measurePopup } from './popup';
import { checkTargets, formatReport } from './report';
import { BareChromium } from './bare-chromium';
import { measureScriptStartup, type ScriptStartup } from './script-startup';
import type { BenchResults, PageResult } from './results';
import { median, summarize } from './stats';

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const MARKJS_CAP_MS = Number(process.env.BENCH_MARKJS_CAP_MS ?? 20_000);
/** Terms hovered per fresh load of the demo page, and loads: each load's first cards are cold (JIT, fonts). */
const HOVERS = 7;
const HOVER_LOADS = 3;
const PROFILE = process.argv.includes('--profile');

const log = (message: string): void => console.error(`[bench] ${message}`);

interface PageLoads {
  timed: TimedLoad[];
  traced: TracedLoad[];
  description: Awaited<ReturnType<typeof describePage>>;
}

/** One page's loads with the extension and without it, and the isolated floor measured beside them. */
interface AlternatedLoads {
  withExtension: PageLoads;
  withoutExtension: PageLoads;
  /** The floor's first walk in an isolated world, one fresh load after each timed load with the extension. */
  isolatedFloorMs: number[];
}

async function main(): Promise<void> {
  const started = performance.now();
  const markJsSource = loadMarkJs(); // fail early, before minutes of measuring
  const index = loadMatchIndex();
  const terms = index.forms.map(([form]) => form);
  const pages = buildBenchPages(index);
  const article = pages.find((page) => page.name === 'article-1mb')!;

  log('Node: matcher build and scan');
  const nodeMatcher = benchNodeMatcher(index, article.text);
  log('Node: export of 10,000 highlights');
  const exportTiming = benchExport(index, article.text);
  const contentScript = contentScriptSize();

  const server = await startServer(routesFor(pages));
  const withExtension = await launchBrowser();
  const withoutExtension = await launchBrowser({ withExtension: false });
  let results: BenchResults;
  try {
    await allowEvaluatedFunctionNames(withExtension.context);
    await allowEvaluatedFunctionNames(withoutExtension.context);
    const chromium = withExtension.context.browser()?.version() ?? (await chromiumVersion(withExtension));

    const loads = new Map<BenchPage['name'], AlternatedLoads>();
    for (const page of pages) {
      log(`with and without the extension, alternating: ${page.name}`);
      loads.set(page.name, await loadAlternately(withExtension, withoutExtension, page, server));
    }
    await withoutExtension.close();

    const { startup, popupMs } = await measureWithNothingAttached(pages, article, server);

    log('hover (demo page)');
    const demo = pages.find((page) => page.name === 'demo')!;
    const hoverSamples: HoverSample[] = [];
    for (let load = 0; load < HOVER_LOADS; load++) {
      const demoRunner = await PageRunner.open(withExtension, true);
      await demoRunner.timedLoad(demo, server.url(demo.path));
      hoverSamples.push(...(await measureHovers(demoRunner.tab, await highlightedTerms(demoRunner.tab, HOVERS))));
    }

    const profiles = new Map<BenchPage['name'], PageResult['profile']>();
    if (PROFILE) {
      for (const page of pages.filter((candidate) => candidate.hasChinese)) {
        log(`CPU profile: ${page.name}`);
        const runner = await PageRunner.open(withExtension, true);
        profiles.set(page.name, await profileLoad(runner.tab, runner.cdpSession, server.url(page.path), measureNameFor(page)));
        await runner.close();
      }
    }
    await withExtension.close();

    const pageResults: PageResult[] = [];
    for (const page of pages) {
      log(`mark.js: ${page.name} (once, capped at ${MARKJS_CAP_MS / 1000} s)`);
      const markJs = await runMarkJs(server.url(page.path), terms, markJsSource, MARKJS_CAP_MS);
      pageResults.push(pageResult(page, loads.get(page.name)!, startup.get(page.name)!, markJs, profiles.get(page.name)));
    }

    const hover = {
      samples: hoverSamples,
      workMs: summarize(hoverSamples.map((sample) => sample.workMs)),
      hitTestMs: summarize(hoverSamples.map((sample) => sample.hitTestMs)),
      showMs: summarize(hoverSamples.map((sample) => sample.showMs)),
      latencyMs: summarize(hoverSamples.map((sample) => sample.latencyMs)),
    };
    results = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, chromium },
      runs: RUNS,
      markJsCapMs: MARKJS_CAP_MS,
      pages: pageResults,
      hover,
      popupMs: summarize(popupMs),
      exportMs: exportTiming,
      contentScript,
      nodeMatcher,
      targets: checkTargets({ pages: pageResults, hover, exportMs: exportTiming, popupMs: summarize(popupMs) }),
      wallSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await withExtension.close().catch(() => undefined);
    await withoutExtension.close().catch(() => undefined);
    await server.close();
  }
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatReport(results));
}

/**
 * RUNS timed loads then RUNS traced loads of one page, each a fresh navigation, with the extension
 * and without it. The timed loads alternate, so PolicyLens's own work and its baselines (the floor
 * in a content script's world, the page's heap without the extension) are measured side by side
 * and a change in the shared machine's speed falls on both alike (they were minutes apart: every
 * page with the extension, then every page without it).
 */
async function loadAlternately(
  browserWith: ExtensionBrowser,
  browserWithout: ExtensionBrowser,
  page: BenchPage,
  server: FixtureServer,
): Promise<AlternatedLoads> {
  const runnerWith = await PageRunner.open(browserWith, true);
  const runnerWithout = await PageRunner.open(browserWithout, false);
  // A tab of its own: a page read by the isolated floor's walk, kept in the back-forward cache of the
  // tab that loads next, would count in that load's heap.
  const floorRunner = await PageRunner.open(browserWithout, false);
  const url = server.url(page.path);
  const timedWith: TimedLoad[] = [];
  const timedWithout: TimedLoad[] = [];
  const isolatedFloorMs: number[] = [];
  const tracedWith: TracedLoad[] = [];
  const tracedWithout: TracedLoad[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      timedWith.push(await settled(runnerWith.timedLoad(page, url)));
      isolatedFloorMs.push(await settled(floorRunner.isolatedFloorLoad(url)));
      timedWithout.push(await settled(runnerWithout.timedLoad(page, url)));
    }
    const describedWith = await describePage(runnerWith.tab);
    const describedWithout = await describePage(runnerWithout.tab);
    // Traced loads (longest task, blocking time) in turn, as before the timed loads alternated.
    for (let run = 0; run < RUNS; run++) tracedWith.push(await runnerWith.tracedLoad(page, url));
    for (let run = 0; run < RUNS; run++) tracedWithout.push(await runnerWithout.tracedLoad(page, url));
    return {
      withExtension: { timed: timedWith, traced: tracedWith, description: describedWith },
      withoutExtension: { timed: timedWithout, traced: tracedWithout, description: describedWithout },
      isolatedFloorMs,
    };
  } finally {
    await runnerWith.close();
    await runnerWithout.close();
    await floorRunner.close();
  }
}

/**
 * Script start-up on every page (what evaluating PolicyLens's scripts cost each load) and the
 * popup's opening on the article, in a browser no DevTools client is attached to (see BareChromium).
 */
async function measureWithNothingAttached(
  pages: readonly BenchPage[],
  article: BenchPage,
  server: FixtureServer,
): Promise<{ startup: Map<BenchPage['name'], ScriptStartup[]>; popupMs: number[] }> {
  log('script start-up (a browser no DevTools client is attached to)');
  const bare = await BareChromium.launch();
  try {
    // One load first: the extension's bindings and the browser's caches settle on the first page.
    await measureScriptStartup(bare, server.url(pages[0]!.path), 1);
    const startup = new Map<BenchPage['name'], ScriptStartup[]>();
    for (const page of pages) startup.set(page.name, await measureScriptStartup(bare, server.url(page.path), RUNS));
    log('popup on the 1 MB article (the same browser)');
    return { startup, popupMs: await measurePopup(bare, server.url(article.path), RUNS) };
  } finally {
    await bare.close();
  }
}

/** Pause after a load before the other browser's: what a page does after its load (layout, paint, GC) is not the next load's. */
const SETTLE_MS = 300;

async function settled<T>(load: Promise<T>): Promise<T> {
  const result = await load;
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return result;
}

function pageResult(
  page: BenchPage,
  { withExtension, withoutExtension, isolatedFloorMs: isolatedFloorRuns }: AlternatedLoads,
  startup: readonly ScriptStartup[],
  markJs: PageResult['markJs'],
  profile: PageResult['profile'],
): PageResult {
  const clockMs = summarize(withExtension.timed.map((load) => load.policyLensMs));
  const tracedPolicyLensMs = summarize(withExtension.traced.map((load) => load.policyLensMs ?? NaN));
  // The check takes microseconds, below the page clock's 0.1 ms: use the trace's exact times for it.
  const policyLensMs = page.hasChinese ? clockMs : tracedPolicyLensMs;
  const floorMs = summarize(withExtension.timed.map((load) => load.floor.firstWalkMs));
  const untouchedFloorMs = summarize(withoutExtension.timed.map((load) => load.floor.firstWalkMs));
  const isolatedFloorMs = summarize(isolatedFloorRuns);
  const workMs = page.hasChinese ? summarize(withExtension.timed.map((load) => load.policyLensWorkMs)) : policyLensMs;
  const hotFloorMs = summarize(withExtension.timed.map((load) => load.floor.walkMs));
  const tbtWith = summarize(withExtension.traced.map((load) => load.tbtMs));
  const tbtWithout = summarize(withoutExtension.traced.map((load) => load.tbtMs));
  return {
    name: page.name,
    htmlBytes: Buffer.byteLength(page.html, 'utf8'),
    elements: withExtension.description.elements,
    textChars: withExtension.description.textChars,
    highlights: withExtension.description.highlights,
    registeredHighlights: withExtension.description.registered,
    measured: page.hasChinese ? 'policylens:annotate' : 'policylens:check',
    policyLensMs,
    tracedPolicyLensMs,
    floorMs,
    untouchedFloorMs,
    isolatedFloorMs,
    workRatioVsIsolatedFloor: workMs.median / isolatedFloorMs.median,
    pairedWorkRatiosVsIsolatedFloor: summarize(
      withExtension.timed.map((load, run) => load.policyLensWorkMs / isolatedFloorRuns[run]!),
    ),
    ratioVsFloor: policyLensMs.median / floorMs.median,
    policyLensWorkMs: workMs,
    matcherMs: summarize(withExtension.timed.map((load) => load.matcherMs)),
    workRatioVsFloor: workMs.median / floorMs.median,
    hotFloorMs,
    ratioVsHotFloor: policyLensMs.median / hotFloorMs.median,
    markJs,
    ratioVsMarkJs: markJs.ms / policyLensMs.median,
    maxTaskMs: summarize(withExtension.traced.map((load) => load.maxTaskMs ?? NaN)),
    worstTaskCpuMs: worstTaskCpu(withExtension.traced),
    tbtWithExtensionMs: tbtWith,
    tbtWithoutExtensionMs: tbtWithout,
    tbtAddedMs: tbtWith.median - tbtWithout.median,
    loadMaxTaskWithExtensionMs: summarize(withExtension.traced.map((load) => load.loadMaxTaskMs)),
    heapAddedJsBytes:
      median(withExtension.timed.map((load) => load.heap.jsBytes)) -
      median(withoutExtension.timed.map((load) => load.heap.jsBytes)),
    heapAddedEmbedderBytes:
      median(withExtension.timed.map((load) => load.heap.embedderBytes)) -
      median(withoutExtension.timed.map((load) => load.heap.embedderBytes)),
    scriptStartupMs: summarize(startup.map((load) => load.totalMs)),
    scriptStartupByScript: medianByScript(startup),
    ...(profile ? { profile } : {}),
  };
}

/** The CPU time of the longest task of the load whose longest task was the longest. */
function worstTaskCpu(loads: readonly TracedLoad[]): number {
  const worst = loads.reduce<TracedLoad | null>(
    (found, load) => (!found || (load.maxTaskMs ?? -1) > (found.maxTaskMs ?? -1) ? load : found),
    null,
  );
  return worst?.maxTaskCpuMs ?? NaN;
}

/** Median evaluation time of each script over the loads (a script a load did not evaluate counts 0). */
function medianByScript(loads: readonly ScriptStartup[]): Record<string, number> {
  const names = new Set(loads.flatMap((load) => Object.keys(load.byScript)));
  return Object.fromEntries([...names].map((name) => [name, median(loads.map((load) => load.byScript[name] ?? 0))]));
}

async function chromiumVersion(browser: ExtensionBrowser): Promise<string> {
  const tab = await browser.context.newPage();
  const version = await tab.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
  await tab.close();
  return version.replace('Chrome/', 'Chromium ');
}

await main();
