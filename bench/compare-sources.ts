/**
 * `npx tsx bench/compare-sources.ts DIR_A DIR_B [pages] [runs]`: the annotator of two source trees
 * (each a folder holding `src/` and `.generated/`, e.g. `git worktree add /tmp/before HEAD` plus a
 * copy of `.generated`) run side by side on the bench pages, without the extension: each tree's
 * annotator is bundled (esbuild) and run once per fresh load in the page's main world, cold, as the
 * content script runs. Prints each tree's median work, its phases (read, match, render: the
 * measure's detail) and the ratio to that load's first bare walk. Faster to iterate with than
 * building the extension twice (`compare-builds.ts`), and it isolates the annotator from the rest
 * of the page script. (The main world is not the content script's isolated world: its JIT, DOM and
 * GC work should be alike, but compare-builds measures the real thing.)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { launchBrowser, ROOT, startServer } from '../tests/e2e/harness';
import { allowEvaluatedFunctionNames } from './esbuild-shim';
import { measureFloor } from './in-page';
import { buildBenchPages, routesFor } from './pages';
import { median } from './stats';

const [dirA, dirB, pageNames = 'article-1mb,heavy-dom', runsArgument = '7'] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: compare-sources.ts DIR_A DIR_B [pages] [runs]');

/** Runs one annotation of the page's body and returns the measure's work and detail. */
const ENTRY = `
import { TermMatcher } from './src/core/matcher/matcher';
import { Annotator } from './src/dom/annotator';
import { HighlightLayer } from './src/dom/highlight-layer';
import index from './.generated/match-index.json';
const matcher = new TermMatcher(index);
export async function run() {
  await new Annotator(matcher, new HighlightLayer(), new Set()).annotate(document.body);
  const pass = performance.getEntriesByName('policylens:annotate')[0];
  const work = performance.getEntriesByName('policylens:annotate:work')[0].duration;
  return { work, ...pass.detail };
}`;

async function bundle(dir: string): Promise<string> {
  const result = await build({
    stdin: { contents: ENTRY, resolveDir: resolve(dir), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'PolicyLensUnderTest',
    target: 'chrome120',
    minify: true,
    // Both trees resolve packages from this checkout.
    nodePaths: [join(ROOT, 'node_modules')],
    // A worktree has no .wxt/ for its tsconfig to extend; nothing here needs it.
    tsconfigRaw: '{}',
  });
  return result.outputFiles[0]!.text;
}

const index = JSON.parse(readFileSync(join(ROOT, '.generated/match-index.json'), 'utf8')) as Parameters<
  typeof buildBenchPages
>[0];
const pages = buildBenchPages(index);
const trees = [
  { name: 'A', dir: dirA, script: await bundle(dirA) },
  { name: 'B', dir: dirB, script: await bundle(dirB) },
];
const server = await startServer({
  ...routesFor(pages),
  ...Object.fromEntries(trees.map((tree) => [`/${tree.name}.js`, { type: 'text/javascript', body: tree.script }])),
});
const browser = await launchBrowser({ withExtension: false });
try {
  await allowEvaluatedFunctionNames(browser.context);
  for (const pageName of pageNames.split(',')) {
    const page = pages.find((candidate) => candidate.name === pageName);
    if (!page) throw new Error(`no bench page ${pageName}`);
    const samples = new Map<string, Record<string, number[]>>();
    for (let run = 0; run < Number(runsArgument); run++) {
      // Alternate the order, so the shared machine's drift falls on both trees alike.
      for (const tree of run % 2 === 0 ? trees : [...trees].reverse()) {
        const tab = await browser.context.newPage();
        await tab.goto(server.url(page.path), { waitUntil: 'load' });
        await tab.addScriptTag({ url: server.url(`/${tree.name}.js`) });
        const result = await tab.evaluate(() =>
          (
            globalThis as unknown as { PolicyLensUnderTest: { run(): Promise<Record<string, number>> } }
          ).PolicyLensUnderTest.run(),
        );
        const floor = (await measureFloor(tab, 1)).firstWalkMs;
        const values = samples.get(tree.name) ?? {};
        for (const key of ['work', 'readMs', 'matchMs', 'renderMs'])
          if (typeof result[key] === 'number') (values[key] ??= []).push(result[key]);
        (values.ratio ??= []).push(result.work! / floor);
        samples.set(tree.name, values);
        await tab.close();
      }
    }
    for (const tree of trees) {
      const values = samples.get(tree.name)!;
      const cells = Object.entries(values).map(([key, list]) => `${key.replace('Ms', '')} ${median(list).toFixed(1)}`);
      console.log(
        `${page.name} ${tree.name} (${tree.dir}): ${cells.join(', ')} (medians of ${runsArgument} loads; ratio: work / first bare walk)`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
