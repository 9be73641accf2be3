/**
 * Popup open-and-render time: from the popup page's navigation start to its first `.term-item`,
 * timed inside the popup by a MutationObserver installed before any of its scripts run.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../tests/e2e/harness';

/** Only on extension pages: the benchmark pages must not carry an observer. */
const RECORD_FIRST_TERM_ITEM = `
if (location.protocol === 'chrome-extension:') {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.term-item')) return;
    globalThis.benchFirstTermItemAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}`;

export async function preparePopupTiming(browser: ExtensionBrowser): Promise<void> {
  await browser.context.addInitScript({ content: RECORD_FIRST_TERM_ITEM });
}

/** Opens the popup for `tab` `runs` times; returns ms from navigation start to the first term rendered. */
export async function measurePopup(browser: ExtensionBrowser, tab: Page, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const popup = await browser.openPopup(tab);
    await popup.waitForSelector('.term-item', { timeout: 10_000 });
    const at = await popup.evaluate(() => (globalThis as { benchFirstTermItemAt?: number }).benchFirstTermItemAt ?? NaN);
    if (Number.isNaN(at)) throw new Error('the popup timing observer did not run');
    times.push(at);
    await popup.close();
  }
  return times;
}
