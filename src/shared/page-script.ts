/**
 * The page script (entrypoints/content) is not loaded on every page: the page probe
 * (entrypoints/page-probe.ts) is, and asks the background for the page script only where there is
 * something to do (Chinese text, or the reader's own highlights). Evaluating the page script cost
 * about 20 ms on every page, most of a page without Chinese's share of PolicyLens.
 *
 * The popup, the context menu and the keyboard commands reach a page that only holds the probe
 * too; they load the page script first with `ensurePageScript`.
 */
import { browser } from 'wxt/browser';

/** The page script's file in the built extension (a WXT content script with runtime registration). */
export const PAGE_SCRIPT_FILE = '/content-scripts/content.js';

/**
 * Set in the content scripts' world by the page script: 'starting', then 'ready' once it answers
 * messages ('unsupported' in a document it does not read, such as XML served on its own).
 */
export const PAGE_SCRIPT_STATE = '__policyLensPageScript';

/** The probe's one message to the background (plain, so the probe needs no messaging library). */
export interface LoadPageScriptMessage {
  policyLens: 'loadPageScript';
}

export function isLoadPageScriptMessage(message: unknown): message is LoadPageScriptMessage {
  return typeof message === 'object' && message !== null && (message as { policyLens?: unknown }).policyLens === 'loadPageScript';
}

/**
 * Loads the page script into a frame that asked for it (the page probe runs before it, so there is
 * none yet): one round trip fewer than `ensurePageScript`, on every page with Chinese text.
 */
export async function loadPageScript(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PAGE_SCRIPT_FILE] });
}

/** How long `ensurePageScript` waits for a page script that is still starting. */
const READY_TIMEOUT_MS = 5_000;

/**
 * Loads the page script into one frame of a tab unless it is there already, and resolves once it
 * answers messages (or has found it cannot run there). Several callers may race (the probe's request, the popup opening): the page
 * script itself stops at once when another copy is running in the frame.
 */
export async function ensurePageScript(tabId: number, frameId = 0): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  const state = async (): Promise<unknown> =>
    (
      await browser.scripting.executeScript({
        target,
        func: (key: string) => (globalThis as Record<string, unknown>)[key] ?? null,
        args: [PAGE_SCRIPT_STATE],
      })
    )[0]?.result;
  if ((await state()) === null) await loadPageScript(tabId, frameId);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (let current = await state(); current === null || current === 'starting'; current = await state()) {
    if (Date.now() > deadline) throw new Error(`PolicyLens did not start in tab ${tabId}, frame ${frameId}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
