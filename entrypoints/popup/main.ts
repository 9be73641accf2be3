/**
 * Popup: wiring only. Works on the tab named by `?tabId=N` (how tests and scripts open it) or,
 * opened from the toolbar, on the active tab.
 */
// First: zod's settings must be in place before any schema module is evaluated.
import '../../src/shared/zod-jitless';
import './style.css';
import { mountPopup } from '../../src/popup/popup';

async function targetTabId(): Promise<number | undefined> {
  const requested = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(requested) && requested > 0) return requested;
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

void targetTabId().then((tabId) => mountPopup(document.getElementById('app')!, tabId));
