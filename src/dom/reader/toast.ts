/** A short message in our UI's layer, in the viewport's bottom right corner. */
import { el } from '../../shared/dom';
import { alignLayer, moveTo, viewportBox } from '../tooltip/ui-layer';

/** Distance of a toast from the viewport's bottom right corner (px). */
const TOAST_MARGIN = 16;

/**
 * A short message in our UI (a save that failed, a selection that cannot be highlighted), in the
 * bottom right corner of the viewport for five seconds. Placed by the viewport's box, not by CSS
 * `right`/`bottom`: our layer, not the viewport, is the containing block of our fixed boxes, and it
 * has no size (ui-layer.ts), so `right: 16px` put the toast off screen, above and left of the page.
 * The status region goes in empty and gets its text a frame later: a live region announces
 * changes, not what it held when it appeared.
 */
export function showToast(root: HTMLElement, message: string): void {
  const toast = el('div', 'toast');
  toast.setAttribute('role', 'status');
  root.append(toast);
  requestAnimationFrame(() => {
    const origin = alignLayer(root);
    toast.textContent = message;
    const size = toast.getBoundingClientRect();
    const viewport = viewportBox();
    const x = Math.max(viewport.left, viewport.right - TOAST_MARGIN - size.width);
    const y = Math.max(viewport.top, viewport.bottom - TOAST_MARGIN - size.height);
    moveTo(toast, x, y, origin);
  });
  setTimeout(() => toast.remove(), 5000);
}
