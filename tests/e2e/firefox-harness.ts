/**
 * Firefox end-to-end harness: Debian's firefox-esr (or $FIREFOX_PATH) driven by puppeteer-core over
 * WebDriver BiDi, with the Firefox build (.output/firefox-mv2) installed as a temporary add-on.
 * Nothing here downloads a browser.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

import { ROOT } from './harness';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
export const ADDON_ID = 'policylens@policylens.dev';

const CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function findFirefox(): string {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      "No Firefox found for the Firefox end-to-end test. Install Debian's package: `sudo apt-get install -y firefox-esr` " +
        '(version 140 or newer, for the CSS Custom Highlight API; or set FIREFOX_PATH to a Firefox binary). ' +
        'The browser tests are never skipped.',
    );
  }
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** "firefox/153.7.0" */
  version: string;
  close(): Promise<void>;
}

export async function launchFirefox({ locale = 'zh-CN' }: { locale?: string } = {}): Promise<FirefoxWithExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    protocol: 'webDriverBiDi',
    headless: true,
    extraPrefsFirefox: {
      'intl.accept_languages': locale,
      // No network of its own: updates, telemetry and the like stay off.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  try {
    const version = await browser.version();
    const major = Number(/(\d+)\./.exec(version)?.[1]);
    if (!(major >= 140)) {
      throw new Error(`${version} is older than Firefox 140, the first with the CSS Custom Highlight API PolicyLens needs.`);
    }
    // WebDriver BiDi webExtension.install: a temporary add-on, as about:debugging loads it.
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== ADDON_ID) throw new Error(`installed add-on has id ${id}, expected ${ADDON_ID}`);
    return { browser, version, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
