/**
 * The content script every http(s) page loads (listed in the manifest by wxt.config.ts): wiring
 * only. Loads the page script through the background where the page needs PolicyLens (see
 * src/dom/page-probe.ts). Uses the browser's own extension API object rather than `wxt/browser`:
 * the polyfill behind that costs a few milliseconds to start, on every page.
 */
import { probePage } from '../src/dom/page-probe';
import { PAGE_SCRIPT_STATE, type LoadPageScriptMessage } from '../src/shared/page-script-state';
import { isEnabledFor, readSettings } from '../src/core/settings/settings-model';
import { hasSavedHighlights } from '../src/shared/reader-highlights-key';
import { SETTINGS_KEY } from '../src/shared/settings-key';

export default defineUnlistedScript(() => {
  // An XML or SVG document served on its own holds no reading text of ours and cannot host our UI.
  if (!(document instanceof HTMLDocument)) return;
  // Firefox's `browser` returns promises, as Chrome's `chrome` does in MV3. Checked by its runtime
  // id: in Chrome's content-script world an element with id="browser" would be `browser`.
  const candidate = (globalThis as { browser?: typeof chrome }).browser;
  const api = candidate?.runtime?.id ? candidate : chrome;
  void probePage({
    hasReaderHighlights: (url) => hasSavedHighlights((key) => api.storage.local.get(key), url),
    requestPageScript: async () => {
      const message: LoadPageScriptMessage = { policyLens: 'loadPageScript' };
      // Throws at once when this extension was updated or removed under the page.
      await api.runtime.sendMessage(message);
    },
    hasPageScript: () => (globalThis as Record<string, unknown>)[PAGE_SCRIPT_STATE] !== undefined,
    isAnnotationEnabled: async () =>
      isEnabledFor(readSettings((await api.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).settings, location.hostname),
    watchSettings: (onChange) => {
      const listener = (changes: Record<string, unknown>, area: string): void => {
        if (area === 'local' && SETTINGS_KEY in changes) onChange();
      };
      api.storage.onChanged.addListener(listener);
      return () => api.storage.onChanged.removeListener(listener);
    },
  }).catch(() => undefined);
});
