/**
 * Hardening (issue 8), hostile pages: page scripts that break built-ins, strict CSP and Trusted
 * Types, editors, frames and shadow roots, pages that try to drive the extension, and the promise
 * that PolicyLens makes no network request of its own.
 */
import fc from 'fast-check';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointOfTerm, startServer, useExtensionBrowser, type FixtureServer, type Routes } from './harness';

process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1'; // the service worker's requests too
const html = 'text/html; charset=utf-8';
const doc = (body: string, head = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试页</title>${head}</head><body>${body}</body></html>`;

const HOSTILE_SCRIPT = `<script>
  window.realCSS = window.CSS;
  const broken = () => { throw new Error('page broke this'); };
  for (const name of ['map', 'forEach', 'push', 'filter', 'includes', 'indexOf', 'some', 'every']) Array.prototype[name] = broken;
  Node.prototype.appendChild = broken; Node.prototype.contains = broken; Node.prototype.insertBefore = broken;
  Element.prototype.attachShadow = broken;
  document.createElement = broken;
  window.CSS = undefined; window.Range = broken; window.Highlight = broken;
</script>`;

let other: FixtureServer;
const requests: string[] = [];
const errors: string[] = [];

const routes: Routes = {
  '/hostile-js.html': { type: html, body: doc(`<p id="t">六稳六保，放管服改革。</p>${HOSTILE_SCRIPT}`) },
  '/strict-csp.html': { type: html, body: doc('<p>六稳六保，放管服改革。</p>') },
  '/components.html': {
    type: html,
    body: doc(`<p>主文档：六稳</p><div id="open"></div><div id="closed"></div>
      <svg width="300" height="40"><text x="0" y="20">三大攻坚战</text></svg>
      <iframe id="same" src="/frame.html"></iframe><iframe id="cross" src="CROSS/frame.html"></iframe><iframe id="blank"></iframe>
      <script>
        document.getElementById('open').attachShadow({ mode: 'open' }).innerHTML = '<p>开放影子：河长制</p>';
        document.getElementById('closed').attachShadow({ mode: 'closed' }).innerHTML = '<p>封闭影子：河长制</p>';
        document.getElementById('blank').contentDocument.body.textContent = '空白框：六保';
      </script>`),
  },
  '/frame.html': { type: html, body: doc('<p>框架里的放管服改革</p>') },
  '/doc.xml': { type: 'application/xml', body: '<?xml version="1.0"?><root><p>六稳六保</p></root>' },
  '/tiny.pdf': {
    type: 'application/pdf',
    body: '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 99 99]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF',
  },
  '/editors.html': {
    type: html,
    body: doc(`<p id="reading">阅读：六稳六保</p>
      <button id="bold" onmousedown="event.preventDefault(); document.execCommand('bold')">B</button>
      <div id="rich" contenteditable="true"><p>富文本：三大攻坚战和河长制</p></div>
      <form><input id="input" value="输入框：六稳"><textarea id="ta">文本框：六保</textarea>
      <select><option>选项：放管服改革</option></select></form>`),
  },
  '/messages.html': { type: html, body: doc('<p>六稳六保，放管服改革。</p>') },
};

// Registered before useExtensionBrowser: this beforeAll runs before its server starts (the routes
// must name the other origin by then), and this afterAll after its browser and server have closed.
beforeAll(async () => {
  other = await startServer({ '/frame.html': routes['/frame.html']! });
  // 127.0.0.1 and localhost are different origins: the frame from the second server is cross-origin.
  const crossOrigin = other.origin.replace('127.0.0.1', 'localhost');
  routes['/components.html']!.body = routes['/components.html']!.body.replace('CROSS', crossOrigin);
});

afterAll(async () => {
  await other?.close();
});

const e2e = useExtensionBrowser(routes);

beforeAll(() => {
  e2e.browser.context.on('request', (request: Request) => requests.push(request.url()));
  e2e.browser.serviceWorker.on('console', (message) => message.type() === 'error' && errors.push(`sw: ${message.text()}`));
});

/** Opens a page and records every console error and exception, from all worlds and frames. */
async function open(path: string, wait = true): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`${path}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (!String(error).includes('page broke this')) errors.push(`${path}: ${String(error)}`);
  });
  await page.goto(e2e.server.url(path));
  if (wait)
    await page.waitForFunction(() => performance.getEntriesByName('policylens:annotate').length > 0, undefined, {
      timeout: 15_000,
    });
  return page;
}

