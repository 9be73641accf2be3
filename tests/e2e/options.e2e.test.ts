/**
 * The options page in real Chromium with the built extension: language, categories, colours and
 * the reader's glossaries reach an open tab without a reload; bad glossary files are refused with
 * row and field; the popup and the options page can be used with the keyboard alone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh_CN.json';
import { pointOfTerm, readTooltip, SCREENSHOTS, useExtensionBrowser, waitForHighlights } from './harness';

const READER_TERM = '读书打卡';
const ARTICLE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>读书会通知</title>
<style>body{font:18px/1.8 "Noto Sans CJK SC",sans-serif;margin:40px;background:#fff;color:#000}</style></head>
<body><article><h1>读书会工作安排</h1>
<p>今年我们要做好六稳工作，落实六保任务，深化放管服改革。</p>
<p>各支部要坚持${READER_TERM}制度，每周${READER_TERM}一次。</p>
</article></body></html>`;

const GOOD_CSV = `id,term,variants,category,summaryZh,summaryEn,english
reading-check-in,${READER_TERM},,campaign,每天读书并打卡记录的学习制度。,A study routine: read every day and log it.,reading check-in
`;
const BROKEN_CSV = `id,term,category,summaryZh,summaryEn
fine-one,第一条目,reform,中文释义,English summary
bad-two,第二条目,party,中文释义,English summary
`;

const e2e = useExtensionBrowser(
  { '/reader-terms.html': { type: 'text/html; charset=utf-8', body: ARTICLE } },
  { locale: 'zh-CN' },
);
let article: Page;
let options: Page;

const optionsUrl = () => `chrome-extension://${e2e.browser.extensionId}/options.html`;

async function highlightSize(page: Page, name: string): Promise<number> {
  return page.evaluate((key) => CSS.highlights.get(key)?.size ?? 0, name);
}

async function hoverTerm(page: Page, term: string): Promise<string> {
  await page.mouse.move(5, 5);
  await expect.poll(async () => (await readTooltip(page))?.visible ?? false, { timeout: 3_000 }).toBe(false);
  const point = await pointOfTerm(page, term);
  await page.mouse.move(point.x, point.y);
  await expect.poll(async () => (await readTooltip(page))?.visible, { timeout: 5_000 }).toBe(true);
  return (await readTooltip(page))!.text;
}

/** Every element that should take keyboard focus, by a readable key. */
async function focusableKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
      .filter((element) => !(element as HTMLInputElement).disabled && element.checkVisibility())
      // One stop per radio group: arrow keys move within it.
      .filter((element) => !(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked))
      .map((element) => element.id || `${element.tagName}.${element.className}:${element.textContent ?? ''}`),
  );
}

/**
 * Presses Tab until focus comes back round, and returns what it visited, starting from the first
 * control (Tab starts from wherever focus last was, so the round is rotated to begin there).
 */
async function tabOrder(page: Page, limit = 120): Promise<string[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const visited: string[] = [];
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const outline = getComputedStyle(element).outlineStyle;
      return { key: element.id || `${element.tagName}.${element.className}:${element.textContent ?? ''}`, outline };
    });
    if (!key) continue;
    if (visited.includes(key.key)) break;
    expect(key.outline, `visible focus on ${key.key}`).not.toBe('none');
    visited.push(key.key);
  }
  const first = (await focusableKeys(page))[0]!;
  const start = Math.max(0, visited.indexOf(first));
  return [...visited.slice(start), ...visited.slice(0, start)];
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  article = await e2e.browser.context.newPage();
  await article.goto(e2e.server.url('/reader-terms.html'));
  await waitForHighlights(article);
  options = await e2e.browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 900 });
  await options.goto(optionsUrl());
  await options.waitForSelector('#ui-language');
});

