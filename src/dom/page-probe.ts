/**
 * What every page runs: the cheap check that decides whether the page needs PolicyLens at all.
 * A page needs it when it holds Chinese text and annotation is on for its site, or when the reader
 * saved highlights of their own on it; then the background loads the page script
 * (entrypoints/content) into this frame. Otherwise nothing more happens until a single-page app
 * changes route or the reader switches annotation on, when the check runs again.
 *
 * On a page without Chinese, the load asks extension storage nothing and does not touch the
 * extension API: with the request and the settings watch, that was about a fifth of what such a
 * page paid (the probe's start-up with nothing attached: 7.5 → 5.8–6.0 ms in `npm run bench`). The
 * reader's saved highlights are looked for by a script registered only on the sites that have some
 * (`loadWhereSaved`, see src/shared/saved-highlights-script.ts).
 *
 * Kept free of libraries (no messaging, storage or polyfill wrappers): this is the code a page
 * without Chinese pays for.
 */
import { measuredChineseCheck } from './chinese-check';

/** What loading the page script needs: all the saved-highlights probe uses (it reads no settings). */
export interface PageScriptLoaderDeps {
  /** Whether the reader saved highlights on the page at this address. */
  hasReaderHighlights: (url: string) => Promise<boolean>;
  /** Asks the background to load the page script into this frame; rejects when the message was not delivered. */
  requestPageScript: () => Promise<unknown>;
  /** Whether this frame holds the page script already (the popup or a shortcut may have loaded it). */
  hasPageScript: () => boolean;
}

export interface PageProbeDeps extends PageScriptLoaderDeps {
  /** Whether annotation is on for this page's site (the global switch and the site lists). */
  isAnnotationEnabled: () => Promise<boolean>;
  /** Calls back when the settings change; returns how to stop. */
  watchSettings: (onChange: () => void) => () => void;
}

/** After a route change the app renders its new page: check once it has had a moment, and once more later. */
const RECHECK_AFTER_ROUTE_MS = [50, 1_000];
/**
 * Waits before asking again when the request was not delivered: a background that is starting
 * (woken, or just updated) has no listener yet.
 */
const RETRY_AFTER_MS = [250, 1_000, 3_000];

/** Asks for the page script until the request is delivered (or it is here already), a few times at most. */
async function requestPageScript(deps: Omit<PageScriptLoaderDeps, 'hasReaderHighlights'>): Promise<void> {
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
}

export async function probePage(deps: PageProbeDeps): Promise<void> {
  let requested = false;
  const request = (): Promise<void> => {
    requested = true;
    return requestPageScript(deps);
  };
  let stopWatchingRoutes: (() => void) | null = null;
  let stopWatchingSettings: (() => void) | null = null;
  const stopWatching = (): void => {
    stopWatchingRoutes?.();
    stopWatchingSettings?.();
  };
  /** Checks again; true once the page script is here or on its way (the page script then follows the page itself). */
  const checkAgain = async (): Promise<boolean> => {
    if (requested || deps.hasPageScript()) return true;
    // Saved highlights are asked for here, after a route change or a change of settings, not on load
    // (the script registered on sites with saved highlights looks on load, see loadWhereSaved).
    if (!(await annotatesHere()) && !(await deps.hasReaderHighlights(location.href).catch(() => false))) return false;
    await request();
    return true;
  };
  /**
   * Whether the page holds Chinese text and annotation is on for its site. Where there is Chinese
   * but annotation is off, the settings are watched from then on, so switching it on annotates the
   * page; without Chinese they do not matter, and are not read.
   */
  const annotatesHere = async (): Promise<boolean> => {
    if (!measuredChineseCheck()) return false;
    // A broken settings read does not hide the page's terms: annotation is on unless it says off.
    if (await deps.isAnnotationEnabled().catch(() => true)) return true;
    stopWatchingSettings ??= deps.watchSettings(() => void checkAgain().then((done) => done && stopWatching()));
    return false;
  };
  if (await annotatesHere()) return request();
  stopWatchingRoutes = watchRoutes(() => {
    void (async () => {
      for (const delay of RECHECK_AFTER_ROUTE_MS) {
        await sleep(delay);
        if (await checkAgain()) return stopWatching();
      }
    })();
  });
}

/**
 * What the script registered on sites with saved highlights runs: loads the page script if the
 * reader saved highlights at this address (the page probe may have asked for it already; a frame
 * never gets two copies, see src/shared/page-script.ts).
 */
export async function loadWhereSaved(deps: PageScriptLoaderDeps): Promise<void> {
  if (deps.hasPageScript() || !(await deps.hasReaderHighlights(location.href).catch(() => false))) return;
  await requestPageScript(deps);
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
