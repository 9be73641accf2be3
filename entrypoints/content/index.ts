/**
 * Content script: wiring only. Creates our one element (the host of an open shadow root for the
 * tooltip), starts the page session and connects it to the message protocol and settings.
 */
import tooltipCss from '../../src/dom/tooltip/tooltip.css?inline';
import matchIndex from '../../.generated/match-index.json';
import type { MatchIndex } from '../../src/core/matcher/match-index';
import { PageSession } from '../../src/dom/page-session';
import { getLocale, setLocale } from '../../src/shared/i18n';
import { handle, sendMessage } from '../../src/shared/protocol';
import { isEnabledFor, loadSettings, watchSettings } from '../../src/shared/settings';

export const UI_HOST_NAME = 'policylens-ui';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  // Our CSS goes into the shadow root as a string (below), so nothing is exposed to the page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // An XML or SVG document served on its own (application/xml …): its root cannot host a shadow
    // root (attachShadow throws NotSupportedError) and it holds no reading text of ours to mark.
    if (!(document instanceof HTMLDocument)) return;
    setLocale(getLocale());
    const settings = await loadSettings();
    const ui = await createShadowRootUi(ctx, {
      name: UI_HOST_NAME,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      mode: 'open',
      css: tooltipCss,
      onMount: (container) => container,
    });
    ui.mount();
    const abort = new AbortController();
    ctx.onInvalidated(() => abort.abort());

    const session = new PageSession({
      index: matchIndex as MatchIndex,
      settings,
      uiRoot: ui.uiContainer,
      uiHost: ui.shadowHost,
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
      handle('getPageReport', () => session.report());
      handle('runCommand', ({ command }) => session.runCommand(command));
      handle('getOutline', () => session.outlineReport());
      handle('getPageAnalysis', () => session.analysis());
      handle('getCurrentSection', () => session.outline.currentIndex());
      handle('scrollToHeading', ({ index }) => session.outline.scrollTo(index));
      handle('setAnnotationEnabled', async ({ enabled }) => session.setEnabled(enabled, await loadSettings()));
    }
    const unwatch = watchSettings((next) => {
      const enabled = isEnabledFor(next, location.hostname);
      void session.setEnabled(enabled, next);
    });
    ctx.onInvalidated(unwatch);

    // Single-page apps change route without a page load (WXT watches the History API for us).
    ctx.addEventListener(window, 'wxt:locationchange', () => void session.restart());

    await session.start();
  },
});
