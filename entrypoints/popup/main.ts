/**
 * Popup: wiring only. Works on the tab named by `?tabId=N` (how tests and scripts open it) or,
 * opened from the toolbar, on the active tab. The UI language, the glossary's list (list-entry.ts)
 * and the reader's glossary layers are read before anything is drawn; the full glossary after.
 */
// First: zod's settings must be in place before any schema module is evaluated.
import '../../src/shared/zod-jitless';
import './style.css';
import { activeUserEntries } from '../../src/core/glossary/user-layers';
import { mountPopup, requestPageReport } from '../../src/popup/popup';
import { usePopupGlossary } from '../../src/popup/popup-glossary';
import { showStartError } from '../../src/popup/start-error';
import { loadListGlossary } from '../../src/shared/bundled-glossary';
import { loadSettings } from '../../src/shared/settings';
import { applyUiLanguage } from '../../src/shared/ui-locale';
import { loadLayers } from '../../src/shared/user-glossaries';

async function targetTabId(): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

void (async () => {
  const app = document.getElementById('app')!;
  try {
    const tabIdRead = targetTabId();
    // Asked of the page at once, while the glossary loads: drawing the report needs both.
    const report = tabIdRead.then(
      (id) => (id === undefined ? null : requestPageReport(id)),
      () => null,
    );
    const [settings, layers, tabId, list] = await Promise.all([loadSettings(), loadLayers(), tabIdRead, loadListGlossary()]);
    applyUiLanguage(settings.uiLanguage);
    usePopupGlossary(list, activeUserEntries(layers));
    mountPopup(app, { tabId, settings, report });
  } catch (error) {
    console.error('PolicyLens popup:', error);
    showStartError(app, error);
  }
})();
