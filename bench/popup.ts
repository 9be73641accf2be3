/**
 * Popup open-and-render time: from the popup page's navigation start to the mark it makes when the
 * page's terms are in it (POPUP_TERMS_MARK), in a browser no DevTools client is attached to
 * (BareChromium). With playwright-core attached to the popup, the same opening took about 100 ms
 * more (article: 317–432 against 228–381 ms, 5 each).
 */
import { POPUP_TERMS_MARK } from '../src/popup/popup-terms-mark';
import type { BareChromium } from './bare-chromium';
import { navigationStartOf } from './trace';

const CATEGORIES = ['blink.user_timing', '__metadata'];

/** Opens `pageUrl` in a tab, then its popup `runs` times; returns ms from navigation start to the terms rendered. */
export async function measurePopup(browser: BareChromium, pageUrl: string, runs: number, settleMs = 3_000): Promise<number[]> {
  const page = await browser.openTab(pageUrl);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?tabId=${await browser.activeTabId()}`;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const events = await browser.trace(CATEGORIES, async () => {
      const popup = await browser.openTab(popupUrl);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await browser.closeTab(popup);
    });
    const navigation = navigationStartOf(events, popupUrl);
    const mark = events.find((event) => event.name === POPUP_TERMS_MARK && event.pid === navigation.pid);
    if (!mark) throw new Error('the popup did not render the page’s terms within 2 s');
    times.push(mark.ts / 1000 - navigation.time);
  }
  await browser.closeTab(page);
  return times;
}
