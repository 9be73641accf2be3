/**
 * The UI language the reader chose in the options (or the browser's, for 'auto'), applied to t().
 * Every UI entrypoint (popup, options, content script) calls this with its settings, and again
 * when they change.
 */
import type { UiLanguage } from '../core/settings/settings-model';
import { detectLocale, setLocale, type Locale } from './i18n';

export function localeFor(uiLanguage: UiLanguage, browserLanguage: string = globalThis.navigator?.language ?? 'en'): Locale {
  return uiLanguage === 'auto' ? detectLocale(browserLanguage) : uiLanguage;
}

export function applyUiLanguage(uiLanguage: UiLanguage): Locale {
  const locale = localeFor(uiLanguage);
  setLocale(locale);
  return locale;
}

/** The `lang` attribute for a document in `locale`. */
export function htmlLang(locale: Locale): string {
  return locale === 'zh_CN' ? 'zh-CN' : 'en';
}
