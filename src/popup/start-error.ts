/**
 * What the popup shows when it cannot start (its settings, the reader's glossaries or the bundled
 * glossary could not be read): a message saying so, instead of an empty window.
 */
import { el } from '../shared/dom';
import { t } from '../shared/i18n';

export function showStartError(root: HTMLElement, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  const message = el('p', 'error start-error', t('popup.startFailed', reason));
  message.setAttribute('role', 'alert');
  root.replaceChildren(message);
}
