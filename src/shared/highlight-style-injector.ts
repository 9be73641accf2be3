/**
 * Background side of the reader's highlight colours: injects their ::highlight() rules into a
 * frame's document (frame-css.ts) and removes the previous ones.
 */
import { storage } from '#imports';
import { insertCss, removeCss } from './frame-css';

/**
 * What was injected last into each frame ("tabId:frameId" → CSS text), to remove exactly that text
 * later. Kept in session storage as well, because an MV3 service worker is stopped when idle and
 * would otherwise forget it; removing CSS a navigated-away frame no longer has is harmless.
 */
const injectedItem = storage.defineItem<Record<string, string>>('session:injectedHighlightCss', { fallback: {} });

let queue: Promise<unknown> = Promise.resolve();

/**
 * Serialised: two quick settings changes must not interleave their remove and insert calls.
 * `newDocument`: the frame holds a document that has none of our CSS yet (a page just loaded in a
 * tab that had other pages before), so what the record says was injected is not there.
 */
export function applyHighlightCss(tabId: number, frameId: number, css: string, newDocument = false): Promise<void> {
  const run = queue.then(() => replaceCss(tabId, frameId, css, newDocument));
  queue = run.catch(() => undefined);
  return run;
}

async function replaceCss(tabId: number, frameId: number, css: string, newDocument: boolean): Promise<void> {
  const key = `${tabId}:${frameId}`;
  const injected = await injectedItem.getValue().catch((): Record<string, string> => ({}));
  const previous = newDocument ? undefined : injected[key];
  if (previous === css) return;
  if (previous) await removeCss(tabId, frameId, { css: previous }).catch(() => undefined);
  if (css) await insertCss(tabId, frameId, { css });
  const next = { ...injected };
  if (css) next[key] = css;
  else delete next[key];
  await injectedItem.setValue(next).catch(() => undefined);
}

/** A closed tab's entries are dropped so session storage does not grow over a long session. */
export function forgetTab(tabId: number): void {
  void injectedItem.getValue().then((injected) => {
    const kept = Object.fromEntries(Object.entries(injected).filter(([key]) => !key.startsWith(`${tabId}:`)));
    if (Object.keys(kept).length !== Object.keys(injected).length) void injectedItem.setValue(kept);
  });
}
