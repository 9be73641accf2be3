/**
 * `npx tsx bench/trace-one.ts [page]`: what fills PolicyLens's annotation span on one load of a bench
 * page — each main-thread task inside the span with its busiest kinds of work (script, GC, style,
 * layout, paint), and the idle gaps between them; `PL_FROM_CHECK=1` starts at PolicyLens's language
 * check instead. Traces with devtools.timeline, which slows the page (~1.7×): read it for
 * proportions, not for scores (`npm run bench` scores).
 */
import { readFileSync } from 'node:fs';
import type { MatchIndex } from '../src/core/matcher/match-index';
import { launchBrowser, startServer } from '../tests/e2e/harness';
import { measureNameFor } from './page-runs';
import { manyNodesPage } from '../tests/e2e/hardening-pages';
import { buildBenchPages, routesFor } from './pages';
import { CHECK_MEASURE, waitForPolicyLens } from './in-page';
import { markedSpan, markTime, navigationStartOf, overlapping, recordTrace, tasksOn } from './trace';

const name = process.argv[2] ?? 'article-1mb';
const categories = (
  process.argv[3] ??
  'toplevel,blink.user_timing,__metadata,v8,v8.execute,disabled-by-default-v8.gc,disabled-by-default-v8.compile'
).split(',');
const index = JSON.parse(readFileSync(new URL('../.generated/match-index.json', import.meta.url), 'utf8')) as MatchIndex;
const pages = buildBenchPages(index);
const extra = { name: 'many-nodes', path: '/many-nodes.html', html: manyNodesPage(200_000), hasChinese: true, text: '' } as const;
const page = name === 'many-nodes' ? extra : pages.find((candidate) => candidate.name === name)!;
const server = await startServer({ ...routesFor(pages), [extra.path]: { type: 'text/html; charset=utf-8', body: extra.html } });
const browser = await launchBrowser();
try {
  const tab = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(tab);
  const url = server.url(page.path);
  const measure = measureNameFor(page as never);
  const events = await recordTrace(
    cdp,
    async () => {
      await tab.goto(url, { waitUntil: 'load' });
      await waitForPolicyLens(tab, measure);
    },
    categories,
  );
  const thread = navigationStartOf(events, url);
  const span = markedSpan(events, measure, thread)!;
  // PL_FROM_CHECK=1: from the language check on, so the match index's message and the matcher show too.
  if (process.env.PL_FROM_CHECK) span.start = markTime(events, `${CHECK_MEASURE}:start`, thread) ?? span.start;
  console.log(`span ${(span.end - span.start).toFixed(1)} ms`);
  const tasks = overlapping(tasksOn(events, thread), span);
  let previousEnd = span.start;
  let busy = 0;
  for (const task of tasks) {
    const gap = task.start - previousEnd;
    const inside = events.filter(
      (event) =>
        event.pid === thread.pid &&
        event.tid === thread.tid &&
        event.ph === 'X' &&
        event.dur !== undefined &&
        event.ts / 1000 >= task.start &&
        (event.ts + event.dur) / 1000 <= task.end,
    );
    const byName = new Map<string, number>();
    for (const event of inside) byName.set(event.name, (byName.get(event.name) ?? 0) + event.dur! / 1000);
    const top = [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([n, ms]) => `${n}=${ms.toFixed(1)}`)
      .join(' ');
    console.log(`+${(task.start - span.start).toFixed(1)} gap ${gap.toFixed(1)} task ${task.duration.toFixed(1)} | ${top}`);
    busy += task.duration;
    previousEnd = task.end;
  }
  console.log(`busy ${busy.toFixed(1)} ms in ${tasks.length} tasks`);
  // Totals per event name over the span (nested events count in their own name too).
  const totals = new Map<string, number>();
  for (const event of events) {
    if (event.pid !== thread.pid || event.tid !== thread.tid || event.ph !== 'X' || event.dur === undefined) continue;
    if (event.ts / 1000 < span.start || (event.ts + event.dur) / 1000 > span.end) continue;
    totals.set(event.name, (totals.get(event.name) ?? 0) + event.dur / 1000);
  }
  console.log(
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([n, ms]) => `${n}=${ms.toFixed(1)}`)
      .join('\n'),
  );
} finally {
  await browser.close();
  await server.close();
}
