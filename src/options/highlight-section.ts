/**
 * Highlight style (background or underline) and, per category, on/off and colour with a contrast
 * check that explains itself: the warning says what the contrast is and what it needs to be.
 */
import { CATEGORIES, type Category } from '../core/glossary/categories';
import { highlightContrast, MIN_MARK_CONTRAST, MIN_TEXT_CONTRAST, underlineContrast } from '../core/settings/contrast';
import type { HighlightStyle, Settings } from '../core/settings/settings-model';
import { t } from '../shared/i18n';
import { checkbox, el, radioGroup, section } from '../shared/dom';
import type { OptionsContext } from './options-context';

export function buildHighlightSection({ settings, updateSettings }: OptionsContext): HTMLElement {
  const style = radioGroup<HighlightStyle>(
    'highlight-style',
    t('options.highlightStyle'),
    [
      { value: 'background', label: t('options.styleBackground') },
      { value: 'underline', label: t('options.styleUnderline') },
    ],
    settings.highlightStyle,
    (value) => updateSettings({ ...settings, highlightStyle: value }),
  );
  const list = el('ul', 'categories');
  for (const category of CATEGORIES) list.append(categoryRow(category, settings, updateSettings));
  return section('highlights', t('options.highlightHeading'), style, list);
}

function categoryRow(category: Category, settings: Settings, updateSettings: OptionsContext['updateSettings']): HTMLElement {
  const name = t(`category.${category}`);
  const style = settings.categories[category];
  const withStyle = (change: Partial<typeof style>): Settings => ({
    ...settings,
    categories: { ...settings.categories, [category]: { ...style, ...change } },
  });
  const row = el('li', 'category-row');
  row.dataset.category = category;
  const show = checkbox(`category-${category}-enabled`, t('options.categoryShow', name), style.enabled, (enabled) =>
    updateSettings(withStyle({ enabled })),
  );
  const colorLabel = el('label', 'visually-hidden', t('options.categoryColor', name));
  const color = el('input', 'color');
  color.type = 'color';
  color.id = `category-${category}-color`;
  color.value = style.color;
  colorLabel.htmlFor = color.id;
  const swatch = el('span', `swatch swatch-${settings.highlightStyle}`, name);
  swatch.setAttribute('aria-hidden', 'true');
  const verdict = el('p', 'contrast');
  verdict.id = `category-${category}-contrast`;
  color.setAttribute('aria-describedby', verdict.id);
  const showVerdict = (value: string): void => {
    swatch.style.setProperty('--swatch', value);
    const underline = settings.highlightStyle === 'underline';
    const { onLight, onDark, readable } = underline ? underlineContrast(value) : highlightContrast(value);
    const needed = underline ? MIN_MARK_CONTRAST : MIN_TEXT_CONTRAST;
    verdict.className = readable ? 'contrast ok' : 'contrast warning';
    verdict.textContent = readable
      ? t('options.contrastOk', onLight.toFixed(1), onDark.toFixed(1))
      : t('options.contrastWarning', onLight.toFixed(1), onDark.toFixed(1), needed);
  };
  showVerdict(style.color);
  // `input` fires while the picker is open: update the verdict live, save once it is closed.
  color.addEventListener('input', () => showVerdict(color.value));
  color.addEventListener('change', () => updateSettings(withStyle({ color: color.value.toLowerCase() })));
  row.append(show, colorLabel, color, swatch, verdict);
  return row;
}
