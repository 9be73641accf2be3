/**
 * The small dialog that asks for an optional note when the reader highlights a selection.
 * In our shadow root; text only; Ctrl+Enter (or the button) saves, Esc cancels.
 */
import { el } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { placeCard, VIEWPORT_PADDING } from '../tooltip/placement';
import { alignLayer, moveTo, viewportBox } from '../tooltip/ui-layer';

export function askForNote(root: HTMLElement, quote: string, anchorRect: DOMRect): Promise<string | null | undefined> {
  return new Promise((resolve) => {
    // Placed like the hover card, beside the highlighted text and never over it (read while the
    // layout is clean, before the dialog goes in).
    const origin = alignLayer(root);
    const dialog = el('div', 'note-dialog');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'false');
    dialog.setAttribute('aria-label', t('reader.dialogTitle'));
    const title = el('div', 'note-title', t('reader.dialogTitle'));
    const preview = el('blockquote', 'note-quote', quote.length > 160 ? `${quote.slice(0, 160)}…` : quote);
    const label = el('label', 'label', t('reader.noteLabel'));
    const textarea = el('textarea', 'note-input');
    textarea.rows = 3;
    textarea.maxLength = 5000;
    label.append(textarea);
    const buttons = el('div', 'note-buttons');
    const save = el('button', 'primary', t('reader.save'));
    save.type = 'button';
    const cancel = el('button', undefined, t('reader.cancel'));
    cancel.type = 'button';
    buttons.append(cancel, save);
    dialog.append(title, preview, label, buttons);

    const finish = (value: string | null | undefined): void => {
      dialog.remove();
      resolve(value);
    };
    const submit = (): void => finish(textarea.value.trim() === '' ? null : textarea.value.trim());
    save.addEventListener('click', submit);
    cancel.addEventListener('click', () => finish(undefined));
    dialog.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') finish(undefined);
      else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
    });

    root.append(dialog);
    const size = dialog.getBoundingClientRect();
    const viewport = viewportBox();
    const { x, y } = placeCard(anchorRect, size, viewport);
    // A selection scrolled out of view still gets its dialog in view (the dialog takes the focus).
    const top = Math.max(viewport.top + VIEWPORT_PADDING, Math.min(y, viewport.bottom - VIEWPORT_PADDING - size.height));
    moveTo(dialog, x, top, origin);
    textarea.focus();
  });
}
