/**
 * Background service worker: wiring only. Holds the full glossary (tooltip details) with the
 * reader's enabled glossary layers on top, keeps the toolbar badge in step with each tab's term
 * count, injects the reader's highlight colours into pages and forwards keyboard commands to the tab.
 */
import matchIndex from '../.generated/match-index.json';
import type { MatchIndex } from '../src/core/matcher/match-index';
import { withCompiledForms } from '../src/core/matcher/matcher';
import { toCardEntry } from '../src/core/glossary/card-entry';
import type { GlossaryEntry } from '../src/core/glossary/schema';
import { showTermCount } from '../src/shared/badge';
import { loadBundledGlossary } from '../src/shared/bundled-glossary';
import { activeUserEntries, mergeEntries, mergeMatchIndex } from '../src/core/glossary/user-layers';
import { highlightCss, highlightRuleScope } from '../src/core/settings/highlight-css';
import { applyHighlightCss, forgetTab } from '../src/shared/highlight-style-injector';
import { t } from '../src/shared/i18n';
import { ensurePageScript, loadPageScript } from '../src/shared/page-script';
import { keepSavedHighlightsScriptInStep } from '../src/shared/saved-highlights-script';
import { isLoadPageScriptMessage } from '../src/shared/page-script-state';
import { COMMANDS, handle, sendMessage, type CommandName } from '../src/shared/protocol';
import { loadSettings, watchSettings } from '../src/shared/settings';
import { applyUiLanguage } from '../src/shared/ui-locale';
import { loadLayers, loadUserMatchEntries, watchLayers, type UserGlossaryLayer } from '../src/shared/user-glossaries';

const HIGHLIGHT_MENU_ID = 'policylens-highlight-selection';
const bundledIndex = matchIndex as MatchIndex;

export default defineBackground(() => {
  // The full glossary (tooltip details) is read from its file when the worker starts (and read
  // again on the next change of layers or request if that failed).
  void loadBundledGlossary().catch(() => undefined);
  let entries = new Map<string, GlossaryEntry>();
  const useLayers = async (layers: UserGlossaryLayer[]): Promise<void> => {
    const bundled = (await loadBundledGlossary()).entries;
    entries = new Map(mergeEntries(bundled, activeUserEntries(layers)).map((entry) => [entry.id, entry]));
  };
  // A worker woken by a message answers only after the glossary and the reader's layers are read.
  let layersRead = loadLayers().then(useLayers);
  // If the glossary's file cannot be read now, the entries stay as they were (getEntries tries again).
  watchLayers((layers) => void useLayers(layers).catch(() => undefined));

  // The page probe (every page) asks for the page script where PolicyLens has something to do. A
  // plain message: the probe carries no messaging library.
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (loaded: boolean) => void) => {
    if (!isLoadPageScriptMessage(message) || sender.id !== browser.runtime.id || sender.tab?.id === undefined) return;
    // Answered, so the probe knows its request arrived (it asks again only when it did not).
    void loadPageScript(sender.tab.id, sender.frameId ?? 0).then(
      () => sendResponse(true),
      () => sendResponse(false),
    );
    return true;
  });

  // Where the reader saved highlights, a small script of its own looks for them (the page probe does not).
  keepSavedHighlightsScriptInStep();

  // The content script asks for the match index only on pages with Chinese text (it is most of the
  // data); the reader's layers are read fresh, so a page never matches with a stale list. Its
  // automaton comes prebuilt: the bundled one from the build (merging no entries gives the bundled
  // index itself), one with the reader's entries built here once per change of them.
  let merged: { key: string; index: MatchIndex } | null = null;
  handle('getMatchIndex', async () => {
    const user = await loadUserMatchEntries();
    const key = JSON.stringify(user);
    if (merged?.key !== key) merged = { key, index: withCompiledForms(mergeMatchIndex(bundledIndex, user)) };
    return merged.index;
  });

  // A first read that failed (the glossary's file) is tried again, so tooltips can recover.
  const entriesOf = async (ids: readonly string[]): Promise<GlossaryEntry[]> => {
    layersRead = layersRead.catch(() => loadLayers().then(useLayers));
    await layersRead;
    return ids.flatMap((id) => entries.get(id) ?? []);
  };
  handle('getCardEntries', async ({ ids }) => (await entriesOf(ids)).map(toCardEntry));
  handle('getEntries', ({ ids }) => entriesOf(ids));

  handle('applyHighlightStyle', async ({ newDocument }, { tabId, frameId }) => {
    if (tabId === undefined) return;
    const css = highlightCss(await loadSettings(), highlightRuleScope(import.meta.env.BROWSER));
    await applyHighlightCss(tabId, frameId ?? 0, css, newDocument);
  });
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));

  handle('reportTermCount', ({ count }, { tabId }) => {
    if (tabId === undefined) return;
    // MV3 (Chrome) has `action`; the Firefox build is MV2, where the same API is `browserAction`.
    showTermCount(browser, tabId, count);
  });

  // The same handler the shortcuts call, reachable from tests and scripts through the service worker:
  // synthetic key presses never reach extension shortcuts.
  (globalThis as { policylensRunCommand?: typeof runCommandInTab }).policylensRunCommand = runCommandInTab;

  // "Highlight with PolicyLens" on a selection, in the frame that holds it; its title follows the
  // UI language the reader chose in the options (the manifest's strings can only follow the browser).
  browser.runtime.onInstalled.addListener(() => {
    void loadSettings().then((settings) => {
      applyUiLanguage(settings.uiLanguage);
      browser.contextMenus.create({ id: HIGHLIGHT_MENU_ID, title: t('reader.menuTitle'), contexts: ['selection'] });
    });
  });
  watchSettings((settings) => {
    applyUiLanguage(settings.uiLanguage);
    void browser.contextMenus.update(HIGHLIGHT_MENU_ID, { title: t('reader.menuTitle') }).catch(() => undefined);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== HIGHLIGHT_MENU_ID || tab?.id === undefined) return;
    const target = { tabId: tab.id, frameId: info.frameId ?? 0 };
    // The frame may hold only the page probe (a page without Chinese): load PolicyLens there first.
    void ensurePageScript(target.tabId, target.frameId)
      .then(() => sendMessage('createReaderHighlight', undefined, target))
      .catch(() => undefined);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (!(COMMANDS as readonly string[]).includes(command)) return;
    void runCommandInTab(command as CommandName, tab?.id);
  });
});

/** Also reachable from tests, since synthetic key presses never trigger extension shortcuts. */
export async function runCommandInTab(command: CommandName, tabId?: number): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  // Highlighting a selection and switching annotation on work on any page, including one that
  // holds only the page probe; moving between terms needs terms, so it loads nothing.
  const needsPageScript = command === 'highlight-selection' || command === 'toggle-annotation';
  await (needsPageScript ? ensurePageScript(id) : Promise.resolve())
    .then(() => sendMessage('runCommand', { command }, id))
    .catch(() => undefined);
}
