/**
 * The extension API as the two small scripts that run before the page script see it (the page
 * probe on every page, the saved-highlights probe on sites with saved highlights): the browser's own
 * API object rather than `wxt/browser`, whose polyfill costs a few milliseconds to start, and
 * touched only when first needed (on a page without Chinese, never).
 */
import type { PageProbeDeps, PageScriptLoaderDeps } from '../dom/page-probe';
import { isEnabledFor, readSettings } from '../core/settings/settings-model';
import { PAGE_SCRIPT_STATE, type LoadPageScriptMessage } from './page-script-state';
import { hasSavedHighlights } from './reader-highlights-key';
import { SETTINGS_KEY } from './settings-key';

/**
 * Firefox's `browser` returns promises, as Chrome's `chrome` does in MV3. Checked by its runtime id:
 * in Chrome's content-script world an element with id="browser" would be `browser`.
 */
function extensionApi(): typeof chrome {
  const candidate = (globalThis as { browser?: typeof chrome }).browser;
  return candidate?.runtime?.id ? candidate : chrome;
}

/** The extension API, looked up at its first use. */
function lazyApi(): () => typeof chrome {
  let api: typeof chrome | undefined;
  return () => (api ??= extensionApi());
}

function loaderDeps(extension: () => typeof chrome): PageScriptLoaderDeps {
  return {
    hasReaderHighlights: (url) => hasSavedHighlights((key) => extension().storage.local.get(key), url),
    requestPageScript: async () => {
      const message: LoadPageScriptMessage = { policyLens: 'loadPageScript' };
      // Throws at once when this extension was updated or removed under the page.
      await extension().runtime.sendMessage(message);
    },
    hasPageScript: () => (globalThis as Record<string, unknown>)[PAGE_SCRIPT_STATE] !== undefined,
  };
}

export function savedHighlightsDeps(): PageScriptLoaderDeps {
  return loaderDeps(lazyApi());
}

export function probeDeps(): PageProbeDeps {
  const extension = lazyApi();
  return {
    ...loaderDeps(extension),
    isAnnotationEnabled: async () =>
      isEnabledFor(readSettings((await extension().storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).settings, location.hostname),
    watchSettings: (onChange) => {
      const listener = (changes: Record<string, unknown>, area: string): void => {
        if (area === 'local' && SETTINGS_KEY in changes) onChange();
      };
      extension().storage.onChanged.addListener(listener);
      return () => extension().storage.onChanged.removeListener(listener);
    },
  };
}
