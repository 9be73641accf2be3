/**
 * Registered by the background only on sites where the reader saved highlights of their own
 * (src/shared/saved-highlights-script.ts): wiring only. Loads the page script where this address has
 * some, so they show again on a page the page probe leaves alone (one without Chinese).
 */
import { loadWhereSaved } from '../src/dom/page-probe';
import { savedHighlightsDeps } from '../src/shared/probe-deps';

export default defineUnlistedScript(() => {
  if (!(document instanceof HTMLDocument)) return;
  void loadWhereSaved(savedHighlightsDeps()).catch(() => undefined);
});
