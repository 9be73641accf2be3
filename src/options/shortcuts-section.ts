/**
 * The keyboard shortcuts as the browser has them now (commands.getAll) and a way to the browser's
 * own page for changing them: extensions cannot set shortcuts themselves.
 */
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../shared/i18n';
import type { CommandName } from '../shared/protocol';

/** The manifest's descriptions follow the browser's language; these follow the reader's choice. */
const DESCRIPTIONS: Record<CommandName, MessageKey> = {
  'next-term': 'commandNextTerm',
  'previous-term': 'commandPreviousTerm',
  'toggle-annotation': 'commandToggle',
  'highlight-selection': 'commandHighlight',
};
import { button, el, section } from '../shared/dom';

/** Chromium's shortcut page. Firefox refuses to open about:addons from an extension, but has
 * commands.openShortcutSettings() (Firefox 137+; the manifest asks for 140). */
const CHROMIUM_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

function openShortcutSettings(): void {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') void commands.openShortcutSettings();
  else void browser.tabs.create({ url: CHROMIUM_SHORTCUTS_URL });
}

export function isFirefox(): boolean {
  return import.meta.env.FIREFOX === true;
}

export function buildShortcutsSection(): HTMLElement {
  const list = el('dl', 'shortcuts');
  list.id = 'shortcut-list';
  void browser.commands
    .getAll()
    .then((commands) => {
      for (const command of commands) {
        if (!command.name || command.name.startsWith('_')) continue;
        const keys = el('dd', command.shortcut ? 'keys' : 'keys muted', command.shortcut || t('options.shortcutUnset'));
        const key = DESCRIPTIONS[command.name as CommandName] as MessageKey | undefined;
        list.append(el('dt', undefined, key ? t(key) : command.description || command.name), keys);
      }
    })
    .catch(() => list.append(el('dd', 'muted', t('options.shortcutsUnavailable'))));
  const children: Node[] = [list, button('change-shortcuts', t('options.changeShortcuts'), openShortcutSettings)];
  if (isFirefox()) children.push(el('p', 'hint', t('options.shortcutsFirefox')));
  return section('shortcuts', t('options.shortcutsHeading'), ...children);
}
