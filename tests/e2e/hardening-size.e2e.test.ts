/**
 * Hardening (issue 8), size and churn: extreme pages generated in memory must stay responsive. A
 * CDP trace of the page's renderer main thread attributes tasks to PolicyLens when its content
 * script's code runs in them; none may cross the 50 ms long-task line.
 */
import { MAX_HIGHLIGHTS } from '../../src/dom/annotator';
import { WINDOW_ABOVE_RANGES } from '../../src/dom/highlight-window';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readTooltip, useExtensionBrowser, waitForAnnotation } from './harness';
import { bigTablePage, bigTextPage, churnPage, deepPage, manyNodesPage, tallParagraphsPage } from './hardening-pages';
import { startTrace } from './trace';

const html = 'text/html; charset=utf-8';
const LONG_TASK_MS = 50;

const e2e = useExtensionBrowser({
  '/big-text.html': { type: html, body: bigTextPage(10) },
  '/many-nodes.html': { type: html, body: manyNodesPage(200_000) },
  '/deep.html': { type: html, body: deepPage(2_000) },
  '/table.html': { type: html, body: bigTablePage(50_000) },
  '/churn.html': { type: html, body: churnPage(10) },
  '/tall.html': { type: html, body: tallParagraphsPage(3_000, 500) },
});

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** Ranges registered in CSS.highlights now. */
async function registeredCount(page: Page): Promise<number> {
  return page.evaluate(() => policyLensRanges().length);
}

/** Registered ranges whose text is no longer in the page (removed text nodes). */
async function registeredOutsideThePage(page: Page): Promise<number> {
  return page.evaluate(() => policyLensRanges().filter(({ range }) => !range.startContainer.isConnected).length);
}

/** Registered ranges that start inside an element matching `selector`. */
async function registeredWithin(page: Page, selector: string): Promise<number> {
  return page.evaluate((selector) => {
    const elements = [...document.querySelectorAll(selector)];
    return policyLensRanges().filter(({ range }) => elements.some((element) => element.contains(range.startContainer))).length;
  }, selector);
}

/** What the annotation pass found: the terms on the page (its measure's detail). */
async function annotationDetail(page: Page): Promise<{ terms: number; registered: number; windowed: boolean }> {
  return page.evaluate(() => (performance.getEntriesByName('policylens:annotate')[0] as PerformanceMeasure).detail as never);
}

