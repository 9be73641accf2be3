import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../scripts/glossary/load-glossary';
import { hoverTerm, pointOfTerm, ROOT, readTooltip, SCREENSHOTS, useExtensionBrowser, waitForHighlights } from './harness';

const e2e = useExtensionBrowser();
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  page = await e2e.browser.context.newPage();
  await page.goto(e2e.server.url('/demo-speech.html'));
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

  it('explains 动态清零 in the sense its paragraph gives it (the 2020 poverty campaign, not zero-COVID)', async () => {
    const { text } = await hoverTerm(page, '动态清零');
    expect(text).toContain('脱贫攻坚 (2020)');
    expect(text).not.toContain('疫情防控 (2021–2022)');
    await page.mouse.move(2, 2);
  });

  it('gives the hover card the latest English rendering, and the pinned card every rendering and the sources as links', async () => {
    const liuwen = loadGlossary(undefined, false).entries.find((entry) => entry.term === '六稳')!;
    const cardParts = (): Promise<{ english: string[]; links: string[] }> =>
      page.evaluate(() => {
        const card = document.querySelector('policylens-ui')!.shadowRoot!.querySelector('.tooltip')!;
        return {
          english: [...card.querySelectorAll('.english-text')].map((line) => line.textContent ?? ''),
          links: [...card.querySelectorAll('a')].map((link) => link.href),
        };
      });
    await hoverTerm(page, '六稳');
    const latest = Math.max(...liuwen.english.map((rendering) => rendering.year ?? 0));
    expect(await cardParts()).toEqual({
      english: [liuwen.english.find((rendering) => rendering.year === latest)!.text],
      links: [],
    });

    // Pinned, the card asks for the full entry (hover cards are sent without sources).
    const point = await pointOfTerm(page, '六稳');
    await page.mouse.click(point.x, point.y);
    await expect.poll(async () => (await readTooltip(page))?.role, { timeout: 5_000 }).toBe('dialog');
    const pinned = await cardParts();
    expect(pinned.english.toSorted()).toEqual(liuwen.english.map((rendering) => rendering.text).toSorted());
    expect(pinned.links).toEqual(liuwen.sources.map((source) => new URL(source.url).href));
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readTooltip(page))?.visible).toBe(false);
  });

  it('lists what the page holds in the popup opened for that tab', async () => {
    const popup = await e2e.browser.openPopup(page);
    await popup.waitForSelector('.term-item');
    const terms = await popup.locator('.term-item .term').allTextContents();
    for (const term of ['六稳', '六保', '三大攻坚战', '放管服']) expect(terms).toContain(term);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png'), fullPage: true });
    await popup.close();
  });
});

