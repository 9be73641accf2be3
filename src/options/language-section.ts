/** Interface language, hover-card language, pinyin and hover delay. */
import { HOVER_DELAY_RANGE, type TooltipLanguage, type UiLanguage } from '../core/settings/settings-model';
import { t } from '../shared/i18n';
import { checkbox, el, radioGroup, section, select } from '../shared/dom';
import type { OptionsContext } from './options-context';

export function buildLanguageSection({ settings, updateSettings }: OptionsContext): HTMLElement {
  // Each language is named in itself, so a reader who cannot read the current one still finds theirs.
  const uiLanguage = select<UiLanguage>(
    'ui-language',
    t('options.uiLanguage'),
    [
      { value: 'auto', label: t('options.uiLanguageAuto') },
      { value: 'zh_CN', label: '中文', lang: 'zh-CN' },
      { value: 'en', label: 'English', lang: 'en' },
    ],
    settings.uiLanguage,
    (value) => updateSettings({ ...settings, uiLanguage: value }),
  );
  const tooltipLanguage = radioGroup<TooltipLanguage>(
    'tooltip-language',
    t('options.tooltipLanguage'),
    [
      { value: 'zh', label: t('options.tooltipZh') },
      { value: 'en', label: t('options.tooltipEn') },
      { value: 'both', label: t('options.tooltipBoth') },
    ],
    settings.tooltipLanguage,
    (value) => updateSettings({ ...settings, tooltipLanguage: value }),
  );
  const pinyin = checkbox('show-pinyin', t('options.showPinyin'), settings.showPinyin, (checked) =>
    updateSettings({ ...settings, showPinyin: checked }),
  );
  return section(
    'language',
    t('options.languageHeading'),
    uiLanguage,
    tooltipLanguage,
    pinyin,
    hoverDelayField(settings, updateSettings),
  );
}

function hoverDelayField(settings: OptionsContext['settings'], updateSettings: OptionsContext['updateSettings']): HTMLElement {
  const row = el('div', 'field');
  const label = el('label', undefined, t('options.hoverDelay', HOVER_DELAY_RANGE.min, HOVER_DELAY_RANGE.max));
  const input = el('input');
  input.type = 'number';
  input.id = 'hover-delay';
  input.min = String(HOVER_DELAY_RANGE.min);
  input.max = String(HOVER_DELAY_RANGE.max);
  input.step = '10';
  input.value = String(settings.hoverDelayMs);
  label.htmlFor = input.id;
  const error = el('p', 'field-error');
  error.id = 'hover-delay-error';
  error.hidden = true;
  input.setAttribute('aria-describedby', error.id);
  input.addEventListener('change', () => {
    const value = Number(input.value);
    const valid =
      input.value !== '' && Number.isInteger(value) && value >= HOVER_DELAY_RANGE.min && value <= HOVER_DELAY_RANGE.max;
    error.hidden = valid;
    input.setAttribute('aria-invalid', String(!valid));
    error.textContent = valid ? '' : t('options.hoverDelayInvalid', HOVER_DELAY_RANGE.min, HOVER_DELAY_RANGE.max);
    if (valid) updateSettings({ ...settings, hoverDelayMs: value });
  });
  row.append(label, input, error);
  return row;
}