describe('extreme pages', () => {
  const cases = [
    { path: '/big-text.html', what: '10 MB of text', highlights: MAX_HIGHLIGHTS, capped: true },
    // Its slices take 25–40 ms, but about one load in five a garbage collection of the wrappers of the
    // 400,000 nodes read lands in one (60–80 ms measured): held to a line that catches regressions.
    { path: '/many-nodes.html', what: '200,000 text nodes', highlights: 10_000, capped: false, resumedSliceLimit: 150 },
    { path: '/deep.html', what: 'nesting 2,000 deep', highlights: 43, capped: false },
    { path: '/table.html', what: 'a table of 50,000 cells', highlights: 5_000, capped: false },
  ];
  for (const { path, what, highlights, capped, resumedSliceLimit = LONG_TASK_MS } of cases) {
    it(`annotates ${what} without a task of ours over ${LONG_TASK_MS} ms`, { timeout: 60_000 }, async () => {
      const page = await e2e.browser.context.newPage();
      const errors = collectErrors(page);
      const tracer = await startTrace(page);
      await page.goto(e2e.server.url(path), { timeout: 30_000 });
      await page.waitForFunction(() => performance.getEntriesByName('policylens:annotate').length > 0, undefined, {
        timeout: 30_000,
        polling: 250,
      });
      await page.waitForTimeout(300); // the paint that follows the last highlights
      const trace = await tracer.stop();
      const ours = trace.tasks.filter((task) => task.ours);
      // As below: the script's own evaluation at load is reported, not asserted.
      const startup = ours.find((task) => task.inside.some((event) => event.startsWith('EvaluateScript(content.js)')));
      const longest = ours.filter((task) => task !== startup).reduce((max, task) => (task.duration > max.duration ? task : max));
      console.log(
        `${what}: ${ours.length} tasks of ours, the longest ${longest.duration.toFixed(1)} ms ` +
          `(content script evaluation ${startup?.duration.toFixed(1) ?? '?'} ms) (${longest.inside.slice(0, 8).join(' | ')})`,
      );
      expect(ours.length).toBeGreaterThan(0); // the attribution works at all
      expect(longest.duration, `${longest.inside.join(' | ')}`).toBeLessThan(LONG_TASK_MS);
      // Attribution needs a script event with our URL, which a slice resumed from a promise (after
      // scheduler.yield) does not carry: it runs as a bare microtask checkpoint. These pages run no
      // script of their own, so a microtask checkpoint during the annotation is ours and is held to
      // the same line. Rendering tasks (Layout, PrePaint) of the page's own are reported only.
      // The 200,000-node page once had 55–90 ms slices in every load (minor GC of the wrappers of
      // every text node kept per block); blocks keep no nodes now, and chunks stop at half a slice.
      const from = trace.marks.get('policylens:annotate:start');
      const to = trace.marks.get('policylens:annotate:end');
      expect(from, 'annotation marks in the trace').toBeDefined();
      const during = trace.tasks.filter((task) => task !== startup && task.start + task.duration >= from! && task.start <= to!);
      const worst = during.reduce<(typeof during)[number] | null>(
        (max, task) => (!max || task.duration > max.duration ? task : max),
        null,
      );
      console.log(
        `${what}: ${during.length} tasks of any kind during annotation, the longest ${worst?.duration.toFixed(1) ?? 0} ms ` +
          `(${worst?.inside.join(' | ') ?? ''})`,
      );
      const resumed = during.filter((task) => task.inside.some((event) => event.startsWith('RunMicrotasks')));
      const longestResumed = resumed.reduce((max, task) => Math.max(max, task.duration), 0);
      console.log(`${what}: longest resumed slice ${longestResumed.toFixed(1)} ms`);
      expect(longestResumed, 'a resumed slice of ours (microtask checkpoint)').toBeLessThan(resumedSliceLimit);
      const detail = await annotationDetail(page);
      expect(detail.terms).toBe(highlights);
      // Above WINDOW_ABOVE_RANGES only the terms near the viewport are registered (src/dom/highlight-window.ts).
      expect(detail.windowed).toBe(highlights > WINDOW_ABOVE_RANGES);
      const registered = await registeredCount(page);
      if (detail.windowed) {
        // Registered as the observer reports block elements near the viewport (the next frame).
        await expect.poll(() => registeredCount(page), { timeout: 5_000 }).toBeGreaterThan(0);
        expect(await registeredCount(page)).toBeLessThan(WINDOW_ABOVE_RANGES);
      } else {
        expect(registered).toBe(highlights);
      }
      expect(errors).toEqual([]);

      const popup = await e2e.browser.openPopup(page);
      await expect.poll(() => popup.locator('.summary').count(), { timeout: 10_000 }).toBe(1);
      expect(await popup.locator('.capped').count()).toBe(capped ? 1 : 0);
      if (capped) expect(await popup.locator('.capped').textContent()).toContain(String(MAX_HIGHLIGHTS));
      await popup.close();
      await page.close();
    });
  }
});

