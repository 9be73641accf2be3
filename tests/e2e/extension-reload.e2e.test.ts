import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../scripts/glossary/load-glossary';
import zhCN from '../../locales/zh_CN.json';
import { hoverTerm, openAnnotated, pointOfTerm, readTooltip, SCREENSHOTS, useExtensionBrowser } from './harness';

// A browser of its own: the extension is reloaded under the page, which no other test expects.
const e2e = useExtensionBrowser();
let page: Page;

beforeAll(async () => {
  page = await openAnnotated(e2e, '/demo-speech.html');
});

describe('a page annotated before the extension was reloaded (as an update does)', () => {
  it('still shows hover cards, and a pinned card opens without its sources and says why', async () => {
    // The page's hover cards come from entries fetched before the reload.
    await hoverTerm(page, '六稳');
    await page.mouse.move(2, 2);
    const worker = e2e.browser.serviceWorker;
    const gone = new Promise((resolve) => worker.once('close', resolve));
    await worker.evaluate(() => {
      // Answer the evaluation before the worker goes away.
      setTimeout(() => chrome.runtime.reload(), 10);
    });
    await gone;

    // The page's content script is cut off from the background now: a pinned card cannot fetch
    // the full entry (sources, every rendering).
    expect((await hoverTerm(page, '六稳')).role).toBe('tooltip');
    const point = await pointOfTerm(page, '六稳');
    await page.mouse.click(point.x, point.y);
    await expect.poll(async () => (await readTooltip(page))?.role, { timeout: 5_000 }).toBe('dialog');
    const liuwen = loadGlossary(undefined, false).entries.find((entry) => entry.term === '六稳')!;
    const latest = liuwen.english.reduce((a, b) => ((b.year ?? 0) > (a.year ?? 0) ? b : a));
    const card = await page.evaluate(() => {
      const shadow = document.querySelector('policylens-ui')!.shadowRoot!;
      const root = shadow.querySelector('.tooltip')!;
      return {
        english: [...root.querySelectorAll('.english-text')].map((line) => line.textContent),
        links: root.querySelectorAll('a').length,
        notes: [...root.querySelectorAll('.note')].map((note) => note.textContent),
        focused: root.contains(shadow.activeElement),
      };
    });
    expect(card).toEqual({
      english: [latest.text],
      links: 0,
      notes: [zhCN.tooltip.sourcesUnavailable],
      focused: true,
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'tooltip-pinned-sources-unavailable.png') });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readTooltip(page))?.visible).toBe(false);
  });
});