/** Highlighted text per document, read with the given CSS global (a hostile page replaces its own). */
async function highlighted(page: Page, css = 'CSS'): Promise<string[]> {
  // Plain loops and index writes only: a hostile page has broken Array.prototype in this world.
  const found = await page.evaluate((name) => {
    const registry = (window as unknown as Record<string, typeof CSS>)[name]!.highlights;
    const texts: string[] = [];
    for (const [key, highlight] of registry) {
      if (!key.startsWith('policylens-')) continue;
      // Highlights hold StaticRanges: read their text from the nodes (no Range, no Array methods).
      for (const range of highlight) {
        const r = range;
        let text: string;
        if (r.startContainer === r.endContainer) text = (r.startContainer as Text).data.slice(r.startOffset, r.endOffset);
        else {
          const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
          walker.currentNode = r.startContainer;
          text = (r.startContainer as Text).data.slice(r.startOffset);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node === r.endContainer) {
              text += (node as Text).data.slice(0, r.endOffset);
              break;
            }
            text += (node as Text).data;
          }
        }
        texts[texts.length] = text;
      }
    }
    // A string: Playwright's own result serializer runs in the page world and uses Array methods.
    return JSON.stringify(texts);
  }, css);
  return (JSON.parse(found) as string[]).sort();
}

/** pointOfTerm for a page whose own CSS global is fake (it kept the real one as window.realCSS). */
async function pointWithRealCss(page: Page, term: string): Promise<{ x: number; y: number }> {
  const json = await page.evaluate((wanted) => {
    const registry = (window as unknown as { realCSS: typeof CSS }).realCSS.highlights;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('policylens-')) continue;
      for (const range of highlight) {
        const r = range;
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (live.toString() !== wanted) continue;
        const rect = live.getClientRects()[0];
        if (rect) return JSON.stringify({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      }
    }
    return 'null';
  }, term);
  const point = JSON.parse(json) as { x: number; y: number } | null;
  if (!point) throw new Error(`no highlighted "${term}"`);
  return point;
}

async function hoverShowsCard(page: Page, term: string, realCss = false): Promise<void> {
  if (realCss)
    await page.evaluate(
      () => ((window as unknown as { CSS: unknown }).CSS = (window as unknown as { realCSS: unknown }).realCSS),
    );
  const point = realCss ? await pointWithRealCss(page, term) : await pointOfTerm(page, term);
  await page.mouse.move(point.x, point.y);
  // Read as JSON strings: Playwright's result serializer breaks on a page that broke Array.prototype.
  const card = async () =>
    JSON.parse(
      await page.evaluate(() => {
        const element = document.querySelector('policylens-ui')?.shadowRoot?.querySelector('.tooltip');
        if (!element) return 'null';
        const rect = element.getBoundingClientRect();
        const background = getComputedStyle(element).backgroundColor;
        return JSON.stringify({ visible: !(element as HTMLElement).hidden, width: rect.width, height: rect.height, background });
      }),
    ) as { visible: boolean; width: number; height: number; background: string } | null;
  await expect.poll(async () => (await card())?.visible, { timeout: 5_000 }).toBe(true);
  const box = (await card())!;
  expect(box.width).toBeGreaterThan(200);
  expect(box.height).toBeGreaterThan(80);
  expect(box.background).toBe('rgb(255, 255, 255)');
}

