/**
 * What differs in the Firefox build: the manifest config as a pure function (wxt.config.ts called
 * as WXT calls it), and the manifests WXT actually writes for Firefox (MV2) and Chrome (MV3), built
 * into a temporary directory so the test needs no earlier build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import config from '../../wxt.config';
import { HIGHLIGHT_CSS_FILE } from '../../src/shared/highlight-css-file';
import { PAGE_SCRIPT_FILE } from '../../src/shared/page-script';

const ROOT = resolve(import.meta.dirname, '../..');

type Manifest = Record<string, unknown> & {
  manifest_version: number;
  background?: { scripts?: string[]; service_worker?: string; persistent?: boolean };
  browser_action?: { default_popup?: string; default_title?: string };
  action?: { default_popup?: string; default_title?: string };
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required: string[] } };
    gecko_android?: { strict_min_version?: string };
  };
  permissions?: string[];
  content_scripts?: { matches: string[]; js: string[]; css?: string[]; all_frames?: boolean }[];
};

async function configManifest(browser: string, manifestVersion: 2 | 3): Promise<Manifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function of the browser');
  return (await manifest({ browser, manifestVersion, mode: 'production', command: 'build' })) as Manifest;
}

describe('wxt.config.ts manifest (per browser)', () => {
  it('Firefox: add-on id, Firefox 140+ (CSS Custom Highlight API), no data collection, Android 142+', async () => {
    const manifest = await configManifest('firefox', 2);
    expect(manifest.browser_specific_settings).toEqual({
      gecko: {
        id: 'policylens@policylens.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(manifest).not.toHaveProperty('minimum_chrome_version');
  });

  it('Chrome: minimum version 105, no Firefox settings', async () => {
    const manifest = await configManifest('chrome', 3);
    expect(manifest.minimum_chrome_version).toBe('105');
    expect(manifest).not.toHaveProperty('browser_specific_settings');
  });

  it('asks for the same permissions in both browsers', async () => {
    const firefox = await configManifest('firefox', 2);
    const chrome = await configManifest('chrome', 3);
    expect(firefox.permissions).toEqual(['storage', 'contextMenus', 'scripting']);
    expect(chrome.permissions).toEqual(firefox.permissions);
    expect(chrome.host_permissions).toEqual(['http://*/*', 'https://*/*']);
  });
});

describe('built manifests (wxt build into a temporary directory)', () => {
  let outDir = '';
  let firefox: Manifest;
  let chrome: Manifest;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'policylens-build-'));
    for (const browser of ['firefox', 'chrome']) {
      // A child process: WXT's build runs its own Vite, which should not share vitest's.
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { build } from 'wxt'; await build({ browser: ${JSON.stringify(browser)}, outDir: ${JSON.stringify(outDir)} });`,
        ],
        { cwd: ROOT, stdio: 'pipe' },
      );
    }
    firefox = JSON.parse(readFileSync(join(outDir, 'firefox-mv2/manifest.json'), 'utf8')) as Manifest;
    chrome = JSON.parse(readFileSync(join(outDir, 'chrome-mv3/manifest.json'), 'utf8')) as Manifest;
  }, 60_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('Firefox is Manifest V2, Chrome V3', () => {
    expect(firefox.manifest_version).toBe(2);
    expect(chrome.manifest_version).toBe(3);
  });

  it('Firefox runs background scripts (a background page), Chrome a service worker', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
  });

  it('Firefox has browser_action, Chrome action, with the same popup and title', () => {
    expect(firefox).not.toHaveProperty('action');
    expect(chrome).not.toHaveProperty('browser_action');
    expect(firefox.browser_action).toEqual({ default_title: '__MSG_extActionTitle__', default_popup: 'popup.html' });
    expect(chrome.action).toEqual(firefox.browser_action);
  });

  it('grants host access at install: in MV2 host patterns are plain permissions (no optional ones)', () => {
    expect(firefox).not.toHaveProperty('host_permissions');
    expect(firefox).not.toHaveProperty('optional_permissions');
    expect(firefox.permissions).toEqual(['storage', 'contextMenus', 'scripting', 'http://*/*', 'https://*/*']);
    expect(chrome.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(firefox.content_scripts).toEqual(chrome.content_scripts);
    // Only the page probe is listed; it has the background load the page script where needed. No
    // stylesheet: the highlight colours go in with the page script (src/shared/page-script.ts).
    expect(firefox.content_scripts).toEqual([
      expect.objectContaining({
        matches: ['http://*/*', 'https://*/*'],
        js: ['page-probe.js'],
        all_frames: true,
      }),
    ]);
    expect(firefox.content_scripts?.[0]).not.toHaveProperty('css');
  });

  it('builds the page probe and the page script where the manifest and the loader name them', () => {
    for (const dir of ['firefox-mv2', 'chrome-mv3']) {
      for (const script of (dir === 'firefox-mv2' ? firefox : chrome).content_scripts?.flatMap((entry) => entry.js ?? []) ?? [])
        expect(existsSync(join(outDir, dir, script)), `${dir}/${script}`).toBe(true);
      expect(existsSync(join(outDir, dir, PAGE_SCRIPT_FILE)), `${dir}${PAGE_SCRIPT_FILE}`).toBe(true);
      expect(existsSync(join(outDir, dir, HIGHLIGHT_CSS_FILE)), `${dir}/${HIGHLIGHT_CSS_FILE}`).toBe(true);
    }
  });

  it('writes the highlights’ rules on :root for Chromium and on every element for Firefox (HighlightRuleScope)', () => {
    const rules = (dir: string): string[] =>
      readFileSync(join(outDir, dir, HIGHLIGHT_CSS_FILE), 'utf8')
        .split('\n')
        .filter((line) => line.includes('::highlight(policylens-'));
    expect(rules('chrome-mv3').length).toBeGreaterThanOrEqual(8);
    for (const rule of rules('chrome-mv3')) expect(rule).toMatch(/^:root::highlight\(/);
    expect(rules('firefox-mv2')).toHaveLength(rules('chrome-mv3').length);
    for (const rule of rules('firefox-mv2')) expect(rule).toMatch(/^::highlight\(/);
  });

  it('keeps the Firefox settings through the build', () => {
    expect(firefox.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
    expect(firefox.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });
});
