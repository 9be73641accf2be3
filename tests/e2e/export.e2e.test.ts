import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExportDocument, type ExportDocument } from '../../src/core/export';
import zhCN from '../../locales/zh_CN.json';
import { parseCsv } from '../unit/export-helpers/csv-parse';
import {
  launchBrowser,
  openAnnotated,
  readerHighlightTexts,
  ROOT,
  SCREENSHOTS,
  useExtensionBrowser,
  waitForHighlights,
} from './harness';

const e2e = useExtensionBrowser();
let page: Page;

beforeAll(async () => {
  page = await openAnnotated(e2e, '/demo-speech.html');
});

/** Selects a phrase of the speech as a reader would (the first paragraph that holds it). */
async function selectPhrase(tab: Page, phrase: string): Promise<void> {
  await tab.evaluate((wanted) => {
    const paragraph = [...document.querySelectorAll('p')].find((p) => p.textContent?.includes(wanted))!;
    const text = paragraph.firstChild as Text;
    const start = text.data.indexOf(wanted);
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + wanted.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, phrase);
}

/** Opens the popup for the demo tab, picks a format and downloads it; returns the file's name and text. */
async function exportAs(format: 'md' | 'csv' | 'json' | 'anki'): Promise<{ name: string; text: string }> {
  const popup = await e2e.browser.openPopup(page);
  await popup.waitForSelector('#export-format');
  await popup.selectOption('#export-format', format);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.click('.export-download')]);
  const path = await download.path();
  const result = { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  await popup.close();
  return result;
}