describe('hostile page scripts and CSS', () => {
  it('is untouched by a page that breaks Array, Node, attachShadow, createElement, CSS, Range and Highlight', async () => {
    const page = await open('/hostile-js.html');
    expect(await highlighted(page, 'realCSS')).toEqual(['六保', '六稳', '放管服改革']);
    await hoverShowsCard(page, '六稳', true);
    await page.close();
  });

  it('styles its tooltip under a strict CSP with Trusted Types', async () => {
    routes['/strict-csp.html']!.type = html;
    const page = await e2e.browser.context.newPage();
    await page.route('**/strict-csp.html', (route) =>
      route.fulfill({
        status: 200,
        contentType: html,
        headers: {
          'content-security-policy':
            "default-src 'none'; style-src 'none'; script-src 'none'; require-trusted-types-for 'script'",
        },
        body: routes['/strict-csp.html']!.body,
      }),
    );
    page.on('pageerror', (error) => errors.push(`csp: ${String(error)}`));
    await page.goto(e2e.server.url('/strict-csp.html'));
    await page.waitForFunction(() => performance.getEntriesByName('policylens:annotate').length > 0, undefined, {
      timeout: 15_000,
    });
    expect(await highlighted(page)).toEqual(['六保', '六稳', '放管服改革']);
    await hoverShowsCard(page, '放管服改革');
    await page.close();
  });
});

describe('frames and components', () => {
  it('annotates frames and open shadow roots, leaves closed ones, SVG, XML and PDF without errors', async () => {
    const page = await open('/components.html');
    const frames = page.frames();
    const same = frames.find((frame) => frame.url() === e2e.server.url('/frame.html'))!;
    const cross = frames.find((frame) => frame.url().startsWith('http://localhost'))!;
    for (const frame of [same, cross]) {
      await frame.waitForFunction(() => performance.getEntriesByName('policylens:annotate').length > 0, undefined, {
        timeout: 15_000,
      });
      expect(await frame.evaluate(() => [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0))).toBe(1);
    }
    // The main document: its own term and the open shadow root's; not the closed one, not the frames'.
    expect(await highlighted(page)).toEqual(['六稳', '河长制']);
    // Both are painted: the document's ::highlight() rules reach the shadow root's text too.
    const colours = await page.evaluate(() =>
      policyLensRanges().map(({ name, range }) => {
        const element = range.startContainer.parentElement!;
        return `${range.toString()} ${getComputedStyle(element, `::highlight(${name})`).backgroundColor}`;
      }),
    );
    expect(colours).toHaveLength(2);
    for (const colour of colours) expect(colour).not.toMatch(/rgba\(0, 0, 0, 0\)$/);
    for (const path of ['/doc.xml', '/tiny.pdf']) {
      const extra = await open(path, false);
      await extra.waitForTimeout(1_000);
      await extra.close();
    }
    await page.close();
  });
});

describe('editors and forms', () => {
  it('highlights nothing inside them, and typing, bold and undo work as without PolicyLens', async () => {
    const page = await open('/editors.html');
    expect(await highlighted(page)).toEqual(['六保', '六稳']);
    await page.click('#rich p');
    await page.keyboard.press('End');
    await page.keyboard.type('和六稳');
    const before = await page.innerHTML('#rich');
    await page.keyboard.down('Shift');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.up('Shift');
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('和六稳');
    await page.click('#bold');
    expect(await page.innerHTML('#rich')).toContain('<b>和六稳</b>');
    await page.waitForTimeout(400); // the page watcher's quiet period
    expect(await highlighted(page)).toEqual(['六保', '六稳']);
    expect(await page.evaluate(() => getSelection()!.toString())).toBe('和六稳');
    await page.keyboard.press('Control+Z'); // undoes the bold
    expect(await page.innerHTML('#rich')).toBe(before);
    await page.fill('#input', '新的六保');
    expect(await page.inputValue('#input')).toBe('新的六保');
    await page.close();
  });
});

