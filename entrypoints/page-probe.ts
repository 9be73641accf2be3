/**
 * The content script every http(s) page loads (listed in the manifest by wxt.config.ts): wiring
 * only. Loads the page script through the background where the page needs PolicyLens (see
 * src/dom/page-probe.ts). Uses the browser's own extension API object rather than `wxt/browser`:
 * the polyfill behind that costs a few milliseconds to start, on every page.
 */
import { probePage } from '../src/dom/page-probe';
import { pageKey } from '../src/shared/page-key';
import type { LoadPageScriptMessage } from '../src/shared/page-script';
import { READER_HIGHLIGHTS_KEY } from '../src/shared/reader-highlights-key';

export default defineUnlistedScript(() => {
  // An XML or SVG document served on its own holds no reading text of ours and cannot host our UI.
  if (!(document instanceof HTMLDocument)) return;
  // Firefox's `browser` returns promises; Chrome's `chrome` does too in MV3.
  const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
  void probePage({
    hasReaderHighlights: async (url) => {
      const stored = (await api.storage.local.get(READER_HIGHLIGHTS_KEY))[READER_HIGHLIGHTS_KEY] as
        Record<string, unknown[] | undefined> | undefined;
      return (stored?.[pageKey(url)]?.length ?? 0) > 0;
    },
    loadPageScript: () => {
      const message: LoadPageScriptMessage = { policyLens: 'loadPageScript' };
      void api.runtime.sendMessage(message).catch(() => undefined);
    },
  });
});
