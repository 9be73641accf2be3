/**
 * The comparison: mark.js 8.11.1 (the usual choice for "highlight these words in a page") marking
 * the same term list, in a page of its own in a browser without the extension. It marks by
 * wrapping matches in elements, one DOM pass per keyword, all in one synchronous task, so on big
 * pages it is stopped at a cap and reported as a lower bound.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launchBrowser } from '../tests/e2e/harness';
import { allowEvaluatedFunctionNames } from './esbuild-shim';

const MARKJS_FILE = 'mark.js/dist/mark.min.js';
/** Where to look when mark.js is not (yet) a devDependency of the project. */
const SCRATCH_DIR = process.env.BENCH_MARKJS_DIR ?? '/tmp/markjs';

export function loadMarkJs(): string {
  const bases = [import.meta.url, join(SCRATCH_DIR, 'package.json')];
  for (const base of bases) {
    try {
      const path = createRequire(base).resolve(MARKJS_FILE);
      if (existsSync(path)) return readFileSync(path, 'utf8');
    } catch {
      // Not resolvable from this base: try the next.
    }
  }
  throw new Error(
    `mark.js is missing. Add it to the project (npm install --save-dev --save-exact mark.js@8.11.1), or install it into ` +
      `${SCRATCH_DIR} (mkdir -p ${SCRATCH_DIR} && cd ${SCRATCH_DIR} && npm init -y && npm install mark.js@8.11.1), ` +
      'or point BENCH_MARKJS_DIR at a folder where it is installed.',
  );
}

/**
 * mark.js recurses once per keyword: with all ~1,700 forms in one call it overflows the stack
 * ("Invalid regular expression: Stack overflow") even on the 20 KB demo. So the list goes in calls
 * of this many keywords, one after the other, longest first (as one call would order them).
 */
const KEYWORDS_PER_CALL = 100;

function longestFirst(terms: readonly string[]): string[] {
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

export interface MarkJsResult {
  /** Time to mark the page, or the cap when it was stopped. */
  ms: number;
  capped: boolean;
  /** Elements mark.js inserted (null when capped). */
  marks: number | null;
  /** When capped: the whole list's time extrapolated from the keywords done by the cap (an estimate, not a measurement). */
  estimatedMs: number | null;
}

/** Marks `url` with every term, once, in a fresh browser without the extension; stops at `capMs`. */
export async function runMarkJs(
  url: string,
  terms: readonly string[],
  markJsSource: string,
  capMs: number,
): Promise<MarkJsResult> {
  const browser = await launchBrowser({ withExtension: false });
  try {
    await allowEvaluatedFunctionNames(browser.context);
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ content: markJsSource });
    const marking = page.evaluate(
      async ({ keywords, chunkSize }) => {
        type MarkJs = new (context: Element) => { mark(keywords: string[], options: object): void };
        const Mark = (window as unknown as { Mark: MarkJs }).Mark;
        const marker = new Mark(document.body);
        const start = performance.now();
        let marks = 0;
        const progress = { keywords: 0, ms: 0 };
        (window as unknown as { markJsProgress: typeof progress }).markJsProgress = progress;
        for (let i = 0; i < keywords.length; i += chunkSize) {
          marks += await new Promise<number>((resolve) => {
            marker.mark(keywords.slice(i, i + chunkSize), { separateWordSearch: false, acrossElements: true, done: resolve });
          });
          progress.keywords = Math.min(keywords.length, i + chunkSize);
          progress.ms = performance.now() - start;
          // Let the page breathe between calls, so the bench can read the progress at the cap.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        return { ms: performance.now() - start, marks };
      },
      { keywords: longestFirst(terms), chunkSize: KEYWORDS_PER_CALL },
    );
    let timer: NodeJS.Timeout | undefined;
    const cap = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), capMs);
    });
    const result = await Promise.race([marking, cap]);
    clearTimeout(timer);
    // A capped page is still busy in mark.js: its evaluation fails when the browser goes away.
    marking.catch(() => undefined);
    if (result) return { ms: result.ms, capped: false, marks: result.marks, estimatedMs: null };
    const progress = await Promise.race([
      page.evaluate(() => (window as unknown as { markJsProgress: { keywords: number; ms: number } }).markJsProgress),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]).catch(() => null);
    const keywordCount = new Set(terms).size;
    const estimatedMs = progress && progress.keywords > 0 ? (progress.ms * keywordCount) / progress.keywords : null;
    return { ms: capMs, capped: true, marks: null, estimatedMs };
  } finally {
    await closeWithin(browser.close(), 10_000);
  }
}

/** Closing a browser whose renderer is stuck in a long task can hang; do not let it hang the bench. */
async function closeWithin(closing: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closing.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
