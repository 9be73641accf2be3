/**
 * `npx tsx bench/profile-one.ts [page]`: a CPU profile of PolicyLens annotating one bench page
 * (default article-1mb), self time per function. Build unminified first for readable names:
 * `npx wxt build --mode development`. `PL_TOP=N` lists the N costliest functions (default 15).
 */
import { readFileSync } from 'node:fs';
import type { MatchIndex } from '../src/core/matcher/match-index';
import { launchBrowser, startServer } from '../tests/e2e/harness';
import { profileLoad } from './cpu-profile';
import { measureNameFor } from './page-runs';
import { buildBenchPages, routesFor } from './pages';

const name = process.argv[2] ?? 'article-1mb';
const index = JSON.parse(readFileSync(new URL('../.generated/match-index.json', import.meta.url), 'utf8')) as MatchIndex;
const pages = buildBenchPages(index);
const page = pages.find((candidate) => candidate.name === name)!;
const server = await startServer(routesFor(pages));
const browser = await launchBrowser();
try {
  const tab = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(tab);
  const summary = await profileLoad(tab, cdp, server.url(page.path), measureNameFor(page));
  console.log(JSON.stringify(summary, null, 1));
} finally {
  await browser.close();
  await server.close();
}