describe('a page with 10,000 terms', () => {
  it(
    'registers only the terms near the viewport, follows scrolling, and changes to the page stay cheap',
    { timeout: 60_000 },
    async () => {
      const page = await e2e.browser.context.newPage();
      const errors = collectErrors(page);
      await page.goto(e2e.server.url('/many-nodes.html'));
      await waitForAnnotation(page);
      const paragraphs = await page.locator('p').count();
      // Registered: terms in paragraphs near the viewport, none near the end of the page.
      const first5 = 'p:nth-of-type(-n+5)';
      const last5 = 'p:nth-last-of-type(-n+5)';
      expect(await registeredWithin(page, first5)).toBe(5);
      expect(await registeredWithin(page, last5)).toBe(0);
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => registeredWithin(page, last5), { timeout: 5_000 }).toBe(5);
      await expect.poll(() => registeredWithin(page, first5), { timeout: 5_000 }).toBe(0);
      expect(await registeredCount(page)).toBeLessThan(WINDOW_ABOVE_RANGES);
      // A paragraph near the viewport changes: its term leaves the window, the new text's term joins it,
      // and no range of the text that left the page stays registered. (Not the total: the page's
      // height changes with the paragraph, and the window may gain or lose a group of blocks.)
      const changing = page.locator('p').nth(paragraphs - 3);
      await changing.evaluate((paragraph) => (paragraph.textContent = '这一段没有术语'));
      await expect.poll(() => registeredWithin(page, last5), { timeout: 5_000 }).toBe(4);
      await expect.poll(() => registeredOutsideThePage(page), { timeout: 5_000 }).toBe(0);
      await changing.evaluate((paragraph) => (paragraph.textContent = '要做好六稳工作'));
      await expect.poll(() => registeredWithin(page, last5), { timeout: 5_000 }).toBe(5);
      await expect.poll(() => registeredOutsideThePage(page), { timeout: 5_000 }).toBe(0);
      // Hovering a term at the end of the page opens its card.
      const last = page
        .locator('p')
        .nth(paragraphs - 2)
        .locator('span')
        .nth(5);
      await last.hover();
      await expect.poll(async () => (await readTooltip(page))?.visible ?? false, { timeout: 5_000 }).toBe(true);
      // A change to the page costs little more rendering work than without PolicyLens: Chromium
      // rebuilds its markers for every registered range on each change, so only a window is registered.
      // (A fixed badge, like a chat button or a cookie notice: no layout of the page's content.)
      const longestTaskAfterAChange = async (): Promise<number> => {
        const tracer = await startTrace(page);
        await page.evaluate(() => {
          const badge = document.createElement('div');
          badge.style.cssText = 'position:fixed;top:8px;left:8px;padding:4px;background:#c00;color:#fff';
          badge.textContent = '新消息';
          document.documentElement.append(badge);
        });
        await page.waitForTimeout(300);
        const trace = await tracer.stop();
        return trace.tasks.reduce((max, task) => Math.max(max, task.duration), 0);
      };
      // The least of three, so a stall of the shared machine does not decide.
      const leastOfThree = async (): Promise<number> =>
        Math.min(await longestTaskAfterAChange(), await longestTaskAfterAChange(), await longestTaskAfterAChange());
      // Scrolling too: the window's observer watches only a few elements (each group's ends).
      const busyWhileScrolling = async (): Promise<number> => {
        const tracer = await startTrace(page);
        for (const step of [...Array<number>(10).fill(400), ...Array<number>(10).fill(-400)]) {
          await page.mouse.wheel(0, step);
          await page.waitForTimeout(40);
        }
        const trace = await tracer.stop();
        return trace.tasks.reduce((sum, task) => sum + task.duration, 0);
      };
      await page.mouse.move(2, 2);
      await page.waitForTimeout(600); // the card closes
      const annotated = await leastOfThree();
      const scrollingAnnotated = Math.min(await busyWhileScrolling(), await busyWhileScrolling());
      await e2e.browser.runCommand(page, 'toggle-annotation');
      await expect.poll(() => registeredCount(page)).toBe(0);
      const plain = await leastOfThree();
      const scrollingPlain = Math.min(await busyWhileScrolling(), await busyWhileScrolling());
      console.log(
        `10,000 terms: main thread busy over 20 scroll steps ${scrollingAnnotated.toFixed(0)} ms (annotation off: ${scrollingPlain.toFixed(0)} ms)`,
      );
      // 150–450 ms measured (the least of two runs); observing every block element instead cost
      // about 800 ms here, most of it intersection work.
      expect(scrollingAnnotated).toBeLessThan(scrollingPlain * 3 + 450);
      console.log(
        `10,000 terms: longest task after a change to the page ${annotated.toFixed(1)} ms (annotation off: ${plain.toFixed(1)} ms)`,
      );
      // Without the window, 10,000 registered ranges add 50–80 ms to such a change here.
      expect(annotated).toBeLessThan(plain * 1.5 + 25);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

describe('a page of 3,000 tall paragraphs', () => {
  it(
    'registers the terms on screen when the viewport lies inside a group of blocks, far from its ends',
    { timeout: 60_000 },
    async () => {
      const page = await e2e.browser.context.newPage();
      await page.goto(e2e.server.url('/tall.html'));
      await waitForAnnotation(page);

      // Groups hold up to 32 blocks of 500 px: at paragraph 1,616 the viewport lies inside a group,
      // thousands of px from its ends (registering nothing here was the bug this test caught).
      await page.evaluate(() => document.getElementById('p1616')!.scrollIntoView());
      await expect.poll(() => registeredWithin(page, '#p1616'), { timeout: 5_000 }).toBeGreaterThan(0);
      expect(await registeredWithin(page, '#p100')).toBe(0);
      expect(await registeredCount(page)).toBeLessThan(WINDOW_ABOVE_RANGES);
      await page.close();
    },
  );
});

describe('a page that never stops changing', () => {
  it('keeps its share of the main thread small and its memory flat', { timeout: 60_000 }, async () => {
    const page = await e2e.browser.context.newPage();
    const errors = collectErrors(page);
    const cdp = await e2e.browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'JSHeapUsedSize')!.value;
    };
    const tracer = await startTrace(page);
    await page.goto(e2e.server.url('/churn.html'));
    await waitForAnnotation(page);
    const heapAtStart = await heap();
    await page.waitForFunction(() => (window as unknown as { churnDone: boolean }).churnDone, undefined, { timeout: 20_000 });
    await page.waitForTimeout(1_200); // the last re-read after the ticker stops
    const trace = await tracer.stop();
    const heapAtEnd = await heap();

    const window = trace.tasks.filter((task) => task.start >= trace.tasks[0]!.start);
    const span = window.at(-1)!.start + window.at(-1)!.duration - window[0]!.start;
    const ours = window.filter((task) => task.ours);
    // Our MutationObserver callback runs inside the page's own ticker task: count our script time,
    // not the whole task, and the tasks that are ours alone (the page watcher's timers, the slices).
    const oursMs = ours.reduce((sum, task) => sum + task.ourScriptMs, 0);
    const oursUpperMs = ours.reduce((sum, task) => sum + task.duration, 0);
    const busyMs = window.reduce((sum, task) => sum + task.duration, 0);
    const growth = heapAtEnd - heapAtStart;
    console.log(
      `churn: ${span.toFixed(0)} ms traced, page+ours busy ${busyMs.toFixed(0)} ms, ours ${oursMs.toFixed(0)} ms of script ` +
        `(tasks with our code in them: ${oursUpperMs.toFixed(0)} ms) ` +
        `(${((100 * oursMs) / span).toFixed(1)} % of the time, ${ours.length} tasks); ` +
        `heap ${(heapAtStart / 1e6).toFixed(2)} → ${(heapAtEnd / 1e6).toFixed(2)} MB`,
    );
    expect(oursMs / span).toBeLessThan(0.05);
    // The script's own evaluation at load (V8 compiling 200 KB, 20–65 ms on a loaded two-core
    // machine under tracing) is not annotation work; it is reported, not asserted.
    const startup = ours.find((task) => task.inside.some((event) => event.startsWith('EvaluateScript(content.js)')));
    console.log(`content script evaluation: ${startup?.duration.toFixed(1) ?? '?'} ms`);
    const worst = ours
      .filter((task) => task !== startup)
      .reduce((max, task) => (task.ourScriptMs > max.ourScriptMs ? task : max));
    const longest = worst.ourScriptMs;
    console.log(`churn: longest script of ours in one task ${longest.toFixed(1)} ms`);
    expect(longest, `at ${worst.start.toFixed(0)} ms: ${worst.inside.join(' | ')}`).toBeLessThan(LONG_TASK_MS);
    expect(growth).toBeLessThan(1_000_000);
    // Still in step with the page after 1,000 changes: the last ticker text is highlighted.
    const tickerTerms = await registeredWithin(page, '#ticker');
    expect(tickerTerms).toBe(1);
    expect(errors).toEqual([]);
    await cdp.detach();
    await page.close();
  });
});
