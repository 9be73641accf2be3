/**
 * `npx tsx bench/quick-annotate.ts [page] [runs] [extension dir]`: median `policylens:annotate` of one
 * bench page, its ratio to the same load's first bare walk (the benchmark's floor), and where the
 * pass's time went (reading, matching, rendering: the measure's detail), for quick before/after
 * comparisons while working on the annotator (the full picture is `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import type { MatchIndex } from '../src/core/matcher/match-index';
import { launchBrowser, startServer } from '../tests/e2e/harness';
import { allowEvaluatedFunctionNames } from './esbuild-shim';
import { measureFloor } from './in-page';
import { measureNameFor } from './page-runs';
import { buildBenchPages, routesFor } from './pages';

const name = process.argv[2] ?? 'article-1mb';
const runs = Number(process.argv[3] ?? 7);
const index = JSON.parse(readFileSync(new URL('../.generated/match-index.json', import.meta.url), 'utf8')) as MatchIndex;
const pages = buildBenchPages(index);
const page = pages.find((candidate) => candidate.name === name)!;
const server = await startServer(routesFor(pages));
const browser = await launchBrowser(process.argv[4] ? { extensionDir: process.argv[4] } : {});
await allowEvaluatedFunctionNames(browser.context);
const times: number[] = [];
const ratios: number[] = [];
const phases: Record<string, number[]> = { readMs: [], matchMs: [], renderMs: [] };
try {
  for (let run = 0; run < runs; run++) {
    const tab = await browser.context.newPage();
    tab.on('console', (message) => {
      if (message.text().startsWith('TIMING')) console.log(message.text());
    });
    await tab.goto(server.url(page.path) + (process.env.PLVARIANT ? `?plvariant=${process.env.PLVARIANT}` : ''));
    const measure = measureNameFor(page);
    await tab.waitForFunction((m) => performance.getEntriesByName(m).length > 0, measure, { timeout: 30_000 });
    const { ms, detail } = await tab.evaluate((m) => {
      const entry = performance.getEntriesByName(m)[0] as PerformanceMeasure;
      return { ms: entry.duration, detail: (entry.detail ?? {}) as Record<string, number> };
    }, measure);
    times.push(ms);
    for (const [phase, values] of Object.entries(phases)) if (detail[phase] !== undefined) values.push(detail[phase]);
    ratios.push(ms / (await measureFloor(tab, 1)).firstWalkMs);
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
ratios.sort((a, b) => a - b);
const median = (values: number[]): string => values[Math.floor(values.length / 2)]!.toFixed(1);
console.log(
  `${name}: median ${median(times)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}) over ${runs} loads; ` +
    `median ${median(ratios)}× that load's first bare walk (min ${ratios[0]!.toFixed(1)}, max ${ratios.at(-1)!.toFixed(1)})`,
);
const phaseMedians = Object.entries(phases)
  .filter(([, values]) => values.length > 0)
  .map(([phase, values]) => `${phase.replace('Ms', '')} ${median(values.sort((a, b) => a - b))} ms`);
if (phaseMedians.length > 0) console.log(`  medians of the phases: ${phaseMedians.join(', ')}`);
