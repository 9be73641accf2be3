import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  hoverTerm,
  pointOfTerm,
  readTooltip,
  SCREENSHOTS,
  useExtensionBrowser,
  waitForAnnotation,
  waitForHighlights,
  readerHighlightTexts,
} from './harness';

const e2e = useExtensionBrowser();

async function open(path: string): Promise<Page> {
  const page = await e2e.browser.context.newPage();
  await page.goto(e2e.server.url(path));
  return page;
}

/** Highlighted text, flattened, with the id of the element each range starts in. */
async function highlightedIn(target: Page | Frame): Promise<Array<{ text: string; in: string }>> {
  return target.evaluate(() =>
    policyLensRanges()
      .filter(({ range }) => !range.collapsed)
      .map(({ range }) => ({ text: range.toString(), in: range.startContainer.parentElement?.closest('[id]')?.id ?? '' })),
  );
}

/** The background colour the page's stylesheets give a highlight (transparent when none styles it). */
async function highlightColour(page: Page, highlight: string): Promise<string> {
  return page.evaluate((name) => getComputedStyle(document.body, `::highlight(${name})`).backgroundColor, highlight);
}

async function badgeText(page: Page): Promise<string> {
  const tabId = await e2e.browser.tabIdOf(page);
  return e2e.browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

describe('the annotator on split, quoted and Traditional text', () => {
  it('finds terms split across inline elements, quotes, Traditional forms and line breaks', async () => {
    const page = await open('/annotator/split-terms.html');
    await waitForHighlights(page);
    const found = await highlightedIn(page);
    const inElement = (id: string) => found.filter((hit) => hit.in === id).map((hit) => hit.text);
    expect(inElement('bold')).toEqual(['六稳']);
    expect(inElement('font')).toEqual(['六保']);
    expect(inElement('link')).toEqual(['放管服改革']);
    expect(inElement('quoted')).toEqual(['米袋子”省长负责制']);
    expect(inElement('traditional')).toEqual(['六穩']);
    expect(inElement('linebreak')).toEqual(['三大攻\n坚战']);
    await page.close();
  });

  it('does NOT join a term across blocks, inside a longer word, or in hidden and non-reading text', async () => {
    const page = await open('/annotator/split-terms.html');
    await waitForHighlights(page);
    const found = await highlightedIn(page);
    const ids = new Set(found.map((hit) => hit.in));
    for (const id of ['across', 'inside-word', 'hidden', 'display-none']) expect(ids.has(id), id).toBe(false);
    expect(found).toHaveLength(6);
    await page.close();
  });
});

describe('the annotator on a page that changes', () => {
  it('highlights text added after load, drops highlights of removed text, and follows a route change', async () => {
    const page = await open('/annotator/dynamic.html');
    await waitForHighlights(page);
    expect((await highlightedIn(page)).map((hit) => hit.text)).toEqual(['六稳']);
    // A hover before the page changes and one after: terms found later are hovered too.
    await hoverTerm(page, '六稳');

    await page.evaluate(() => {
      const w = window as unknown as { addItem(text: string): void };
      w.addItem('新闻一：三大攻坚战取得成效');
      w.addItem('新闻二：河长制全面推行');
    });
    await expect
      .poll(async () => (await highlightedIn(page)).map((hit) => hit.text).sort(), { timeout: 5_000 })
      .toEqual(['三大攻坚战', '六稳', '河长制'].sort());
    await expect.poll(() => badgeText(page), { timeout: 5_000 }).toBe('3');
    await hoverTerm(page, '河长制');
    await page.mouse.move(2, 2);

    const popupTerms = async (): Promise<string[]> => {
      const popup = await e2e.browser.openPopup(page);
      await popup.waitForSelector('.term-item');
      const terms = await popup
        .locator('.term-item')
        .evaluateAll((items) =>
          items.map((item) => `${item.querySelector('.term')!.textContent} ×${item.querySelector('.count')!.textContent}`),
        );
      await popup.close();
      return terms.sort();
    };
    expect(await popupTerms()).toEqual(['三大攻坚战 ×1', '六稳 ×1', '河长制 ×1']);

    await page.evaluate(() => (window as unknown as { removeFeed(): void }).removeFeed());
    await expect.poll(async () => (await highlightedIn(page)).map((hit) => hit.text), { timeout: 5_000 }).toEqual(['六稳']);
    // The popup's list of the page's terms forgets the removed ones too.
    expect(await popupTerms()).toEqual(['六稳 ×1']);

    await page.evaluate(() => (window as unknown as { goTo(route: string): void }).goTo('second'));
    await expect
      .poll(async () => (await highlightedIn(page)).map((hit) => hit.text).sort(), { timeout: 5_000 })
      .toEqual(['放管服改革', '河长制'].sort());
    await expect.poll(() => badgeText(page), { timeout: 5_000 }).toBe('2');
    await page.close();
  });
});

describe('the annotator around what the reader types', () => {
  it('does NOT highlight inside a textarea, an input or editable regions, and typing works as before', async () => {
    const page = await open('/annotator/editors.html');
    await waitForHighlights(page);
    const found = await highlightedIn(page);
    expect(found.map((hit) => hit.in)).toEqual(['reading', 'reading']);

    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type('和六稳');
    await page.keyboard.press('Control+Z');
    await page.click('#textarea');
    await page.keyboard.press('End');
    await page.keyboard.type('六保');
    expect(await page.inputValue('#textarea')).toBe('文本框里的六稳六保');
    await page.waitForTimeout(400); // let the page watcher's quiet period pass
    expect((await highlightedIn(page)).map((hit) => hit.in)).toEqual(['reading', 'reading']);
    await page.close();
  });
});

describe('the annotator on hostile pages, frames and pages without Chinese', () => {
  it('shows a working tooltip on a page whose CSS resets everything with !important', async () => {
    const page = await open('/annotator/hostile-css.html');
    await waitForHighlights(page);
    const point = await pointOfTerm(page, '六稳');
    await page.mouse.move(point.x, point.y);
    await expect.poll(async () => (await readTooltip(page))?.visible, { timeout: 5_000 }).toBe(true);
    expect((await readTooltip(page))?.text).toContain('稳就业');
    const box = await page.evaluate(() => {
      const card = document.querySelector('policylens-ui')!.shadowRoot!.querySelector('.tooltip')!;
      const rect = card.getBoundingClientRect();
      return { width: rect.width, height: rect.height, background: getComputedStyle(card).backgroundColor };
    });
    expect(box.width).toBeGreaterThan(200);
    expect(box.height).toBeGreaterThan(80);
    expect(box.background).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(SCREENSHOTS, 'tooltip-hostile-css.png'), animations: 'disabled' });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readTooltip(page))?.visible).toBe(false);
    await page.close();
  });

  it('annotates a same-origin iframe in its own frame', async () => {
    const page = await open('/annotator/frame-host.html');
    await waitForHighlights(page);
    const frame = page.frames().find((f) => f.url().endsWith('frame-inner.html'))!;
    await waitForAnnotation(frame as unknown as Page);
    expect((await highlightedIn(frame)).map((hit) => hit.text)).toEqual(['放管服改革']);
    expect((await highlightedIn(page)).map((hit) => hit.text)).toEqual(['三大攻坚战']);
    await page.close();
  });

  it('loads the page script only into the frame that holds Chinese', async () => {
    const page = await open('/annotator/english-frame-host.html');
    const frame = page.frames().find((f) => f.url().endsWith('frame-inner.html'))!;
    await waitForAnnotation(frame as unknown as Page);
    expect((await highlightedIn(frame)).map((hit) => hit.text)).toEqual(['放管服改革']);
    expect(await frame.evaluate(() => document.querySelectorAll('policylens-ui').length)).toBe(1);
    // The English page around it got the probe only.
    await page.waitForFunction(() => performance.getEntriesByName('policylens:check').length > 0);
    expect(await page.evaluate(() => document.querySelector('policylens-ui'))).toBeNull();
    await page.close();
  });

  it('does nothing on a page without Chinese and says so in the popup', async () => {
    const page = await open('/annotator/no-chinese.html');
    // Only the page probe ran: it measured its check and added nothing, not even our UI's host.
    await page.waitForFunction(() => performance.getEntriesByName('policylens:check').length > 0);
    // Long enough for a page script the probe wrongly asked for to arrive (50–150 ms here).
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => document.querySelector('policylens-ui'))).toBeNull();
    // Nor our ::highlight() stylesheet: in a page that never highlights, it only cost memory (2.6 MB
    // of Blink's heap on a page of 9,000 elements, when the manifest listed it).
    expect(await highlightColour(page, 'policylens-formula')).toBe('rgba(0, 0, 0, 0)');
    // Opening the popup loads the page script, which answers it.
    const popup = await e2e.browser.openPopup(page);
    await expect.poll(() => popup.locator('.status .message').textContent(), { timeout: 5_000 }).toContain('中文');
    expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('policylens-')).length)).toBe(0);
    await popup.close();
    await page.close();
  });
});