describe('the outline of the demo speech in the popup', () => {
  it('shows the three parts with their (一)(二)(三) children and 第一/第二/第三, and nothing from the sidebar', async () => {
    const popup = await e2e.browser.openPopup(page);
    await popup.waitForSelector('[role="tree"] [role="treeitem"]');
    const rows = await popup.$$eval('[role="treeitem"]', (items) =>
      items.map((item) => ({
        level: Number(item.getAttribute('aria-level')),
        text:
          (item.querySelector(':scope > .outline-row .marker')?.textContent ?? '') +
          (item.querySelector(':scope > .outline-row .outline-title')?.textContent ?? ''),
      })),
    );
    expect(rows).toEqual([
      { level: 1, text: '一、总结,我们要客观' },
      { level: 2, text: '(一)经济发展险中有进' },
      { level: 2, text: '(二)重点工作攻坚有力' },
      { level: 2, text: '(三)社会事业推进有序' },
      { level: 1, text: '二、目标,我们要完成' },
      { level: 2, text: '(一)守住底线,做好“保”的文章' },
      { level: 2, text: '(二)保持定力,做好“稳”的文章' },
      { level: 2, text: '(三)迎难而上,做好“进”的文章' },
      { level: 1, text: '三、作风,我们要过硬' },
      { level: 2, text: '第一,全' },
      { level: 2, text: '第二,精' },
      { level: 2, text: '第三,实' },
    ]);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-outline.png') });

    // Term counts per section: the three parts hold every highlighted term after the first heading,
    // and a part at least what its children hold.
    const counts = await popup.$$eval('[role="treeitem"]', (items) =>
      items.map((item) => ({
        level: Number(item.getAttribute('aria-level')),
        count: Number(item.querySelector(':scope > .outline-row .outline-count')?.textContent || 0),
      })),
    );
    const termsAfterFirstHeading = await page.evaluate(() => {
      const heading = [...document.querySelectorAll('body *')].find(
        (element) => element.children.length === 0 && element.textContent?.startsWith('一、总结'),
      )!;
      const start = document.createRange();
      start.setStart(heading, 0);
      return [...CSS.highlights]
        .filter(([name]) => name.startsWith('policylens-') && name !== 'policylens-reader')
        .flatMap(([, highlight]) => [...highlight] as AbstractRange[])
        .filter((range) => start.comparePoint(range.startContainer, range.startOffset) >= 0).length;
    });
    const parts = counts.filter((row) => row.level === 1);
    expect(parts.reduce((sum, row) => sum + row.count, 0)).toBe(termsAfterFirstHeading);

    // Exact counts, worked out here from the registered highlights: each heading's element is the
    // innermost one whose text begins with the row's marker and title (the popup shows them
    // NFKC-folded), and a term counts for the last heading before it and every heading above that.
    const expected = await page.evaluate((outline) => {
      const fold = (text: string): string => text.normalize('NFKC').replace(/\s/g, '');
      let from: Element | null = null;
      const starts = outline.map(({ text }) => {
        const prefix = fold(text);
        const element = [...document.body.querySelectorAll('*')].find(
          (candidate) =>
            (from === null || from.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) &&
            fold(candidate.textContent ?? '').startsWith(prefix) &&
            ![...candidate.children].some((child) => fold(child.textContent ?? '').startsWith(prefix)),
        );
        if (!element) throw new Error(`no heading element for ${text}`);
        from = element;
        const start = document.createRange();
        start.setStart(element, 0);
        return start;
      });
      const result = outline.map(() => 0);
      const ranges = [...CSS.highlights]
        .filter(([name]) => name.startsWith('policylens-') && name !== 'policylens-reader')
        .flatMap(([, highlight]) => [...highlight] as AbstractRange[]);
      for (const range of ranges) {
        let last = -1;
        starts.forEach((start, index) => {
          if (start.comparePoint(range.startContainer, range.startOffset) >= 0) last = index;
        });
        for (let i = last, level = Infinity; i >= 0; i--) {
          if (outline[i]!.level < level) {
            result[i]!++;
            level = outline[i]!.level;
          }
        }
      }
      return result;
    }, rows);
    expect(counts.map((row) => row.count)).toEqual(expected);
    counts.forEach((row, index) => {
      if (row.level !== 1) return;
      let children = 0;
      for (let next = index + 1; next < counts.length && counts[next]!.level > 1; next++) children += counts[next]!.count;
      expect(row.count).toBeGreaterThanOrEqual(children);
      expect(row.count).toBeGreaterThan(0);
    });

    // The command line runs the same engine on the same file and must agree.
    const cli = JSON.parse(
      execFileSync('npx', ['tsx', 'scripts/analyze.ts', 'tests/fixtures/demo-speech.html'], { cwd: ROOT, encoding: 'utf8' }),
    ) as Array<{
      outline: Array<{ level: number; marker: string; title: string }>;
    }>;
    expect(cli[0]!.outline.map(({ level, marker, title }) => ({ level, text: marker + title }))).toEqual(rows);
    await popup.close();
  });

  it('scrolls the page to a section when the reader clicks it, and marks it as the current one', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    const popup = await e2e.browser.openPopup(page);
    await popup.waitForSelector('[role="treeitem"]');
    await popup.getByText('目标,我们要完成').click();
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const heading = [...document.querySelectorAll('p')].find((p) => p.textContent?.startsWith('二、目标'));
            return Math.round(heading!.getBoundingClientRect().top);
          }),
        { timeout: 5_000 },
      )
      .toBeLessThan(5);
    await expect
      .poll(
        () => popup.locator('[role="treeitem"][aria-current="location"] > .outline-row .outline-title').first().textContent(),
        { timeout: 5_000 },
      )
      .toBe('目标,我们要完成');
    // Keyboard: the tree is reachable and moves with the arrow keys.
    await popup.locator('[role="treeitem"][tabindex="0"]').focus();
    await popup.keyboard.press('End');
    await popup.keyboard.press('Enter');
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            Math.round(
              [...document.querySelectorAll('p')].find((p) => p.textContent?.startsWith('第三,实'))!.getBoundingClientRect().top,
            ),
          ),
        { timeout: 5_000 },
      )
      .toBeLessThan(5);
    await popup.close();
  });
});

