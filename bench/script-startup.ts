/**
 * What loading PolicyLens's scripts costs a page, before any annotation: the time the renderer's
 * main thread spends evaluating each extension script (compile and top-level run, EvaluateScript in
 * a devtools.timeline trace). Every page evaluates the page probe; pages with Chinese text also get
 * the page script. The annotation's own measures do not see this time.
 *
 * Each load is in a new tab: a renderer process that already evaluated the same script reuses its
 * compiled code (measured: about 20 ms for the page script on a first load, 2 ms in the same tab
 * again), and a reader opening a page in a new tab gets a new process.
 */
import type { ExtensionBrowser } from '../tests/e2e/harness';
import { recordTrace } from './trace';

export interface ScriptStartup {
  /** Evaluation time per extension script file name (ms), in this load. */
  byScript: Record<string, number>;
  totalMs: number;
}

const CATEGORIES = ['devtools.timeline', '__metadata'];

export async function measureScriptStartup(browser: ExtensionBrowser, url: string, settleMs = 1_500): Promise<ScriptStartup> {
  const tab = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(tab);
  const events = await recordTrace(
    cdp,
    async () => {
      await tab.goto(url, { waitUntil: 'load' });
      // The page script arrives after a round trip to the background; give it time to be evaluated.
      await tab.waitForTimeout(settleMs);
    },
    CATEGORIES,
  ).finally(() => cdp.detach().catch(() => undefined));
  await tab.close();
  const byScript: Record<string, number> = {};
  for (const event of events) {
    const scriptUrl = (event.args?.data as { url?: string } | undefined)?.url ?? '';
    if (event.name !== 'EvaluateScript' || event.ph !== 'X' || !/^(chrome|moz)-extension:/.test(scriptUrl)) continue;
    const name = scriptUrl.split('/').pop()!;
    byScript[name] = (byScript[name] ?? 0) + event.dur! / 1000;
  }
  return { byScript, totalMs: Object.values(byScript).reduce((sum, value) => sum + value, 0) };
}
