/**
 * What loading PolicyLens's scripts costs a page, before any annotation: the time the renderer's
 * main thread spends evaluating each extension script (compiling it, `v8.compile`, and running its
 * top level, `v8.run`, in a trace). Every page evaluates the page probe; pages with Chinese text
 * also get the page script. The annotation's own measures do not see this time.
 *
 * Measured in a browser no DevTools client is attached to (BareChromium): with playwright-core
 * attached, the page script's start-up read 30–47 ms on the article, about 16 ms of it V8 collecting
 * source positions for the attached client, against 17–22 ms with nothing attached.
 *
 * Each load is in a new tab: a renderer process that already evaluated the same script reuses its
 * compiled code (measured: about 20 ms for the page script on a first load, 2 ms in the same tab
 * again), and a reader opening a page in a new tab gets a new process.
 */
import type { BareChromium } from './bare-chromium';

export interface ScriptStartup {
  /** Evaluation time per extension script file name (ms), in this load. */
  byScript: Record<string, number>;
  totalMs: number;
}

/** Script compilation and execution only: the devtools.timeline categories add stack traces of their own. */
const CATEGORIES = ['v8', '__metadata'];

/**
 * `runs` loads of `url`, each in a new tab, under one trace (starting a trace right after a tab
 * closed waited up to 10 s for its renderer); loads are told apart by their renderer process.
 */
export async function measureScriptStartup(
  browser: BareChromium,
  url: string,
  runs: number,
  settleMs = 2_000,
): Promise<ScriptStartup[]> {
  const events = await browser.trace(CATEGORIES, async () => {
    for (let run = 0; run < runs; run++) {
      const tab = await browser.openTab(url);
      // The page script arrives after a round trip to the background; give the load and it time.
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      await browser.closeTab(tab);
    }
  });
  const byProcess = new Map<number, Record<string, number>>();
  for (const event of events) {
    if (event.ph !== 'X' || (event.name !== 'v8.compile' && event.name !== 'v8.run')) continue;
    const args = event.args as { data?: { url?: string }; fileName?: string } | undefined;
    const scriptUrl = args?.data?.url ?? args?.fileName ?? '';
    if (!/^(chrome|moz)-extension:/.test(scriptUrl)) continue;
    const name = scriptUrl.split('/').pop()!;
    let byScript = byProcess.get(event.pid);
    if (!byScript) byProcess.set(event.pid, (byScript = {}));
    byScript[name] = (byScript[name] ?? 0) + event.dur! / 1000;
  }
  return [...byProcess.values()].map((byScript) => ({
    byScript,
    totalMs: Object.values(byScript).reduce((sum, value) => sum + value, 0),
  }));
}
