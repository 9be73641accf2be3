/**
 * What the benchmark evaluates inside the page's main world. PolicyLens runs in the content
 * script's isolated world, but both worlds share the document's performance timeline, so the
 * content script's marks and measures are readable here (checked: the e2e harness relies on it too).
 */
import type { CDPSession, Page } from 'playwright-core';

export const ANNOTATE_MEASURE = 'policylens:annotate';
/** The same pass, only PolicyLens's own slices (see src/dom/annotator.ts). */
export const ANNOTATE_WORK_MEASURE = 'policylens:annotate:work';
export const CHECK_MEASURE = 'policylens:check';
/** Making the page's matcher (src/dom/page-session.ts), before the pass. */
export const MATCHER_MEASURE = 'policylens:matcher';

/**
 * Waits until PolicyLens is done with the page (annotated, or stopped at the language check): a
 * PerformanceObserver in the page rather than polling, so the wait adds no tasks to what is measured.
 */
export async function waitForPolicyLens(page: Page, measure: string, timeoutMs = 30_000): Promise<void> {
  const seen = page.evaluate(
    (name) =>
      new Promise<void>((resolve) => {
        if (performance.getEntriesByName(name, 'measure').length > 0) return resolve();
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName(name).length === 0) return;
          observer.disconnect();
          resolve();
        }).observe({ type: 'measure' });
      }),
    measure,
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`PolicyLens recorded no ${measure} on ${page.url()} within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([seen, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The duration of the page's last measure of that name (ms, clock coarsened to 0.1 ms). */
export async function readMeasure(page: Page, measure: string): Promise<number> {
  return page.evaluate((name) => {
    const entry = performance.getEntriesByName(name, 'measure').at(-1);
    if (!entry) throw new Error(`no ${name} measure`);
    return entry.duration;
  }, measure);
}

export interface FloorResult {
  /** One walk, the first on this fresh page load: measured as PolicyLens's own pass is, once. */
  firstWalkMs: number;
  /** Median over batches of one walk's time once the walk is hot (ms): a stricter floor. */
  walkMs: number;
  /** Characters the walk collected. */
  chars: number;
  walksPerBatch: number;
}

/**
 * The floor's walk, as source: it runs in the page's main world (measureFloor) and in an isolated
 * world of its own (measureIsolatedFloor), so it is one text that both evaluate. Returns the length
 * read; reading the string forces it flat, as a matcher needs (V8 concatenation is lazy).
 */
const FLOOR_WALK = `() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.data;
  return text.charCodeAt(text.length >> 1) >= 0 ? text.length : 0;
}`;

/**
 * The floor: the least any page-text tool must do, a bare TreeWalker over all text nodes
 * concatenating their data. Timed once (the first walk on the fresh load, as PolicyLens's own pass
 * runs once per load), and in batches of repeated walks once it is hot (so the 0.1 ms clock
 * resolution does not dominate small pages), median of the batches.
 */
export async function measureFloor(page: Page, batches = 5): Promise<FloorResult> {
  return page.evaluate<FloorResult>(`((batchCount) => {
    const walk = ${FLOOR_WALK};
    const warmStart = performance.now();
    const chars = walk();
    const warmMs = Math.max(performance.now() - warmStart, 0.1);
    // Enough walks per batch for a batch to last ~10 ms.
    const walksPerBatch = Math.min(1000, Math.max(1, Math.ceil(10 / warmMs)));
    const means = [];
    for (let batch = 0; batch < batchCount; batch++) {
      const start = performance.now();
      for (let i = 0; i < walksPerBatch; i++) walk();
      means.push((performance.now() - start) / walksPerBatch);
    }
    means.sort((a, b) => a - b);
    return { firstWalkMs: warmMs, walkMs: means[means.length >> 1], chars, walksPerBatch };
  })(${batches})`);
}

/**
 * The same first walk in an isolated world of its own, as an extension's content script runs: the
 * least a content script must pay to read the page. A node's wrapper in the page's main world sits
 * in the node itself; in any other world it is looked up in that world's own table, so the same
 * walk costs more there (about 1.5× on the article here). Walked on a page nobody read, before
 * anything else in that load, so no other world's reading has warmed it.
 */
export async function measureIsolatedFloor(cdp: CDPSession): Promise<number> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'policylens-bench-floor',
  });
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `(() => { const walk = ${FLOOR_WALK}; const start = performance.now(); walk(); return Math.max(performance.now() - start, 0.1); })()`,
    contextId: executionContextId,
    returnByValue: true,
  });
  return result.value as number;
}

/** Counts of what a page is made of (to report what was measured). */
export async function describePage(
  page: Page,
): Promise<{ elements: number; textChars: number; highlights: number; registered: number }> {
  return page.evaluate((measure) => {
    const registered = policyLensRanges().length;
    // The terms the pass found; on long pages only those near the viewport are registered at a time.
    const detail = (performance.getEntriesByName(measure)[0] as PerformanceMeasure | undefined)?.detail as
      { terms: number } | undefined;
    return {
      elements: document.body.getElementsByTagName('*').length,
      textChars: document.body.textContent?.length ?? 0,
      highlights: detail?.terms ?? registered,
      registered,
    };
  }, ANNOTATE_MEASURE);
}