describe('glossary search in the popup', () => {
  it('finds 放管服 by toneless pinyin, English and a fragment, and opens its card', async () => {
    const popup = await e2e.browser.openPopup(page);
    const search = popup.locator('#glossary-search');
    await search.waitFor();
    for (const query of ['fangguanfu', 'streamline', '放管', '六個穩']) {
      await search.fill(query);
      await expect
        .poll(() => popup.locator('.search-result .term').allTextContents(), { timeout: 5_000 })
        .toEqual(expect.arrayContaining([query === '六個穩' ? '六稳' : '放管服']));
    }
    await search.fill('fangguanfu');
    await popup.locator('.search-result', { hasText: '放管服' }).first().locator('button').click();
    await expect.poll(() => popup.locator('.search-card .card').textContent(), { timeout: 5_000 }).toContain('简政放权');
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-search.png'), fullPage: true });
    await popup.close();
  });
});

/**
 * Where the card and a term are once the card has stopped moving: the middle term of
 * the speech, or the first whose text is `text` inside the element `within` selects.
 */
async function settledCardLayout(
  tab: Page,
  which: { text: string; within: string } | null = null,
): Promise<{
  card: DOMRect;
  term: DOMRect[];
  viewport: { width: number; height: number };
}> {
  return tab.evaluate(async (which) => {
    const card = document.querySelector('policylens-ui')!.shadowRoot!.querySelector('.tooltip')!;
    // The card follows scrolls and resizes from their events: wait until it has stopped moving.
    let previous = '';
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const now = JSON.stringify(card.getBoundingClientRect());
      if (now === previous) break;
      previous = now;
    }
    const ranges = policyLensRanges().map(({ range }) => range);
    const term = which
      ? ranges.find(
          (range) => range.toString() === which.text && document.querySelector(which.within)!.contains(range.startContainer),
        )!
      : ranges[ranges.length >> 1]!;
    return {
      card: card.getBoundingClientRect().toJSON() as DOMRect,
      term: [...term.getClientRects()].map((rect) => rect.toJSON() as DOMRect),
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    };
  }, which);
}

/** The card lies inside the viewport, covers no line of the term, and sits just above or below it. */
function expectBesideTerm({ card, term, viewport }: Awaited<ReturnType<typeof settledCardLayout>>, where: string): void {
  expect(card.left, where).toBeGreaterThanOrEqual(0);
  expect(card.top, where).toBeGreaterThanOrEqual(0);
  expect(card.right, where).toBeLessThanOrEqual(viewport.width);
  expect(card.bottom, where).toBeLessThanOrEqual(viewport.height);
  expect(card.height, where).toBeGreaterThan(60);
  for (const line of term) {
    const overlaps = line.left < card.right && card.left < line.right && line.top < card.bottom && card.top < line.bottom;
    expect(overlaps, where).toBe(false);
  }
  // 6 px from the term (tooltip.ts's offset), below its last line or above its first.
  const gap = Math.min(Math.abs(card.top - term.at(-1)!.bottom - 6), Math.abs(term[0]!.top - card.bottom - 6));
  expect(gap, where).toBeLessThan(2);
}

/** The open card's term is marked box for box, and by nothing else: the marker's visible boxes are the term's rectangles. */
async function expectMarkedBoxForBox(tab: Page, term: DOMRect[], where: string): Promise<void> {
  const marker = await tab.evaluate(() =>
    [...document.querySelector('policylens-ui')!.shadowRoot!.querySelectorAll<HTMLElement>('.active-term-box')]
      .filter((box) => getComputedStyle(box).opacity !== '0')
      .map((box) => box.getBoundingClientRect().toJSON() as DOMRect),
  );
  const rounded = (rects: DOMRect[]): number[][] =>
    rects.map(({ left, top, width, height }) => [left, top, width, height].map(Math.round));
  expect(rounded(marker), where).toEqual(rounded(term));
}

