/**
 * Where PolicyLens runs: everywhere with a block list, or only on listed sites. The popup's
 * one-click switch edits the same lists (withSiteEnabled), so both stay in step.
 */
import type { SiteMode, Settings } from '../core/settings/settings-model';
import { t } from '../shared/i18n';
import { button, el, radioGroup, section } from '../shared/dom';
import type { OptionsContext } from './options-context';

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?$/;

/** What the reader typed (a host, or a whole address pasted from the address bar) as a host, or null. */
export function hostFrom(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (text === '') return null;
  try {
    if (/^[a-z]+:\/\//.test(text)) return new URL(text).host || null;
  } catch {
    return null;
  }
  return HOST.test(text) ? text : null;
}

export function buildSitesSection({ settings, updateSettings, announce }: OptionsContext): HTMLElement {
  const listKey = settings.siteMode === 'all-except' ? 'disabledSites' : 'enabledSites';
  const sites = settings[listKey];
  const mode = radioGroup<SiteMode>(
    'site-mode',
    t('options.siteMode'),
    [
      { value: 'all-except', label: t('options.siteModeAll') },
      { value: 'only-listed', label: t('options.siteModeOnly') },
    ],
    settings.siteMode,
    (value) => updateSettings({ ...settings, siteMode: value }),
  );
  const listHeading = el(
    'h3',
    undefined,
    t(settings.siteMode === 'all-except' ? 'options.blockedSites' : 'options.allowedSites'),
  );
  listHeading.id = 'site-list-heading';
  const list = el('ul', 'site-list');
  list.setAttribute('aria-labelledby', listHeading.id);
  if (sites.length === 0) list.append(el('li', 'muted', t('options.noSites')));
  sites.forEach((site, index) => {
    const item = el('li', 'site');
    const remove = button(
      `remove-site-${index}`,
      '×',
      () =>
        updateSettings(
          withList(
            settings,
            listKey,
            sites.filter((s) => s !== site),
          ),
        ),
      'icon-button',
    );
    remove.setAttribute('aria-label', t('options.removeSite', site));
    remove.title = t('options.removeSite', site);
    item.append(el('span', 'site-name', site), remove);
    list.append(item);
  });

  const form = el('form', 'add-site');
  const label = el('label', undefined, t('options.addSite'));
  const input = el('input');
  input.id = 'add-site';
  input.type = 'text';
  input.autocomplete = 'off';
  input.spellcheck = false;
  label.htmlFor = input.id;
  const add = el('button', 'button', t('options.addSiteButton'));
  add.type = 'submit';
  add.id = 'add-site-button';
  form.append(label, input, add);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const host = hostFrom(input.value);
    if (!host) {
      announce(t('options.badHost', input.value.trim()));
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    if (!sites.includes(host)) updateSettings(withList(settings, listKey, [...sites, host]));
  });
  return section('sites', t('options.sitesHeading'), mode, listHeading, list, form);
}

function withList(settings: Settings, key: 'disabledSites' | 'enabledSites', sites: string[]): Settings {
  return { ...settings, [key]: sites };
}
