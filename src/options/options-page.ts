/**
 * The options page: draws every section from the current settings and glossary layers, saves each
 * change at once (open tabs follow through storage), and draws again, keeping keyboard focus on the
 * control that had it, since a language change rewrites every label.
 */
import { defaultSettings, type Settings } from '../core/settings/settings-model';
import type { UserGlossaryLayer } from '../core/glossary/user-layers';
import { t } from '../shared/i18n';
import { saveSettings, watchSettings } from '../shared/settings';
import { applyUiLanguage, htmlLang } from '../shared/ui-locale';
import { saveLayers, watchLayers } from '../shared/user-glossaries';
import { button, el, section } from '../shared/dom';
import { buildGlossariesSection } from './glossaries-section';
import { buildHighlightSection } from './highlight-section';
import { buildLanguageSection } from './language-section';
import type { OptionsContext } from './options-context';
import { buildShortcutsSection } from './shortcuts-section';
import { buildSitesSection } from './sites-section';

export interface OptionsState {
  settings: Settings;
  layers: UserGlossaryLayer[];
}

export function mountOptions(root: HTMLElement, initial: OptionsState): void {
  let { settings, layers } = initial;
  const status = el('p', 'status');
  status.id = 'status';
  status.setAttribute('role', 'status');
  let statusTimer: number | undefined;
  const announce = (message: string): void => {
    status.textContent = message;
    clearTimeout(statusTimer);
    statusTimer = window.setTimeout(() => (status.textContent = ''), 6000);
  };

  const context = (): OptionsContext => ({
    settings,
    layers,
    updateSettings: (next, message = () => t('options.saved')) => {
      settings = next;
      render();
      saveSettings(next).then(
        () => announce(message()),
        (error: unknown) => announce(t('options.saveFailed', String(error))),
      );
    },
    saveLayers: async (next) => {
      await saveLayers(next);
      layers = next;
      render();
    },
    announce,
  });

  const render = (): void => {
    const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
    const locale = applyUiLanguage(settings.uiLanguage);
    document.documentElement.lang = htmlLang(locale);
    document.title = t('options.title');
    const header = el('header', 'page-header');
    header.append(el('h1', undefined, t('options.title')), status);
    const reset = section(
      'reset',
      t('options.resetHeading'),
      el('p', 'hint', t('options.resetHint')),
      button('reset-settings', t('options.reset'), () => {
        context().updateSettings(defaultSettings(), () => t('options.resetDone'));
      }),
    );
    const current = context();
    const main = el('main', 'page');
    main.append(
      buildLanguageSection(current),
      buildHighlightSection(current),
      buildSitesSection(current),
      buildShortcutsSection(),
      buildGlossariesSection(current),
      reset,
    );
    root.replaceChildren(header, main);
    if (focusedId) document.getElementById(focusedId)?.focus();
  };

  // Changes made elsewhere (the popup's site switch, another options tab) show up here too.
  watchSettings((next) => {
    if (JSON.stringify(next) === JSON.stringify(settings)) return;
    settings = next;
    render();
  });
  watchLayers((next) => {
    if (JSON.stringify(next) === JSON.stringify(layers)) return;
    layers = next;
    render();
  });
  render();
}
