/**
 * `npx tsx bench/quick-annotate.ts [page] [runs]`: median `policylens:annotate` of one bench page,
 * for quick before/after comparisons while working on the annotator (the full picture is `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import type { MatchIndex } from '../src/core/matcher/match-index';
import { launchBrowser, startServer } from '../tests/e2e/harness';
import { measureNameFor } from './page-runs';
import { buildBenchPages, routesFor } from './pages';

const name = process.argv[2] ?? 'article-1mb';
const runs = Number(process.argv[3] ?? 7);
const index = JSON.parse(readFileSync(new URL('../.generated/match-index.json', import.meta.url), 'utf8')) as MatchIndex;
const pages = buildBenchPages(index);
const page = pages.find((candidate) => candidate.name === name)!;
const server = await startServer(routesFor(pages));
const browser = await launchBrowser();
const times: number[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const tab = await browser.context.newPage();
    await tab.goto(server.url(page.path));
    const measure = measureNameFor(page);
    await tab.waitForFunction((m) => performance.getEntriesByName(m).length > 0, measure, { timeout: 30_000 });
    times.push(await tab.evaluate((m) => performance.getEntriesByName(m)[0]!.duration, measure));
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
console.log(
  `${name}: median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times[times.length - 1]!.toFixed(1)}) over ${runs} loads`,
);
