/**
 * `npx tsx bench/compare-builds.ts DIR_A DIR_B [page] [pairs]`: two builds of the extension side by
 * side (e.g. `cp -r .output/chrome-mv3 /tmp/before` before a change). Loads alternate between a
 * browser with build A and one with build B, so the shared machine's noise falls on both alike;
 * prints each build's median annotation time and ratio to its load's first bare walk, and the main
 * thread's CPU time during the annotation, and from the language check to the annotation's end
 * (from a trace: unlike wall time, it does not grow when other processes take the CPU, so it
 * decides small differences better).
 */
import { readFileSync } from 'node:fs';
import type { MatchIndex } from '../src/core/matcher/match-index';
import { launchBrowser, startServer, type ExtensionBrowser } from '../tests/e2e/harness';
import { allowEvaluatedFunctionNames } from './esbuild-shim';
import { ANNOTATE_WORK_MEASURE, CHECK_MEASURE, measureFloor } from './in-page';
import { measureNameFor } from './page-runs';
import { markedSpan, markTime, navigationStartOf, overlapping, recordTrace, tasksOn, type TraceEvent } from './trace';
import { buildBenchPages, routesFor } from './pages';
import { median } from './stats';

const [dirA, dirB, name = 'article-1mb', pairsArgument = '9'] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: compare-builds.ts DIR_A DIR_B [page] [pairs]');
const index = JSON.parse(readFileSync(new URL('../.generated/match-index.json', import.meta.url), 'utf8')) as MatchIndex;
const pages = buildBenchPages(index);
const page = pages.find((candidate) => candidate.name === name)!;
const server = await startServer(routesFor(pages));
const builds: Array<{
  dir: string;
  browser: ExtensionBrowser;
  ms: number[];
  ratios: number[];
  workRatios: number[];
  cpuMs: number[];
  cpuFromCheckMs: number[];
  /** The pass's phases (the measure's detail: readMs, matchMs, renderMs), per load. */
  phases: Record<string, number[]>;
}> = [];
try {
  for (const dir of [dirA, dirB]) {
    const browser = await launchBrowser({ extensionDir: dir });
    await allowEvaluatedFunctionNames(browser.context);
    builds.push({ dir, browser, ms: [], ratios: [], workRatios: [], cpuMs: [], cpuFromCheckMs: [], phases: {} });
  }
  for (let pair = 0; pair < Number(pairsArgument); pair++) {
    for (const build of pair % 2 === 0 ? builds : [...builds].reverse()) {
      const tab = await build.browser.context.newPage();
      const cdp = await build.browser.context.newCDPSession(tab);
      const measure = measureNameFor(page);
      const url = server.url(page.path);
      const events = await recordTrace(cdp, async () => {
        await tab.goto(url);
        await tab.waitForFunction((m) => performance.getEntriesByName(m).length > 0, measure, { timeout: 30_000 });
      });
      build.cpuMs.push(cpuDuringSpan(events, url, measure));
      build.cpuFromCheckMs.push(cpuDuringSpan(events, url, measure, true));
      const { ms, detail } = await tab.evaluate((m) => {
        const entry = performance.getEntriesByName(m)[0] as PerformanceMeasure;
        return { ms: entry.duration, detail: (entry.detail ?? {}) as Record<string, unknown> };
      }, measure);
      for (const [phase, value] of Object.entries(detail))
        if (phase.endsWith('Ms') && typeof value === 'number') (build.phases[phase] ??= []).push(value);
      // Builds from before the work measure existed report NaN for it.
      const workMs = await tab.evaluate((m) => performance.getEntriesByName(m)[0]?.duration ?? NaN, ANNOTATE_WORK_MEASURE);
      const floorMs = (await measureFloor(tab, 1)).firstWalkMs;
      build.ms.push(ms);
      build.ratios.push(ms / floorMs);
      build.workRatios.push(workMs / floorMs);
      await tab.close();
    }
  }
  for (const build of builds) {
    console.log(
      `${build.dir}: ${name} median ${median(build.ms).toFixed(1)} ms, ${median(build.ratios).toFixed(1)}× the first bare walk ` +
        `(own work ${median(build.workRatios).toFixed(1)}×), main-thread CPU ${median(build.cpuMs).toFixed(1)} ms ` +
        `(${median(build.cpuFromCheckMs).toFixed(1)} ms from the language check) ` +
        `(ms ${[...build.ms]
          .sort((a, b) => a - b)
          .map((ms) => ms.toFixed(0))
          .join(' ')})`,
    );
    const phases = Object.entries(build.phases).map(
      ([phase, values]) => `${phase.replace(/Ms$/, '')} ${median(values).toFixed(1)}`,
    );
    if (phases.length > 0) console.log(`  medians of the phases (ms): ${phases.join(', ')}`);
  }
} finally {
  for (const build of builds) await build.browser.close();
  await server.close();
}

/**
 * CPU time (thread time) of the renderer main thread's top-level tasks inside the marked span, or
 * from the language check's start to the span's end (`fromCheck`): then what PolicyLens does
 * between its check and its pass (the match index's message, making the matcher) counts too.
 */
function cpuDuringSpan(events: TraceEvent[], url: string, measure: string, fromCheck = false): number {
  const thread = navigationStartOf(events, url);
  const span = markedSpan(events, measure, thread);
  if (!span) return NaN;
  const start = fromCheck ? markTime(events, `${CHECK_MEASURE}:start`, thread) : span.start;
  if (start === null) return NaN;
  return overlapping(tasksOn(events, thread), { start, end: span.end }).reduce((sum, task) => sum + task.cpuMs, 0);
}
