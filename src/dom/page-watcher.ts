/**
 * Keeps the annotation in step with a page that changes under it. A MutationObserver collects the
 * block containers whose text changed; they are re-read together after a short quiet period (and at
 * least once a second on pages that never go quiet), so a ticker or a chat costs a bounded amount
 * of work, never a full re-scan per mutation.
 */
import { isBlockElement } from './page-text';

const QUIET_MS = 150;
const MAX_WAIT_MS = 1000;

export interface PageWatcherOptions {
  root: Node;
  /** Our own UI: changes inside it are ours, not the page's. */
  ignore: Element;
  onChange: (containers: Set<Element>) => Promise<void>;
  signal: AbortSignal;
}

export function watchPage({ root, ignore, onChange, signal }: PageWatcherOptions): void {
  let dirty = new Set<Element>();
  let quietTimer: number | undefined;
  let firstDirtyAt = 0;
  let running = false;

  const flush = async (): Promise<void> => {
    clearTimeout(quietTimer);
    quietTimer = undefined;
    if (running || dirty.size === 0 || signal.aborted) return;
    const batch = dirty;
    dirty = new Set();
    running = true;
    try {
      await onChange(batch);
    } finally {
      running = false;
      if (dirty.size > 0) schedule();
    }
  };

  const schedule = (): void => {
    if (firstDirtyAt === 0) firstDirtyAt = performance.now();
    clearTimeout(quietTimer);
    const waited = performance.now() - firstDirtyAt;
    quietTimer = window.setTimeout(
      () => {
        firstDirtyAt = 0;
        void flush();
      },
      Math.max(0, Math.min(QUIET_MS, MAX_WAIT_MS - waited)),
    );
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const target = record.target;
      if (ignore === target || ignore.contains(target)) continue;
      if (record.type === 'childList') {
        const added = [...record.addedNodes].filter((node) => node !== ignore);
        if (added.length === 0 && [...record.removedNodes].every((node) => node === ignore)) continue;
        // An added block is read on its own; its parent's other blocks did not change. Removed
        // nodes need no reading: their stale highlights are swept on the next re-read.
        if (added.length > 0 && added.every((node) => node instanceof Element && isBlockElement(node))) {
          for (const node of added) dirty.add(node as Element);
          continue;
        }
      }
      const container = blockContainer(target);
      if (container) dirty.add(container);
    }
    if (dirty.size > 0) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(quietTimer);
  });
}

function blockContainer(node: Node): Element | null {
  for (let element = node instanceof Element ? node : node.parentElement; element; element = element.parentElement) {
    if (isBlockElement(element)) return element;
  }
  return node.ownerDocument?.body ?? null;
}
