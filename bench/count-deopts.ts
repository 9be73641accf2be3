/**
 * `npx tsx bench/count-deopts.ts [page] [loads] [extension dir]`: how often V8 throws away its
 * optimised code for PolicyLens's functions while a bench page is annotated, load by load. Each
 * load is a fresh Chromium with nothing attached (no DevTools client: under one, V8 also discards
 * code for the debugger), started with V8's `--trace-deopt` on the page's address; V8 prints to the
 * browser's standard output, which is read after a fixed wait.
 *
 * Why: in some loads the matcher's compiled loop fell back to the interpreter hundreds of times
 * (see src/core/matcher/primer.ts); a median of timings hides that, a count per load does not.
 * Deoptimisations are counted by function name (the page script's names come out minified in a
 * production build: build with `npx wxt build --mode development` and pass `.output/chrome-mv3-dev`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MatchIndex } from '../src/core/matcher/match-index';
import { EXTENSION_DIR, findChromium, startServer } from '../tests/e2e/harness';
import { headlessWithExtension } from './bare-chromium';
import { buildBenchPages, routesFor } from './pages';

const name = process.argv[2] ?? 'article-1mb';
const loads = Number(process.argv[3] ?? 10);
// Absolute: Chromium does not load an extension from a relative path.
const extensionDir = resolve(process.argv[4] ?? EXTENSION_DIR);
/** Long enough for the probe, the page script and the pass on a 1 MB page on a busy machine. */
const WAIT_MS = 9_000;
/** Repeated deoptimisations of one function in one load: a sign of a loop that keeps falling back. */
const REPEATED = 10;

const index = JSON.parse(readFileSync(new URL('../.generated/match-index.json', import.meta.url), 'utf8')) as MatchIndex;
const pages = buildBenchPages(index);
const page = pages.find((candidate) => candidate.name === name);
if (!page) throw new Error(`no bench page ${name}: ${pages.map((candidate) => candidate.name).join(', ')}`);
const server = await startServer(routesFor(pages));

/** Function name → deoptimisations, from V8's trace of one load. */
async function deoptsOfOneLoad(url: string): Promise<Map<string, number>> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'policylens-deopts-'));
  const browser = spawn(
    findChromium(),
    [
      ...headlessWithExtension(userDataDir, extensionDir),
      // With --trace-opt's lines too: the renderer's output is buffered, and what is still in the
      // buffer when the browser is killed is lost; more output flushes the bailouts sooner.
      '--js-flags=--trace-deopt,--trace-opt',
      url,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let trace = '';
  browser.stdout.on('data', (data: Buffer) => (trace += data.toString('utf8')));
  await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  browser.kill('SIGKILL');
  await exited;
  // Its renderers and helpers outlive it for a moment, writing to the profile: they go too.
  spawnSync('pkill', ['-KILL', '-f', userDataDir]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  const counts = new Map<string, number>();
  for (const line of trace.split('\n')) {
    // The trace names the function, not its script: the background's and the browser's own pages'
    // functions are counted too (few, and named differently from the page script's).
    const bailout = /\[bailout \(kind: [^,]+, reason: [^)]+\): begin\. deoptimizing \S+ <JSFunction (\S*)/.exec(line);
    if (bailout) counts.set(bailout[1] || '(anonymous)', (counts.get(bailout[1] || '(anonymous)') ?? 0) + 1);
  }
  return counts;
}

try {
  let loadsWithRepeats = 0;
  for (let load = 0; load < loads; load++) {
    const counts = await deoptsOfOneLoad(server.url(page.path));
    const repeated = [...counts].filter(([, count]) => count >= REPEATED);
    if (repeated.length > 0) loadsWithRepeats++;
    const listed = [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([fn, count]) => `${fn}×${count}`)
      .join(' ');
    console.log(`load ${load + 1}: ${listed || 'none'}${repeated.length > 0 ? '  <- repeated' : ''}`);
  }
  console.log(`${name}: ${loadsWithRepeats} of ${loads} loads with a function deoptimised ${REPEATED} times or more`);
} finally {
  await server.close();
}
