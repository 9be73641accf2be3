/**
 * End-to-end harness: a static server on 127.0.0.1 for the fixture pages, and real Chromium
 * (Debian's /usr/bin/chromium, or $CHROMIUM_PATH) with the built extension loaded, driven by
 * playwright-core. Nothing here downloads a browser.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const SCREENSHOTS = join(ROOT, 'screenshots');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      "No Chromium found for the end-to-end tests. Install Debian's package: `sudo apt-get install -y chromium fonts-noto-cjk` " +
        '(or set CHROMIUM_PATH to a Chromium/Chrome binary). The browser tests are never skipped.',
    );
  }
  return found;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Extra pages a fixture server answers, by path, before it looks in tests/fixtures. */
export type Routes = Record<string, { type: string; body: string }>;

/** Serves tests/fixtures (and any extra routes) on 127.0.0.1 at a free port. */
export async function startServer(routes: Routes = {}): Promise<FixtureServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const route = routes[path];
    if (route) {
      response.writeHead(200, { 'content-type': route.type });
      response.end(route.body);
      return;
    }
    const file = normalize(join(FIXTURES, path));
    if (!file.startsWith(FIXTURES) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => origin + path,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** The browser's tab id of a page (what `popup.html?tabId=N` takes). */
  tabIdOf(page: Page): Promise<number>;
  /**
   * Runs a keyboard command for the tab of `page` through the service worker's handler: the same
   * one the shortcuts call (synthetic key presses never reach extension shortcuts).
   */
  runCommand(page: Page, command: string): Promise<void>;
  /** Opens the popup as a page, targeting the tab of `page`. */
  openPopup(page: Page): Promise<Page>;
  close(): Promise<void>;
}

declare global {
  /** PolicyLens's registered highlights as live Ranges, in every page of a test browser (READ_HIGHLIGHTS). */
  var policyLensRanges: () => Array<{ name: string; range: Range }>;
}

/**
 * Installed in every page: the tests and the benchmark read PolicyLens's highlights through it, one
 * way. Highlights hold StaticRanges, which have no text or geometry, so each becomes a live Range.
 * (The Firefox tests evaluate it in their pages too.)
 */
export const READ_HIGHLIGHTS = `globalThis.policyLensRanges = () => {
  const ranges = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('policylens-')) continue;
    for (const staticRange of highlight) {
      const range = document.createRange();
      range.setStart(staticRange.startContainer, staticRange.startOffset);
      range.setEnd(staticRange.endContainer, staticRange.endOffset);
      ranges.push({ name, range });
    }
  }
  return ranges;
};`;

export interface LaunchOptions {
  locale?: string;
  withExtension?: boolean;
  colorScheme?: 'light' | 'dark';
  headless?: boolean;
  /** A built extension other than the default build (the benchmark compares two builds). */
  extensionDir?: string;
  /** A profile to start from and keep (a restart test); by default a fresh one, deleted on close. */
  profileDir?: string;
}

/**
 * Flags every Chromium we start needs on these machines: as root it needs --no-sandbox, and on the
 * closed network it hangs without the rest (QUIC, background fetches, component updates, sync).
 */