describe('where the hover card goes', () => {
  it('stays inside the viewport and off the term, wherever the term sits and however small the window', async () => {
    const tab = await e2e.browser.context.newPage();
    await tab.goto(e2e.server.url('/demo-speech.html'));
    await waitForHighlights(tab);
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 720, height: 420 },
    ]) {
      await tab.setViewportSize(viewport);
      for (const place of ['top', 'middle', 'bottom'] as const) {
        await tab.mouse.move(1, 1);
        await expect.poll(async () => (await readTooltip(tab))?.visible ?? false).toBe(false);
        // A term from the middle of the speech, scrolled to the top, the middle or the bottom edge.
        const point = await tab.evaluate((where) => {
          const ranges = policyLensRanges();
          const { range } = ranges[ranges.length >> 1]!;
          const targetY = where === 'top' ? 24 : where === 'middle' ? innerHeight / 2 : innerHeight - 28;
          scrollBy(0, range.getClientRects()[0]!.top - targetY);
          const rect = range.getClientRects()[0]!;
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }, place);
        await tab.mouse.move(point.x, point.y);
        await expect.poll(async () => (await readTooltip(tab))?.visible ?? false, { timeout: 5_000 }).toBe(true);
        expectBesideTerm(await settledCardLayout(tab), `${viewport.width}×${viewport.height}, term at the ${place}`);
      }
      await tab.screenshot({ path: join(SCREENSHOTS, `tooltip-at-bottom-${viewport.width}x${viewport.height}.png`) });
    }
    await tab.close();
  });

  it('leaves nothing behind when it closes: nothing to see, click, focus or hear', async () => {
    const tab = await e2e.browser.context.newPage();
    await tab.goto(e2e.server.url('/demo-speech.html'));
    await waitForHighlights(tab);
    const point = await pointOfTerm(tab, '六稳');
    // Pinned with a click (it takes focus), then closed with Esc.
    await tab.mouse.click(point.x, point.y);
    await expect.poll(async () => (await readTooltip(tab))?.role, { timeout: 5_000 }).toBe('dialog');
    const open = await tab.evaluate(({ x, y }) => {
      const root = document.querySelector('policylens-ui')!.shadowRoot!;
      const rect = root.querySelector('.tooltip')!.getBoundingClientRect();
      // The rectangles of the term under the click.
      const term = policyLensRanges().find(({ range }) =>
        [...range.getClientRects()].some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom),
      )!.range;
      return {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        focused: root.activeElement?.className ?? null,
        term: [...term.getClientRects()].map((box) => box.toJSON() as DOMRect),
      };
    }, point);
    expect(open.focused).toContain('tooltip');
    await expectMarkedBoxForBox(tab, open.term, 'pinned');
    await tab.keyboard.press('Escape');
    await expect.poll(async () => (await readTooltip(tab))?.visible).toBe(false);

    // The closed card stays in our layer's layout, transparent (tooltip.css): check what a reader meets.
    const closed = await tab.evaluate(({ x, y }) => {
      const host = document.querySelector('policylens-ui')!;
      const root = host.shadowRoot!;
      const card = root.querySelector<HTMLElement>('.tooltip')!;
      return {
        text: card.textContent,
        opacity: getComputedStyle(card).opacity,
        ariaHidden: card.getAttribute('aria-hidden'),
        focusable: card.hasAttribute('tabindex'),
        focused: root.activeElement !== null,
        // Where the card was, the page is reached again.
        atPoint: document.elementFromPoint(x, y) === host,
        markers: [...root.querySelectorAll('.active-term-box')].map((box) => getComputedStyle(box).opacity),
      };
    }, open);
    const { markers, ...card } = closed;
    expect(card).toEqual({ text: '', opacity: '0', ariaHidden: 'true', focusable: false, focused: false, atPoint: false });
    // The term was marked while its card was open; every box of the marker is transparent now.
    expect(markers.length).toBeGreaterThan(0);
    expect(new Set(markers)).toEqual(new Set(['0']));
    await tab.close();
  });

  it('stays beside its term, marked box for box, when the page zooms or transforms its root element', async () => {
    // What some sites' accessibility toolbars do (zoom the whole document from <html>), and the old
    // "hardware acceleration" hack (a transform there makes <html> the containing block of our host).
    for (const rootStyle of ['zoom: 1.5', 'transform: translateZ(0)', 'zoom: 1.25; transform: translateZ(0)']) {
      const tab = await e2e.browser.context.newPage();
      await tab.goto(e2e.server.url('/demo-speech.html'));
      await waitForHighlights(tab);
      await tab.evaluate((style) => document.documentElement.setAttribute('style', style), rootStyle);
      const point = await tab.evaluate(() => {
        const ranges = policyLensRanges();
        const range = ranges[ranges.length >> 1]!.range;
        scrollBy(0, range.getClientRects()[0]!.top - innerHeight / 2);
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      });
      await tab.mouse.move(point.x, point.y);
      await expect.poll(async () => (await readTooltip(tab))?.visible ?? false, { timeout: 5_000 }).toBe(true);
      const layout = await settledCardLayout(tab);
      // A zoomed root's own client box is zoomed too: the viewport is the window's.
      const viewport = await tab.evaluate(() => ({ width: innerWidth, height: innerHeight }));
      expectBesideTerm({ ...layout, viewport }, `html { ${rootStyle} }`);
      await expectMarkedBoxForBox(tab, layout.term, `html { ${rootStyle} }`);
      if (rootStyle === 'zoom: 1.5') await tab.screenshot({ path: join(SCREENSHOTS, 'tooltip-root-zoom-150.png') });
      await tab.close();
    }
  });

  it('follows its term when a box inside the page scrolls', async () => {
    const tab = await e2e.browser.context.newPage();
    await tab.goto(e2e.server.url('/annotator/scroll-box.html'));
    await waitForHighlights(tab);
    // 六稳 in the box's fifth paragraph, brought into the box's view.
    const liuwen = { text: '六稳', within: '#target' };
    await tab.evaluate(() => {
      const box = document.getElementById('box')!;
      box.scrollTop = document.getElementById('target')!.offsetTop - box.offsetTop - 40;
    });
    const [term] = (await settledCardLayout(tab, liuwen)).term;
    await tab.mouse.click(term!.left + term!.width / 2, term!.top + term!.height / 2);
    await expect.poll(async () => (await readTooltip(tab))?.role, { timeout: 5_000 }).toBe('dialog');
    const before = await settledCardLayout(tab, liuwen);
    expectBesideTerm(before, 'pinned');

    // The box scrolls, not the page: the term moves up, and the card with it.
    await tab.evaluate(() => (document.getElementById('box')!.scrollTop += 30));
    const scrolled = await settledCardLayout(tab, liuwen);
    expect(scrolled.term[0]!.top, 'the box scrolled').toBeLessThan(before.term[0]!.top - 20);
    expectBesideTerm(scrolled, 'after the box scrolled');
    await tab.close();
  });

  it('follows its term when the page scrolls and when the browser zooms', async () => {
    const tab = await e2e.browser.context.newPage();
    await tab.goto(e2e.server.url('/demo-speech.html'));
    await waitForHighlights(tab);
    const termPoint = (): Promise<{ x: number; y: number }> =>
      tab.evaluate(() => {
        const ranges = policyLensRanges();
        const rect = ranges[ranges.length >> 1]!.range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      });
    await tab.evaluate(() => {
      const ranges = policyLensRanges();
      scrollBy(0, ranges[ranges.length >> 1]!.range.getClientRects()[0]!.top - innerHeight / 3);
    });
    // A click pins the card, so it stays while the reader scrolls and zooms.
    const point = await termPoint();
    await tab.mouse.click(point.x, point.y);
    await expect.poll(async () => (await readTooltip(tab))?.role, { timeout: 5_000 }).toBe('dialog');
    // The pinned card names each rendering's source; a source that carries its date gets no second year.
    expect((await readTooltip(tab))?.text).not.toMatch(/\b(\d{4}), \1\b/);
    const before = await settledCardLayout(tab);
    expectBesideTerm(before, 'pinned');

    await tab.mouse.wheel(0, 120);
    const scrolled = await settledCardLayout(tab);
    expect(scrolled.term[0]!.top, 'the page scrolled').toBeLessThan(before.term[0]!.top - 60);
    expectBesideTerm(scrolled, 'after scrolling');

    const tabId = await e2e.browser.tabIdOf(tab);
    try {
      await e2e.browser.serviceWorker.evaluate((id) => chrome.tabs.setZoom(id, 1.5), tabId);
      await expect.poll(() => tab.evaluate(() => devicePixelRatio), { timeout: 5_000 }).toBe(1.5);
      expect((await readTooltip(tab))?.visible).toBe(true);
      // Zooming reflows the page and may carry the term out of view (the card goes with it): bring
      // the term back as a reader would, by scrolling.
      await tab.evaluate(() => {
        const ranges = policyLensRanges();
        scrollBy(0, ranges[ranges.length >> 1]!.range.getClientRects()[0]!.top - innerHeight / 3);
      });
      const zoomed = await settledCardLayout(tab);
      expect(zoomed.viewport.width, 'zoomed in').toBeLessThan(before.viewport.width - 300);
      expectBesideTerm(zoomed, 'at 150 %');
      // Playwright's own screenshot comes out blank under browser zoom; the protocol's is right.
      const cdp = await e2e.browser.context.newCDPSession(tab);
      const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
      writeFileSync(join(SCREENSHOTS, 'tooltip-pinned-zoom-150.png'), Buffer.from(shot.data, 'base64'));
      await cdp.detach();
    } finally {
      await e2e.browser.serviceWorker.evaluate((id) => chrome.tabs.setZoom(id, 1), tabId);
    }
    await tab.close();
  });
});
