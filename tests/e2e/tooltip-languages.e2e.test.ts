import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  pointOfTerm,
  readTooltip,
  SCREENSHOTS,
  startServer,
  waitForHighlights,
  type FixtureServer,
} from './harness';

let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

describe('the hover card in the browser’s language', () => {
  for (const [locale, label, name] of [
    ['en-US', 'Official English', 'tooltip-en.png'],
    ['zh-CN', '官方英译', 'tooltip-zh.png'],
  ] as const) {
    it(`labels the card in ${locale} and explains a member with its family`, async () => {
      const browser = await launchBrowser({ locale });
      try {
        const page = await browser.context.newPage();
        await page.goto(server.url('/annotator/split-terms.html'));
        await page.goto(server.url('/demo-speech.html'));
        await waitForHighlights(page);
        const point = await pointOfTerm(page, '保居民就业');
        await page.mouse.move(point.x, point.y);
        await expect.poll(async () => (await readTooltip(page))?.visible, { timeout: 5_000 }).toBe(true);
        const text = (await readTooltip(page))!.text;
        expect(text).toContain(label);
        expect(text).toContain('六保');
        expect(text).toMatch(locale === 'en-US' ? /1 of 6 in 六保/ : /“六保”第 1 项（共 6 项）/);
        await page.screenshot({ path: join(SCREENSHOTS, name), animations: 'disabled' });
        // The popup follows the same language.
        const popup = await browser.openPopup(page);
        await popup.waitForSelector('[role="treeitem"]');
        expect(await popup.locator('h1').textContent()).toBe(locale === 'en-US' ? 'PolicyLens' : '政策透镜');
        await popup.screenshot({ path: join(SCREENSHOTS, name.replace('tooltip', 'popup')) });
      } finally {
        await browser.close();
      }
    });
  }
});
