import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_GLOSSARY_FILE } from '../../src/shared/bundled-glossary-file';
import { EXTENSION_DIR, launchBrowser, SCREENSHOTS, startServer, type FixtureServer } from './harness';

let server: FixtureServer;
let brokenBuild: string;

beforeAll(async () => {
  server = await startServer();
  // A copy of the built extension without its glossary file: the popup cannot read the glossary.
  brokenBuild = mkdtempSync(join(tmpdir(), 'policylens-broken-'));
  cpSync(EXTENSION_DIR, brokenBuild, { recursive: true });
  rmSync(join(brokenBuild, BUNDLED_GLOSSARY_FILE));
});

afterAll(async () => {
  await server?.close();
  if (brokenBuild) rmSync(brokenBuild, { recursive: true, force: true });
});

describe('a popup that cannot start', () => {
  it('says so, naming what failed, instead of staying blank', async () => {
    const browser = await launchBrowser({ extensionDir: brokenBuild });
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/demo-speech.html'));
      const popup = await browser.openPopup(page);
      const alert = popup.getByRole('alert');
      await expect.poll(async () => (await alert.count()) > 0, { timeout: 5_000 }).toBe(true);
      const text = await alert.textContent();
      expect(text).toContain('政策透镜无法打开');
      expect(text).toContain(BUNDLED_GLOSSARY_FILE);
      await popup.screenshot({ path: join(SCREENSHOTS, 'popup-start-error.png') });
    } finally {
      await browser.close();
    }
  });
});