describe('the options page', () => {
  it('switches the interface language of the options page, the popup and the hover card', async () => {
    await options.selectOption('#ui-language', 'en');
    await expect.poll(() => options.textContent('h1')).toBe('PolicyLens settings');
    await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toBe('en');
    await options.screenshot({ path: join(SCREENSHOTS, 'options-en.png'), fullPage: true });

    const popupEn = await e2e.browser.openPopup(article);
    await expect.poll(() => popupEn.textContent('.options-button')).toBe('Settings');
    await popupEn.close();
    await article.bringToFront();
    expect(await hoverTerm(article, '六稳')).toContain(`${en.tooltip.english}:`);

    await options.bringToFront();
    await options.selectOption('#ui-language', 'zh_CN');
    await expect.poll(() => options.textContent('h1')).toBe('政策透镜设置');
    await options.screenshot({ path: join(SCREENSHOTS, 'options-zh.png'), fullPage: true });
    const popupZh = await e2e.browser.openPopup(article);
    await expect.poll(() => popupZh.textContent('.options-button')).toBe('设置');
    await popupZh.close();
    await article.bringToFront();
    const zhCard = await hoverTerm(article, '六稳');
    expect(zhCard).not.toContain(`${en.tooltip.english}:`);
    expect(zhCard).toContain(`${zhCN.tooltip.english}:`);
  });

  it("switches a category's highlights off and on in an open tab without reloading it", async () => {
    expect(await highlightSize(article, 'policylens-formula')).toBeGreaterThan(0);
    const navigations: string[] = [];
    article.on('framenavigated', (frame) => navigations.push(frame.url()));
    await options.bringToFront();
    await options.click('#category-formula-enabled');
    await expect.poll(() => highlightSize(article, 'policylens-formula'), { timeout: 5_000 }).toBe(0);
    // The other categories stay.
    expect(await highlightSize(article, 'policylens-reform')).toBeGreaterThan(0);
    await options.click('#category-formula-enabled');
    await expect.poll(() => highlightSize(article, 'policylens-formula'), { timeout: 5_000 }).toBeGreaterThan(0);
    expect(navigations).toEqual([]);
  });

  it("changes a category's colour in the page's own ::highlight style without adding an element", async () => {
    const before = await article.evaluate(() => document.getElementsByTagName('*').length);
    const drawn = () =>
      article.evaluate(() => getComputedStyle(document.querySelector('p')!, '::highlight(policylens-formula)').backgroundColor);
    const defaultColour = await drawn();
    await options.bringToFront();
    await options.fill('#category-formula-color', '#ff0000');
    await expect.poll(drawn, { timeout: 5_000 }).toBe('rgba(255, 0, 0, 0.35)');
    expect(defaultColour).not.toBe('rgba(255, 0, 0, 0.35)');
    expect(await options.textContent('#category-formula-contrast')).toMatch(/1/);

    await options.check('#highlight-style-underline');
    const decoration = () =>
      article.evaluate(
        () => getComputedStyle(document.querySelector('p')!, '::highlight(policylens-formula)').textDecorationLine,
      );
    await expect.poll(decoration, { timeout: 5_000 }).toBe('underline');
    // An underline in yellow vanishes on white: the page says so.
    await options.fill('#category-formula-color', '#ffeb3b');
    await expect.poll(() => options.getAttribute('#category-formula-contrast', 'class')).toContain('warning');
    expect(await article.evaluate(() => document.getElementsByTagName('*').length)).toBe(before);
    expect(await article.evaluate(() => document.querySelectorAll('style, link').length)).toBe(1);

    // A new document in the same tab gets the reader's style again (not only the first one did).
    await article.reload();
    await expect.poll(decoration, { timeout: 5_000 }).toBe('underline');

    await options.click('#reset-settings');
    await expect.poll(drawn, { timeout: 5_000 }).toBe(defaultColour);
  });

  it("imports the reader's CSV glossary: its term is highlighted and explained on an open tab", async () => {
    await options.bringToFront();
    expect(await highlightSize(article, 'policylens-campaign')).toBe(0);
    await options.setInputFiles('#import-glossary', { name: 'reading.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
    await expect.poll(() => options.locator('.layer').count()).toBe(1);
    await expect.poll(() => options.textContent('#status')).toContain('reading');
    await expect.poll(() => highlightSize(article, 'policylens-campaign'), { timeout: 5_000 }).toBe(2);
    const card = await hoverTerm(article, READER_TERM);
    expect(card).toContain(READER_TERM);
    expect(card).toContain('每天读书并打卡记录的学习制度。');
    expect(card).toContain('reading check-in');

    // The popup's glossary search finds it too.
    const popup = await e2e.browser.openPopup(article);
    await popup.fill('#glossary-search', READER_TERM);
    await expect.poll(() => popup.locator('.search-result').first().textContent()).toContain(READER_TERM);
    await popup.close();
  });

  it('refuses a broken glossary with the row and field named, and changes nothing', async () => {
    await options.bringToFront();
    await options.selectOption('#ui-language', 'en');
    const stored = () =>
      e2e.browser.serviceWorker.evaluate(() => chrome.storage.local.get(['userGlossaries', 'userMatchEntries']));
    const before = await stored();
    await options.setInputFiles('#import-glossary', {
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(BROKEN_CSV),
    });
    await expect.poll(() => options.textContent('#import-report')).toContain('Row 3, field category: must be one of formula');
    expect(await options.textContent('#import-report')).toContain('“broken.csv” was not imported; nothing was changed.');
    expect(await options.locator('.layer').count()).toBe(1);
    expect(await stored()).toEqual(before);
    expect(await highlightSize(article, 'policylens-campaign')).toBe(2);
  });

  it('switches a glossary layer off, which takes its highlights off the open tab', async () => {
    await options.bringToFront();
    await options.click('#layer-0-enabled');
    await expect.poll(() => highlightSize(article, 'policylens-campaign'), { timeout: 5_000 }).toBe(0);
    await options.click('#layer-0-enabled');
    await expect.poll(() => highlightSize(article, 'policylens-campaign'), { timeout: 5_000 }).toBe(2);
  });
});

describe('keyboard use', () => {
  it('reaches every control of the options page with Tab, with a visible focus ring', async () => {
    await options.bringToFront();
    const expected = await focusableKeys(options);
    const visited = await tabOrder(options);
    expect(visited).toEqual(expected);
    expect(visited).toContain('import-glossary');
    expect(visited).toContain('reset-settings');
  });

  it('reaches every control of the popup with Tab', async () => {
    const popup = await e2e.browser.openPopup(article);
    await popup.waitForSelector('.options-button');
    await popup.waitForSelector('.switch input');
    const expected = await focusableKeys(popup);
    const visited = await tabOrder(popup);
    expect(new Set(visited)).toEqual(new Set(expected));
    await popup.close();
  });
});