describe('pages that start without Chinese', () => {
  it('annotates a single-page app once it routes to a page in Chinese', async () => {
    const page = await open('/annotator/english-app.html');
    await page.waitForFunction(() => performance.getEntriesByName('policylens:check').length > 0);
    expect(await page.evaluate(() => document.querySelector('policylens-ui'))).toBeNull();
    await page.evaluate(() => (window as unknown as { goTo(route: string): void }).goTo('zh'));
    await expect
      .poll(async () => (await highlightedIn(page)).map((hit) => hit.text), { timeout: 5_000 })
      .toEqual(['稳中求进', '六稳']);
    await expect.poll(() => badgeText(page), { timeout: 5_000 }).toBe('2');
    // The highlights' stylesheet came with the page script.
    expect(await highlightColour(page, 'policylens-formula')).toBe('rgba(255, 196, 0, 0.38)');
    await page.close();
  });

  it('keeps one working page script when the popup loaded it before the app routed to Chinese', async () => {
    const page = await e2e.browser.context.newPage();
    // Each copy of the page script announces itself to the page (WXT's content-script context posts
    // "…wxt:content-script-started"): count them.
    await page.addInitScript(() => {
      (window as unknown as { pageScriptStarts: number }).pageScriptStarts = 0;
      addEventListener('message', (event: MessageEvent<{ type?: unknown }>) => {
        if (typeof event.data?.type === 'string' && event.data.type.endsWith('wxt:content-script-started'))
          (window as unknown as { pageScriptStarts: number }).pageScriptStarts++;
      });
    });
    await page.goto(e2e.server.url('/annotator/english-app.html?popup-first'));
    await page.waitForFunction(() => performance.getEntriesByName('policylens:check').length > 0);
    const popup = await e2e.browser.openPopup(page);
    await expect.poll(() => popup.locator('.status .message').textContent(), { timeout: 5_000 }).toContain('中文');
    await popup.close();
    // The probe must not load a second copy now: WXT's context would stop the first one.
    await page.evaluate(() => (window as unknown as { goTo(route: string): void }).goTo('zh'));
    await expect.poll(async () => (await highlightedIn(page)).map((hit) => hit.text), { timeout: 5_000 }).toContain('六稳');
    await page.waitForTimeout(1_500); // past the probe's second look at the new route
    expect(await page.evaluate(() => document.querySelectorAll('policylens-ui').length)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { pageScriptStarts: number }).pageScriptStarts)).toBe(1);
    const point = await pointOfTerm(page, '六稳');
    await page.mouse.move(point.x, point.y);
    await expect.poll(async () => (await readTooltip(page))?.visible, { timeout: 5_000 }).toBe(true);
    await page.close();
  });

  it('loads nothing on a Chinese page of a site switched off, and annotates it once the site is switched on', async () => {
    const siteOff = (off: boolean): Promise<void> =>
      e2e.browser.serviceWorker.evaluate(async (disabled) => {
        const { settings } = await chrome.storage.local.get<{ settings?: Record<string, unknown> }>('settings');
        await chrome.storage.local.set({ settings: { ...settings, disabledSites: disabled ? ['127.0.0.1'] : [] } });
      }, off);
    await siteOff(true);
    try {
      const page = await open('/annotator/split-terms.html?site-off');
      await page.waitForFunction(() => performance.getEntriesByName('policylens:check').length > 0);
      await page.waitForTimeout(1_000); // as above: time for a wrongly loaded page script to arrive
      expect(await page.evaluate(() => document.querySelector('policylens-ui'))).toBeNull();
      // Switched on in the options (storage): the open tab follows, as it did when every page held the page script.
      await siteOff(false);
      await expect.poll(async () => (await highlightedIn(page)).length, { timeout: 5_000 }).toBeGreaterThan(0);
      await page.close();
    } finally {
      await siteOff(false);
    }
  });

  it("shows a site switched off in the popup's switch, and switching it there annotates the open page and clears it again", async () => {
    const setDisabledSites = (sites: string[]): Promise<void> =>
      e2e.browser.serviceWorker.evaluate(async (disabled) => {
        const { settings } = await chrome.storage.local.get<{ settings?: Record<string, unknown> }>('settings');
        await chrome.storage.local.set({ settings: { ...settings, disabledSites: disabled } });
      }, sites);
    await setDisabledSites(['127.0.0.1']);
    try {
      const page = await open('/annotator/split-terms.html?popup-switch');
      await page.waitForFunction(() => performance.getEntriesByName('policylens:check').length > 0);
      const popup = await e2e.browser.openPopup(page);
      const siteSwitch = popup.locator('.switch input');
      await expect.poll(() => siteSwitch.isChecked(), { timeout: 5_000 }).toBe(false);
      await siteSwitch.click();
      await expect.poll(async () => (await highlightedIn(page)).length, { timeout: 5_000 }).toBeGreaterThan(0);
      // The popup follows: it lists the page's terms once the page has them, without being reopened.
      await popup.waitForSelector('.term-item', { timeout: 5_000 });
      // And back off: the page loses its highlights, the popup its list.
      await siteSwitch.click();
      await expect.poll(async () => (await highlightedIn(page)).length, { timeout: 5_000 }).toBe(0);
      await expect.poll(() => popup.locator('.term-item').count(), { timeout: 5_000 }).toBe(0);
      await popup.close();
      await page.close();
    } finally {
      await setDisabledSites([]);
    }
  });

  it("keeps the reader's own highlight on a page without Chinese, and shows it again after a reload", async () => {
    // Its own address, so no other test's page holds a saved highlight.
    const page = await open('/annotator/english-app.html?reader');
    await page.waitForFunction(() => performance.getEntriesByName('policylens:check').length > 0);
    await page.evaluate(() => {
      const text = document.getElementById('quote')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 2);
      range.setEnd(text, 'A quotable sentence'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    // The shortcut's command loads the page script first: the page held only the probe.
    await e2e.browser.runCommand(page, 'highlight-selection');
    await page.locator('policylens-ui .note-dialog button.primary').click();
    const saved = (): Promise<string[]> => readerHighlightTexts(page);
    await expect.poll(saved, { timeout: 5_000 }).toEqual(['quotable sentence']);
    // The page probe asks storage nothing on a page without Chinese: the saved highlight is found by
    // the script the background registered for this site once it held one.
    const registeredSites = (): Promise<string[]> =>
      e2e.browser.serviceWorker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []),
      );
    await expect.poll(registeredSites, { timeout: 5_000 }).toContain('http://127.0.0.1/*');
    await page.reload();
    await expect.poll(saved, { timeout: 5_000 }).toEqual(['quotable sentence']);
    // Deleted in the popup, the site's last highlight takes the registration with it.
    const popup = await e2e.browser.openPopup(page);
    await popup.locator('.reader-item', { hasText: 'quotable sentence' }).locator('.reader-delete').click();
    await expect.poll(registeredSites, { timeout: 5_000 }).not.toContain('http://127.0.0.1/*');
    await popup.close();
    await page.close();
  });
});

