/**
 * The page script: wiring only. Not listed in the manifest: the page probe
 * (entrypoints/page-probe.ts) runs on every page and has the background load this script where
 * there is something to do (src/shared/page-script.ts). Creates our one element (the host of an
 * open shadow root for the tooltip), starts the page session and connects it to the message
 * protocol, the settings and the reader's glossary layers. The glossary's match index is not
 * bundled here: the session asks the background for it once the page turns out to have Chinese text.
 * (`matches`, `runAt` and `allFrames` below are WXT's required options; the background decides where
 * and when this script runs.)
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import tooltipCss from '../../src/dom/tooltip/tooltip.css?inline';
import { drawsDefaultStyle, drawsLike } from '../../src/core/settings/highlight-css';
import { PageSession } from '../../src/dom/page-session';
import { PAGE_SCRIPT_STATE } from '../../src/shared/page-script-state';
import { handle, sendMessage } from '../../src/shared/protocol';
import { loadSettings, watchSettings } from '../../src/shared/settings';
import { applyUiLanguage } from '../../src/shared/ui-locale';
import { watchUserMatchEntries } from '../../src/shared/user-glossaries';

export const UI_HOST_NAME = 'policylens-ui';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  registration: 'runtime',
  // Our CSS goes into the shadow root as a string (below), so nothing is exposed to the page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Loaded once per frame, after a claim (src/shared/page-script.ts); a copy that finds another
    // one started is a bug, and does nothing.
    const scope = globalThis as Record<string, unknown>;
    if (typeof scope[PAGE_SCRIPT_STATE] === 'string') return;
    scope[PAGE_SCRIPT_STATE] = 'starting';
    try {
      await startPageScript(ctx, scope);
    } catch (error) {
      scope[PAGE_SCRIPT_STATE] = 'failed';
      throw error;
    }
  },
});

/** Everything up to answering messages; the page's annotation then runs on its own. */
async function startPageScript(ctx: ContentScriptContext, scope: Record<string, unknown>): Promise<void> {
  // An XML or SVG document served on its own (application/xml …): its root cannot host a shadow
  // root (attachShadow throws NotSupportedError) and it holds no reading text of ours to mark.
  if (!(document instanceof HTMLDocument)) {
    scope[PAGE_SCRIPT_STATE] = 'unsupported';
    return;
  }
  const settings = await loadSettings();
  applyUiLanguage(settings.uiLanguage);
  // The reader's colours live in an injected stylesheet (the background injects it); the default
  // colours went in with this script (public/highlights.css, src/shared/page-script.ts), so most
  // pages never ask.
  const applyHighlightStyle = (newDocument: boolean): void =>
    void sendMessage('applyHighlightStyle', { newDocument }).catch(() => undefined);
  if (!drawsDefaultStyle(settings)) applyHighlightStyle(true);

  const ui = await createShadowRootUi(ctx, {
    name: UI_HOST_NAME,
    position: 'inline',
    anchor: 'html',
    append: 'last',
    mode: 'open',
    css: tooltipCss,
    // Our UI lives in one layer that confines its layout (tooltip.css, `.ui-layer`).
    onMount: (container) => {
      const layer = document.createElement('div');
      layer.className = 'ui-layer';
      container.append(layer);
      return layer;
    },
  });
  ui.mount();
  const abort = new AbortController();
  ctx.onInvalidated(() => abort.abort());

  const session = new PageSession({
    loadIndex: () => sendMessage('getMatchIndex', undefined),
    settings,
    uiRoot: ui.mounted!,
    uiHost: ui.shadowHost,
    fetchCardEntries: (ids) => sendMessage('getCardEntries', { ids }),
    fetchEntries: (ids) => sendMessage('getEntries', { ids }),
    reportCount: (count) => {
      if (window === window.top) void sendMessage('reportTermCount', { count }).catch(() => undefined);
    },
    signal: abort.signal,
  });

  // Any frame may hold the selection the context menu was opened on.
  handle('createReaderHighlight', () => void session.reader.createFromSelection());
  // Only the top frame answers the popup; frames annotate themselves.
  if (window === window.top) {
    handle('getPageReport', async () => session.settledReport(await loadSettings()));
    handle('runCommand', ({ command }) => session.runCommand(command));
    handle('getOutline', () => session.outlineReport());
    handle('getPageAnalysis', () => session.analysis());
    handle('getCurrentSection', () => session.outline.currentIndex());
    handle('scrollToHeading', ({ index }) => session.outline.scrollTo(index));
  }
  scope[PAGE_SCRIPT_STATE] = 'ready';
  let applied = settings;
  const unwatchSettings = watchSettings((next) => {
    applyUiLanguage(next.uiLanguage);
    if (!drawsLike(next, applied)) applyHighlightStyle(false);
    applied = next;
    void session.applySettings(next);
  });
  const unwatchGlossaries = watchUserMatchEntries(() => void session.reloadIndex());
  ctx.onInvalidated(unwatchSettings);
  ctx.onInvalidated(unwatchGlossaries);

  // Single-page apps change route without a page load (WXT watches the History API for us).
  ctx.addEventListener(window, 'wxt:locationchange', () => void session.restart());

  // Not awaited: whoever loaded this script (executeScript waits for the script's promise) only
  // needs it to answer messages, which it does from here on.
  void session.start();
}
