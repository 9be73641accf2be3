import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  pointOfTerm,
  readTooltip,
  SCREENSHOTS,
  startServer,
  waitForHighlights,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

let server: FixtureServer;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(server.url('/demo-speech.html'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo speech page in Chromium with the built extension', () => {
  it('highlights the four family terms through CSS.highlights', async () => {
    const highlights = await waitForHighlights(page);
    // Quotes inside a match stay in its range (“放管服”改革 is the full form 放管服改革).
    const all = Object.values(highlights)
      .flat()
      .map((text) => text.replace(/[“”]/g, ''));
    for (const term of ['六稳', '六保', '三大攻坚战', '放管服'])
      expect(
        all.some((text) => text.startsWith(term)),
        term,
      ).toBe(true);
  });

  it('adds exactly one element to the page and leaves its DOM and text as the server sent them', async () => {
    const comparison = await page.evaluate(async () => {
      const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const tags = (root: Document) => [...root.getElementsByTagName('*')].map((element) => element.tagName).join(' ');
      return {
        hosts: document.querySelectorAll('policylens-ui').length,
        liveTags: tags(document).replace(/ POLICYLENS-UI/, ''),
        servedTags: tags(served),
        liveText: document.body.textContent,
        servedText: served.body.textContent,
        liveHtml: document.body.outerHTML,
        servedHtml: served.body.outerHTML,
      };
    });
    expect(comparison.hosts).toBe(1);
    expect(comparison.liveTags).toBe(comparison.servedTags);
    expect(comparison.liveText).toBe(comparison.servedText);
    expect(comparison.liveHtml).toBe(comparison.servedHtml);
  });

  it('shows a tooltip that explains 六稳 when the reader hovers it', async () => {
    const point = await pointOfTerm(page, '六稳');
    await page.mouse.move(point.x, point.y);
    await expect.poll(async () => (await readTooltip(page))?.visible, { timeout: 5_000 }).toBe(true);
    const tooltip = await readTooltip(page);
    expect(tooltip?.role).toBe('tooltip');
    expect(tooltip?.text).toContain('六稳');
    expect(tooltip?.text).toContain('稳就业');
    await page.screenshot({ path: join(SCREENSHOTS, 'tooltip-hover.png'), animations: 'disabled' });
  });

  it('lists what the page holds in the popup opened for that tab', async () => {
    const popup = await browser.openPopup(page);
    await popup.waitForSelector('.term-item');
    const terms = await popup.locator('.term-item .term').allTextContents();
    for (const term of ['六稳', '六保', '三大攻坚战', '放管服']) expect(terms).toContain(term);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png'), fullPage: true });
    await popup.close();
  });
});
