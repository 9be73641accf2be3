/**
 * The Firefox build in real Firefox (Debian's firefox-esr, 140+), headless over WebDriver BiDi: the
 * add-on installs, annotates the demo speech through CSS.highlights, shows the hover card in its
 * shadow root, loads only its page probe on a page without Chinese, without page errors. Fails, never skips, when Firefox is missing (firefox-harness.ts).
 *
 * Not covered here: the popup and the badge. WebDriver BiDi refuses to navigate a tab to a
 * moz-extension:// page ("not allowed in this context"), and page scripts may not either; the
 * badge's browserAction fallback is unit-tested (tests/unit/firefox-badge.test.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchFirefox, type FirefoxWithExtension } from './firefox-harness';
import { READ_HIGHLIGHTS, SCREENSHOTS, startServer, type FixtureServer } from './harness';

let server: FixtureServer;
let firefox: FirefoxWithExtension;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer();
  firefox = await launchFirefox();
  page = (await firefox.browser.pages())[0] ?? (await firefox.browser.newPage());
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(server.url('/demo-speech.html'));
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Highlight name → the text of each of its ranges, once the page script has annotated `tab`. */
async function highlightsByName(tab: Page = page): Promise<Record<string, string[]>> {
  await tab.waitForFunction(() => performance.getEntriesByName('policylens:annotate').length > 0, { timeout: 15_000 });
  // The Chromium harness installs this reader in every page; here it is evaluated on demand.
  await tab.evaluate(READ_HIGHLIGHTS);
  return tab.evaluate(() => {
    const byName: Record<string, string[]> = {};
    for (const { name, range } of policyLensRanges()) (byName[name] ??= []).push(range.toString());
    return byName;
  });
}

describe(`the Firefox build in Firefox`, () => {
  it('runs in Firefox 140 or newer (the CSS Custom Highlight API)', () => {
    expect(firefox.version).toMatch(/^firefox\/\d+\./);
    expect(Number(/\/(\d+)\./.exec(firefox.version)?.[1])).toBeGreaterThanOrEqual(140);
  });

  it('registers policylens-* highlights with ranges for the four family terms', async () => {
    const highlights = await highlightsByName();
    const names = Object.keys(highlights);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(highlights[name]!.length, name).toBeGreaterThan(0);
    const all = Object.values(highlights)
      .flat()
      .map((text) => text.replace(/[“”]/g, ''));
    for (const term of ['六稳', '六保', '三大攻坚战', '放管服'])
      expect(
        all.some((text) => text.startsWith(term)),
        term,
      ).toBe(true);
    // The one element PolicyLens adds.
    expect(await page.evaluate(() => document.querySelectorAll('policylens-ui').length)).toBe(1);
  });

  it('shows the hover card on 六稳 in the <policylens-ui> shadow root', async () => {
    await page.evaluate(READ_HIGHLIGHTS);
    const point = await page.evaluate(() => {
      const term = policyLensRanges().find(({ range }) => range.toString() === '六稳')?.range;
      if (!term) return null;
      term.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = term.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    expect(point, 'a highlighted 六稳 on the page').not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    const readTooltip = () =>
      page.evaluate(() => {
        const card = document.querySelector('policylens-ui')?.shadowRoot?.querySelector<HTMLElement>('.tooltip');
        return card ? { role: card.getAttribute('role'), text: card.textContent ?? '', visible: !card.hidden } : null;
      });
    await expect.poll(async () => (await readTooltip())?.visible, { timeout: 5_000 }).toBe(true);
    const tooltip = await readTooltip();
    expect(tooltip?.role).toBe('tooltip');
    expect(tooltip?.text).toContain('六稳');
    expect(tooltip?.text).toContain('稳就业');
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-tooltip.png') as `${string}.png` });
  });

  it('loads only the page probe on a page without Chinese, and the page script once it routes to Chinese', async () => {
    const app = await firefox.browser.newPage();
    app.on('pageerror', (error) => pageErrors.push(String(error)));
    await app.goto(server.url('/annotator/english-app.html'));
    await app.waitForFunction(() => performance.getEntriesByName('policylens:check').length > 0, { timeout: 15_000 });
    expect(await app.evaluate(() => document.querySelector('policylens-ui') === null)).toBe(true);
    await app.evaluate(() => (window as unknown as { goTo(route: string): void }).goTo('zh'));
    const found = Object.values(await highlightsByName(app))
      .flat()
      .sort();
    expect(found).toEqual(['六稳', '稳中求进'].sort());
    await app.close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