function cliDocument(): ExportDocument {
  const output = execFileSync('npx', ['tsx', 'scripts/analyze.ts', 'tests/fixtures/demo-speech.html'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return (JSON.parse(output) as ExportDocument[])[0]!;
}

describe('highlighting with PolicyLens: the reader’s own highlight and note', () => {
  it('saves a selection with a note and finds it again after a reload', async () => {
    // Select a phrase of the speech as a reader would, then use the command the shortcut and the
    // context menu both send.
    // The page zooms its root element, as some sites' accessibility toolbars do (the reload below ends it).
    await page.evaluate(() => (document.documentElement.style.zoom = '1.25'));
    await selectPhrase(page, '信心比X更重要');
    // The reader selected text in view: where it is, before the command takes the selection.
    const selected = await page.evaluate(() => {
      const range = getSelection()!.getRangeAt(0);
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      return range.getBoundingClientRect().toJSON() as DOMRect;
    });
    await e2e.browser.runCommand(page, 'highlight-selection');
    const dialog = page.locator('policylens-ui .note-dialog');
    await dialog.waitFor();
    // The dialog sits beside the selected text, not over it, and inside the window.
    const placed = await page.evaluate((selected) => {
      const box = document.querySelector('policylens-ui')!.shadowRoot!.querySelector('.note-dialog')!.getBoundingClientRect();
      return {
        overlaps:
          box.left < selected.right && selected.left < box.right && box.top < selected.bottom && selected.top < box.bottom,
        inside: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
        nextToIt: Math.min(Math.abs(box.top - selected.bottom), Math.abs(selected.top - box.bottom)) < 10,
      };
    }, selected);
    expect(placed).toEqual({ overlaps: false, inside: true, nextToIt: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'reader-note-dialog.png') });
    await page.keyboard.type('关键句：信心');
    await page.locator('policylens-ui .note-dialog button.primary').click();
    const readerText = (): Promise<string[]> => readerHighlightTexts(page);
    await expect.poll(readerText, { timeout: 5_000 }).toEqual(['信心比X更重要']);

    await page.reload();
    await waitForHighlights(page);
    await expect.poll(readerText, { timeout: 5_000 }).toEqual(['信心比X更重要']);
    const popup = await e2e.browser.openPopup(page);
    await popup.waitForSelector('.reader-item');
    expect(await popup.locator('.reader-item blockquote').textContent()).toBe('信心比X更重要');
    expect(await popup.locator('.reader-item .reader-note').inputValue()).toBe('关键句：信心');
    await popup.close();
  });

  it('says so in a toast in the window’s corner when nothing is selected', async () => {
    // On a scrolled page whose root is zoomed (as the test above had it) and transformed, which makes
    // it our host's containing block: the toast must undo the zoom and count the layer's origin.
    await page.evaluate(() => {
      getSelection()!.removeAllRanges();
      document.documentElement.setAttribute('style', 'zoom: 1.25; transform: translateZ(0)');
      scrollTo(0, 400);
    });
    await e2e.browser.runCommand(page, 'highlight-selection');
    const toast = page.locator('policylens-ui .toast[role="status"]');
    await expect.poll(() => toast.textContent(), { timeout: 5_000 }).toBe(zhCN.reader.noSelection);
    const box = await page.evaluate(() => {
      const rect = document.querySelector('policylens-ui')!.shadowRoot!.querySelector('.toast')!.getBoundingClientRect();
      return {
        fromRight: innerWidth - rect.right,
        fromBottom: innerHeight - rect.bottom,
        width: rect.width,
        height: rect.height,
      };
    });
    // 16 px from the corner (the page's scrollbar takes a few more of innerWidth), on one line.
    expect(box.fromRight).toBeGreaterThanOrEqual(16);
    expect(box.fromRight).toBeLessThan(40);
    expect(box.fromBottom).toBeCloseTo(16, 0);
    expect(box.height).toBeLessThan(40);
    await page.screenshot({ path: join(SCREENSHOTS, 'reader-toast.png') });
    await page.evaluate(() => document.documentElement.removeAttribute('style'));
  });
});

describe('exporting the demo speech from the popup', () => {
  it('downloads JSON that validates, re-imports, holds the reader’s note, and equals what the CLI makes', async () => {
    const { name, text } = await exportAs('json');
    expect(name).toMatch(/在全区半年工作会议上的讲话.*\.json$/);
    const parsed = parseExportDocument(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const document = parsed.document;
    expect(document.readerHighlights.map((h) => [h.text, h.note])).toEqual([['信心比X更重要', '关键句：信心']]);
    const cli = cliDocument();
    expect(document.outline).toEqual(cli.outline);
    expect(document.highlights).toEqual(cli.highlights);
    expect(document.highlights.length).toBeGreaterThan(100);
  });

  it('downloads CSV that parses back, with a BOM, the importer columns and no live formulas', async () => {
    const { name, text } = await exportAs('csv');
    expect(name.endsWith('.csv')).toBe(true);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]!.slice(0, 7)).toEqual(['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']);
    expect(rows.some((row) => row[0] === '六稳')).toBe(true);
    expect(rows.some((row) => row.includes('关键句：信心'))).toBe(true);
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('downloads a Markdown term sheet grouped by the speech’s sections, and an Anki deck', async () => {
    const markdown = (await exportAs('md')).text;
    expect(markdown).toContain('## 一、总结,我们要客观');
    expect(markdown).toContain('**六稳**');
    expect(markdown).toContain('> 信心比X更重要');
    const anki = (await exportAs('anki')).text;
    expect(anki.startsWith('#separator:tab')).toBe(true);
    expect(anki).toContain('六稳');
  });
});

describe('the reader’s highlights in the popup', () => {
  it('edits a note and shows a highlight the page no longer holds as not found, keeping it', async () => {
    const popup = await e2e.browser.openPopup(page);
    const note = popup.locator('.reader-item .reader-note').first();
    await note.waitFor();
    await note.fill('改过的批注');
    await note.blur();
    const pageUrl = page.url().split('#')[0]!;
    await expect
      .poll(
        () =>
          e2e.browser.serviceWorker.evaluate(async (url) => {
            const store = (await chrome.storage.local.get('readerHighlights')).readerHighlights as Record<
              string,
              Array<{ note: string | null }>
            >;
            return store[url]?.[0]?.note;
          }, pageUrl),
        { timeout: 5_000 },
      )
      .toBe('改过的批注');
    // A second saved highlight whose text is not on the page: an orphan, listed, never dropped.
    await e2e.browser.serviceWorker.evaluate(async (url) => {
      const key = 'readerHighlights';
      const store = ((await chrome.storage.local.get(key))[key] ?? {}) as Record<string, unknown[]>;
      const list = store[url] ?? [];
      list.push({
        id: 'h-orphan',
        page: url,
        pageTitle: 'x',
        text: '这句话不在页面上',
        note: null,
        selectors: { quote: { exact: '这句话不在页面上', prefix: '', suffix: '' }, position: { start: 0, end: 8 } },
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
      await chrome.storage.local.set({ [key]: { ...store, [url]: list } });
    }, page.url().split('#')[0]!);
    await popup.close();
    await page.reload();
    await waitForHighlights(page);
    const again = await e2e.browser.openPopup(page);
    await expect.poll(() => again.locator('.reader-item').count(), { timeout: 5_000 }).toBe(2);
    expect(await again.locator('.reader-item .reader-note').first().inputValue()).toBe('改过的批注');
    expect(await again.locator('.reader-item', { hasText: '这句话不在页面上' }).locator('.orphan').count()).toBe(1);
    // Deleting removes it from storage and from the list.
    await again.locator('.reader-item', { hasText: '这句话不在页面上' }).locator('.reader-delete').click();
    await expect.poll(() => again.locator('.reader-item').count(), { timeout: 5_000 }).toBe(1);
    await again.close();
  });

  it('keeps them across a restart of the browser, which starts the extension afresh from its files', async () => {
    // Not chrome.runtime.reload(): an unpacked extension reloaded that way never came back in
    // headless Chromium here (no content script, no service worker for 30 s), so a test built on it
    // passed only when its first page load beat the reload. A restart on the same profile starts the
    // extension from its files with its storage, as an update does.
    const profileDir = mkdtempSync(join(tmpdir(), 'policylens-restart-'));
    try {
      for (const round of ['save', 'find again'] as const) {
        const browser = await launchBrowser({ profileDir });
        const tab = await browser.context.newPage();
        await tab.goto(e2e.server.url('/demo-speech.html'));
        await waitForHighlights(tab);
        if (round === 'save') {
          await selectPhrase(tab, '信心比X更重要');
          await browser.runCommand(tab, 'highlight-selection');
          await tab.locator('policylens-ui .note-dialog button.primary').click();
        }
        await expect.poll(() => readerHighlightTexts(tab), { timeout: 10_000 }).toEqual(['信心比X更重要']);
        await browser.close();
      }
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});
