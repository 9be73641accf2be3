/**
 * The page script (entrypoints/content) is not loaded on every page: the page probe
 * (entrypoints/page-probe.ts) is, and asks the background for the page script only where there is
 * something to do (Chinese text, or the reader's own highlights). Evaluating the page script cost
 * about 20 ms on every page, most of a page without Chinese's share of PolicyLens.
 *
 * The popup, the context menu and the keyboard commands reach a page that only holds the probe
 * too; they load the page script first with `ensurePageScript`.
 *
 * A frame gets the page script once. Loading its file a second time would not just cost another
 * 20 ms: WXT's content-script context announces every new copy and tells the copies already running
 * to stop (ContentScriptContext.listenForNewerScripts). So every load first claims the frame, with
 * one synchronous check-and-set in the frame's content-script world, which the probe and the page
 * script share (the probe also asks nothing once the page script is there).
 */
import { browser } from 'wxt/browser';
import { insertCss } from './frame-css';
import { HIGHLIGHT_CSS_FILE } from './highlight-css-file';
import { PAGE_SCRIPT_STATE, type PageScriptState } from './page-script-state';

/** The page script's file in the built extension (a WXT content script with runtime registration). */
export const PAGE_SCRIPT_FILE = '/content-scripts/content.js';

/** A claim older than this whose script never started (the injection failed) may be taken again. */
const CLAIM_EXPIRES_MS = 10_000;
/** How long `ensurePageScript` waits for a page script that is still starting. */
const READY_TIMEOUT_MS = 5_000;

type Claim = 'claimed' | 'present' | 'refused';

/**
 * Runs in the frame (serialised by executeScript: it may use nothing from this module). Only
 * http(s) documents are ours: the manifest's probe runs nowhere else, and a highlight saved in an
 * about:srcdoc frame could never be found again.
 */
function claimInFrame(key: string, expiresMs: number): Claim {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return 'refused';
  const scope = globalThis as Record<string, unknown>;
  const state = scope[key];
  if (state === undefined || (typeof state === 'number' && Date.now() - state > expiresMs)) {
    scope[key] = Date.now();
    return 'claimed';
  }
  return 'present';
}

function stateInFrame(key: string): unknown {
  return (globalThis as Record<string, unknown>)[key] ?? null;
}

async function claimFrame(tabId: number, frameId: number): Promise<Claim> {
  const [injection] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: claimInFrame,
    args: [PAGE_SCRIPT_STATE, CLAIM_EXPIRES_MS],
  });
  return injection?.result ?? 'refused';
}

/**
 * Loads the page script into a frame unless it holds one already (or one is on its way). Resolves
 * once the file is evaluated; the page script's own start-up (settings, annotation) goes on after.
 */
export async function loadPageScript(tabId: number, frameId: number): Promise<Claim> {
  const claim = await claimFrame(tabId, frameId);
  // The default ::highlight() colours go in with the page script, not through the manifest: a
  // manifest stylesheet goes into every page, and its rules alone grew Blink's heap by 2.6 MB on the
  // benchmark's English page (heap after GC, 5 loads each; 9 KB without it), where nothing is ever
  // highlighted.
  if (claim !== 'claimed') return claim;
  const [css, script] = await Promise.allSettled([
    insertCss(tabId, frameId, { file: HIGHLIGHT_CSS_FILE }),
    browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PAGE_SCRIPT_FILE] }),
  ]);
  if (script.status === 'rejected') throw script.reason;
  // The page script runs. Its stylesheet is tried once more if it did not go in: the frame is
  // claimed now, so no later load would insert it, and the highlights would be invisible.
  if (css.status === 'rejected') await insertCss(tabId, frameId, { file: HIGHLIGHT_CSS_FILE });
  return claim;
}

/**
 * Loads the page script into one frame of a tab if needed, and resolves once it answers messages;
 * rejects where it cannot run (not an http(s) page, a document it does not read, a failed start).
 */
export async function ensurePageScript(tabId: number, frameId = 0): Promise<void> {
  // Whether this call or another one loads it, the frame's state tells when it is ready.
  const claim = await loadPageScript(tabId, frameId).catch(() => 'present' as const);
  if (claim === 'refused') throw new Error(`PolicyLens does not run in tab ${tabId}, frame ${frameId}`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: stateInFrame,
      args: [PAGE_SCRIPT_STATE],
    });
    const state = injection?.result as PageScriptState | null | undefined;
    if (state === 'ready') return;
    if (state === 'failed' || state === 'unsupported') throw new Error(`PolicyLens could not start in tab ${tabId}`);
    if (Date.now() > deadline) throw new Error(`PolicyLens did not start in tab ${tabId}, frame ${frameId}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
