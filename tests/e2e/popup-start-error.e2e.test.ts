import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_GLOSSARY_FILE, LIST_GLOSSARY_FILE } from '../../src/shared/bundled-glossary-file';
import { EXTENSION_DIR, launchBrowser, SCREENSHOTS, startServer, type FixtureServer } from './harness';

let server: FixtureServer;
const brokenBuilds: string[] = [];

/** A copy of the built extension without one of its files. */
function buildWithout(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'policylens-broken-'));
  brokenBuilds.push(dir);
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  rmSync(join(dir, file));
  return dir;
}

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
  for (const dir of brokenBuilds) rmSync(dir, { recursive: true, force: true });
});

describe('a popup that cannot read its glossary', () => {
  it('says so, naming what failed, instead of staying blank (the list it draws first)', async () => {
    const browser = await launchBrowser({ extensionDir: buildWithout(LIST_GLOSSARY_FILE) });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/demo-speech.html'));
      const popup = await browser.openPopup(page);
      const alert = popup.getByRole('alert');
      await expect.poll(async () => (await alert.count()) > 0, { timeout: 5_000 }).toBe(true);
      const text = await alert.textContent();
      expect(text).toContain('政策透镜无法打开');
      expect(text).toContain(LIST_GLOSSARY_FILE);
      await popup.screenshot({ path: join(SCREENSHOTS, 'popup-start-error.png') });
    } finally {
      await browser.close();
    }
  });

  it('still lists the page’s terms without the full glossary, and its search says the glossary could not be read', async () => {
    const browser = await launchBrowser({ extensionDir: buildWithout(BUNDLED_GLOSSARY_FILE) });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/demo-speech.html'));
      await page.waitForFunction(() => performance.getEntriesByName('policylens:annotate').length > 0);
      const popup = await browser.openPopup(page);
      await popup.waitForSelector('.term-item', { timeout: 5_000 });
      await popup.locator('.search-input').fill('六稳');
      const message = popup.locator('.search-results .error');
      await expect.poll(async () => (await message.count()) > 0, { timeout: 5_000 }).toBe(true);
      expect(await message.textContent()).toContain(BUNDLED_GLOSSARY_FILE);
    } finally {
      await browser.close();
    }
  });
});
