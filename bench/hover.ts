/**
 * Hover-to-tooltip work: the pointer moves onto a highlighted term and PolicyLens hit-tests it, then
 * (after its intent delay) builds and places the card. The content script measures both pieces
 * (src/dom/hover.ts: policylens:hover:hit-test and policylens:hover:show); the work is their sum,
 * the latency (policylens:hover) also includes the intent delay.
 */
import type { Page } from 'playwright-core';
import { pointOfTerm, readTooltip } from '../tests/e2e/harness';

export interface HoverSample {
  term: string;
  workMs: number;
  hitTestMs: number;
  showMs: number;
  latencyMs: number;
}

/** Moves onto each term in turn (the pointer leaves and the card closes in between). */
export async function measureHovers(tab: Page, terms: readonly string[]): Promise<HoverSample[]> {
  const samples: HoverSample[] = [];
  for (const term of terms) {
    await tab.mouse.move(2, 2);
    await tab.waitForFunction(() => {
      const card = document.querySelector('policylens-ui')?.shadowRoot?.querySelector('.tooltip');
      return !card || (card as HTMLElement).hidden;
    });
    const before = await lastHoverStart(tab);
    const point = await pointOfTerm(tab, term);
    await tab.mouse.move(point.x, point.y);
    await tab.waitForFunction(
      (previous) => {
        const entry = performance.getEntriesByName('policylens:hover', 'measure').at(-1);
        return entry !== undefined && entry.startTime !== previous;
      },
      before,
      { timeout: 5_000 },
    );
    if (!(await readTooltip(tab))?.visible) throw new Error(`no tooltip for ${term}`);
    const timing = await tab.evaluate(() => {
      const duration = (name: string): number => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? NaN;
      return {
        hitTestMs: duration('policylens:hover:hit-test'),
        showMs: duration('policylens:hover:show'),
        latencyMs: duration('policylens:hover'),
      };
    });
    samples.push({ term, workMs: timing.hitTestMs + timing.showMs, ...timing });
  }
  return samples;
}

async function lastHoverStart(tab: Page): Promise<number> {
  return tab.evaluate(() => performance.getEntriesByName('policylens:hover', 'measure').at(-1)?.startTime ?? -1);
}

/** Distinct highlighted terms on the page, in reading order, to hover over. */
export async function highlightedTerms(tab: Page, count: number): Promise<string[]> {
  return tab.evaluate((wanted) => [...new Set(policyLensRanges().map(({ range }) => range.toString()))].slice(0, wanted), count);
}
