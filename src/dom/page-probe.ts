/**
 * What every page runs: the cheap check that decides whether the page needs PolicyLens at all.
 * A page needs it when it holds Chinese text, or when the reader saved highlights of their own on
 * it; then the background loads the page script (entrypoints/content) into this frame. Otherwise
 * nothing more happens until a single-page app changes route, when the check runs again.
 *
 * Kept free of libraries (no messaging, storage or polyfill wrappers): this is the code a page
 * without Chinese pays for.
 */
import { measuredChineseCheck } from './chinese-check';

export interface PageProbeDeps {
  /** Whether the reader saved highlights on the page at this address. */
  hasReaderHighlights: (url: string) => Promise<boolean>;
  /** Asks the background to load the page script into this frame; rejects when the message was not delivered. */
  requestPageScript: () => Promise<unknown>;
  /** Whether this frame holds the page script already (the popup or a shortcut may have loaded it). */
  hasPageScript: () => boolean;
}

/** After a route change the app renders its new page: check once it has had a moment, and once more later. */
const RECHECK_AFTER_ROUTE_MS = [50, 1_000];
/**
 * Waits before asking again when the request was not delivered: a background that is starting
 * (woken, or just updated) has no listener yet.
 */
const RETRY_AFTER_MS = [250, 1_000, 3_000];

export async function probePage(deps: PageProbeDeps): Promise<void> {
  let requested = false;
  const request = async (): Promise<void> => {
    requested = true;
    for (let attempt = 0; ; attempt++) {
      if (deps.hasPageScript()) return;
      try {
        await deps.requestPageScript();
        return;
      } catch {
        const delay = RETRY_AFTER_MS[attempt];
        if (delay === undefined) return;
        await sleep(delay);
      }
    }
  };
  if (await needsPolicyLens(deps)) return request();
  const stopWatching = watchRoutes(() => {
    void (async () => {
      for (const delay of RECHECK_AFTER_ROUTE_MS) {
        await sleep(delay);
        // The page script, once here, follows routes itself.
        if (requested || deps.hasPageScript()) return stopWatching();
        if (await needsPolicyLens(deps)) {
          stopWatching();
          return request();
        }
      }
    })();
  });
}

async function needsPolicyLens(deps: PageProbeDeps): Promise<boolean> {
  return measuredChineseCheck() || (await deps.hasReaderHighlights(location.href).catch(() => false));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `onChange` when the page's address changes without a load (History API routes): the
 * Navigation API where there is one, else a check of the address every second (as WXT's own
 * location watcher does for the page script).
 */
function watchRoutes(onChange: () => void): () => void {
  let last = location.href;
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    const controller = new AbortController();
    // `navigate` (not `navigatesuccess`): it fires for history.pushState routes too.
    navigation.addEventListener(
      'navigate',
      (event) => {
        const destination = (event as Event & { destination: { url: string } }).destination.url;
        if (destination === last) return;
        last = destination;
        onChange();
      },
      { signal: controller.signal },
    );
    return () => controller.abort();
  }
  const timer = setInterval(() => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  }, 1_000);
  return () => clearInterval(timer);
}