describe('switching off leaves the page as it was', () => {
  it('on random pages: annotate, toggle off, and the body is byte-identical', { timeout: 40_000 }, async () => {
    const words = ['六稳', '六保', '放管服改革', '三大攻坚战', '河长制', '发展', '工作', ' ', '，'];
    const tags = ['p', 'div', 'span', 'b', 'li', 'section', 'em'];
    const node: fc.Memo<string> = fc.memo((depth) =>
      depth <= 1
        ? fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''))
        : fc
            .tuple(fc.constantFrom(...tags), fc.array(node(depth - 1), { minLength: 1, maxLength: 4 }))
            .map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
    );
    const pages = fc.sample(fc.array(node(4), { minLength: 1, maxLength: 5 }), { seed: 8, numRuns: 4 });
    const tabId = async (page: Page) => e2e.browser.tabIdOf(page);
    for (const [index, parts] of pages.entries()) {
      routes[`/random-${index}.html`] = {
        type: html,
        body: doc(
          `${parts.join('')}<p>六稳</p><script>window.before = document.body.outerHTML; window.count = document.body.getElementsByTagName('*').length;</script>`,
        ),
      };
      const page = await open(`/random-${index}.html`);
      const id = await tabId(page);
      const same = () =>
        page.evaluate(() => {
          const w = window as unknown as { before: string; count: number };
          return document.body.outerHTML === w.before && document.body.getElementsByTagName('*').length === w.count;
        });
      expect(await same()).toBe(true);
      await e2e.browser.serviceWorker.evaluate(
        (tab) =>
          (globalThis as unknown as { policylensRunCommand(c: string, id: number): Promise<void> }).policylensRunCommand(
            'toggle-annotation',
            tab,
          ),
        id,
      );
      await expect.poll(async () => (await highlighted(page)).length).toBe(0);
      expect(await same()).toBe(true);
      await page.close();
    }
  });
});

describe('the page cannot drive the extension', () => {
  it('ignores postMessage and forged events', async () => {
    const page = await open('/messages.html');
    const before = await highlighted(page);
    await page.evaluate(() => {
      for (const type of ['runCommand', 'setAnnotationEnabled', 'getPageReport'])
        window.postMessage({ id: 1, type, data: { command: 'toggle-annotation', enabled: false }, timestamp: Date.now() }, '*');
      window.dispatchEvent(new CustomEvent('wxt:locationchange', { detail: {} }));
      window.dispatchEvent(new Event('wxt:locationchange'));
    });
    await page.waitForTimeout(500);
    expect(await highlighted(page)).toEqual(before);
    // A forged route change must not restart the annotation (a second measure would say it did).
    expect(await page.evaluate(() => performance.getEntriesByName('policylens:annotate').length)).toBe(1);
    await page.close();
  });

  it('refuses a message with a bad payload', async () => {
    const page = await open('/messages.html');
    const tab = await e2e.browser.tabIdOf(page);
    const reply = await e2e.browser.serviceWorker.evaluate(
      (id): Promise<unknown> =>
        chrome.tabs.sendMessage(id, { id: 99, type: 'runCommand', data: { command: 'rm -rf' }, timestamp: Date.now() }),
      tab,
    );
    expect(JSON.stringify(reply)).toContain('bad payload');
    expect((await highlighted(page)).length).toBe(3);
    await page.close();
  });
});

describe('no network', () => {
  it('made no request beyond the pages’ own and the extension’s files, and logged no error', async () => {
    const page = await open('/messages.html');
    await hoverShowsCard(page, '六稳');
    const popup = await e2e.browser.openPopup(page);
    await popup.waitForSelector('.summary');
    await popup.close();
    await page.close();
    // Network schemes only: chrome:// (the PDF viewer's own resources), data: and blob: are local.
    const allowed = [e2e.server.origin, other.origin, other.origin.replace('127.0.0.1', 'localhost')];
    const network = requests.filter((url) => /^(https?|wss?|ftp):/.test(url));
    expect(network.filter((url) => !allowed.some((origin) => url.startsWith(origin + '/')))).toEqual([]);
    expect(requests.some((url) => url.startsWith('chrome-extension://'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
