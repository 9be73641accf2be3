/**
 * The content script every http(s) page loads (listed in the manifest by wxt.config.ts): wiring
 * only. Loads the page script through the background where the page needs PolicyLens (see
 * src/dom/page-probe.ts).
 */
import { probePage } from '../src/dom/page-probe';
import { probeDeps } from '../src/shared/probe-deps';

export default defineUnlistedScript(() => {
  // An XML or SVG document served on its own holds no reading text of ours and cannot host our UI.
  if (!(document instanceof HTMLDocument)) return;
  void probePage(probeDeps()).catch(() => undefined);
});