export function chromiumArgs(locale: string): string[] {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--lang=${locale}`,
  ];
}

export async function launchBrowser({
  locale = 'zh-CN',
  withExtension = true,
  colorScheme = 'light',
  headless = true,
  extensionDir = EXTENSION_DIR,
  profileDir,
}: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), 'policylens-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless,
    locale,
    colorScheme,
    viewport: { width: 1280, height: 900 },
    args: [
      ...chromiumArgs(locale),
      ...(process.env.PL_CHROMIUM_ARGS ? process.env.PL_CHROMIUM_ARGS.split(' ') : []),
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ],
  });
  await context.addInitScript({ content: READ_HIGHLIGHTS });
  let serviceWorker: Worker | undefined;
  let extensionId = '';
  if (withExtension) {
    serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  const worker = serviceWorker;
  const tabIdOf = async (page: Page): Promise<number> => {
    if (!worker) throw new Error('no extension loaded');
    // Without the "tabs" permission (which PolicyLens does not ask for) tab URLs are hidden from
    // the extension, so find the tab by making it the active one.
    await page.bringToFront();
    const id = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? -1;
    });
    if (id < 0) throw new Error(`no active tab for ${page.url()}`);
    return id;
  };
  return {
    context,
    extensionId,
    serviceWorker: worker as Worker,
    tabIdOf,
    async runCommand(page, command) {
      const tabId = await tabIdOf(page);
      await worker!.evaluate(
        ([name, id]) =>
          (globalThis as unknown as { policylensRunCommand(c: string, id: number): Promise<void> }).policylensRunCommand(
            name,
            id,
          ),
        [command, tabId] as const,
      );
    },
    async openPopup(page) {
      const tabId = await tabIdOf(page);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      return popup;
    },
    async close() {
      await context.close();
      if (!profileDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A test file's fixture server (with `routes`) and Chromium (launched with `options`): registers the
 * beforeAll that starts them and the afterAll that closes them, and returns getters to read them in
 * tests and later hooks. A beforeAll registered after this call runs after they have started; an
 * afterAll registered before it runs after they have closed (Vitest's default `sequence.hooks`).
 */
export function useExtensionBrowser(
  routes: Routes = {},
  options: LaunchOptions = {},
): { readonly server: FixtureServer; readonly browser: ExtensionBrowser } {
  let server: FixtureServer | undefined;
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    server = await startServer(routes);
    browser = await launchBrowser(options);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useExtensionBrowser: read before its beforeAll has run');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}

/** Opens a fixture page in a new tab of the file's browser and waits until PolicyLens has annotated it. */
export async function openAnnotated(
  e2e: { readonly server: FixtureServer; readonly browser: ExtensionBrowser },
  path: string,
): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(e2e.server.url(path));
  await waitForHighlights(page);
  return page;
}

/** Waits until PolicyLens has finished annotating (its `policylens:annotate` measure, which the
 * content script records in the page's shared performance timeline). */
export async function waitForAnnotation(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('policylens:annotate').length > 0, undefined, {
    timeout: 15_000,
  });
}

/** Waits for the annotation to finish and returns the highlighted ranges' text by highlight name. */
export async function waitForHighlights(page: Page): Promise<Record<string, string[]>> {
  await waitForAnnotation(page);
  return page.evaluate(() => {
    const byName: Record<string, string[]> = {};
    for (const { name, range } of policyLensRanges()) (byName[name] ??= []).push(range.toString());
    return byName;
  });
}

/** The viewport centre of the first highlighted range whose text is `term`. */
export async function pointOfTerm(page: Page, term: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    for (const { range } of policyLensRanges()) {
      if (range.toString() !== wanted) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, term);
  if (!point) throw new Error(`no highlighted "${term}" on the page`);
  return point;
}

/**
 * Hovers a highlighted term as a reader would: the pointer leaves whatever it was on until no card
 * is shown, then rests on the term until its card shows it. Returns that card.
 */
export async function hoverTerm(page: Page, term: string): Promise<{ role: string | null; text: string; visible: boolean }> {
  await page.mouse.move(2, 2);
  await expect.poll(async () => (await readTooltip(page))?.visible ?? false, { timeout: 5_000 }).toBe(false);
  const point = await pointOfTerm(page, term);
  await page.mouse.move(point.x, point.y);
  await expect.poll(async () => (await readTooltip(page))?.text ?? '', { timeout: 5_000 }).toContain(term);
  return (await readTooltip(page))!;
}

/** The text of the reader's own highlights on the page (`policylens-reader`). */
export async function readerHighlightTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    policyLensRanges()
      .filter(({ name }) => name === 'policylens-reader')
      .map(({ range }) => range.toString()),
  );
}

/** The hover card's text and role, read from PolicyLens's open shadow root. */
export async function readTooltip(page: Page): Promise<{ role: string | null; text: string; visible: boolean } | null> {
  return page.evaluate(() => {
    const host = document.querySelector('policylens-ui');
    const card = host?.shadowRoot?.querySelector('.tooltip');
    if (!card) return null;
    return { role: card.getAttribute('role'), text: card.textContent ?? '', visible: !(card as HTMLElement).hidden };
  });
}