describe('the keyboard commands', () => {
  it('all get their suggested shortcut (Chrome silently drops a suggestion it reserves)', async () => {
    const commands: chrome.commands.Command[] = await e2e.browser.serviceWorker.evaluate(() => chrome.commands.getAll());
    const shortcuts: Record<string, string | undefined> = {};
    for (const command of commands)
      if (command.name && command.name !== '_execute_action') shortcuts[command.name] = command.shortcut;
    expect(shortcuts).toEqual({
      'next-term': 'Alt+Shift+J',
      'previous-term': 'Alt+Shift+K',
      'toggle-annotation': 'Alt+Shift+L',
      'highlight-selection': 'Alt+Shift+H',
    });
  });

  it('jump to the next term and open its card as a dialog, from the same handler the shortcuts use', async () => {
    const page = await open('/demo-speech.html');
    await waitForHighlights(page);
    await e2e.browser.runCommand(page, 'next-term');
    await expect.poll(async () => (await readTooltip(page))?.role, { timeout: 5_000 }).toBe('dialog');
    const first = (await readTooltip(page))?.text ?? '';
    expect(first).toContain('稳就业'); // 六稳 is the first term in the speech
    await e2e.browser.runCommand(page, 'next-term');
    await expect.poll(async () => (await readTooltip(page))?.text).not.toBe(first);
    await page.screenshot({ path: join(SCREENSHOTS, 'tooltip-pinned.png'), animations: 'disabled' });
    await page.close();
  });
});

describe('switching annotation off and on', () => {
  it('removes every highlight and the badge when toggled off, and restores them when toggled on', async () => {
    const page = await open('/annotator/split-terms.html');
    await waitForHighlights(page);
    const run = (command: string) => e2e.browser.runCommand(page, command);
    await run('toggle-annotation');
    await expect.poll(async () => (await highlightedIn(page)).length, { timeout: 5_000 }).toBe(0);
    await expect.poll(() => badgeText(page), { timeout: 5_000 }).toBe('');
    await run('toggle-annotation');
    await expect.poll(async () => (await highlightedIn(page)).length, { timeout: 5_000 }).toBe(6);
    await page.close();
  });
});
