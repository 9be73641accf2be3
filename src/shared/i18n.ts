/**
 * UI strings in Simplified Chinese and English. The same files (locales/*.json) feed
 * `@wxt-dev/i18n`, which writes the browser's `_locales` for the manifest's name and description;
 * the UI reads them through `t()` here instead of `browser.i18n`, because `browser.i18n` can only
 * follow the browser's language and readers may choose theirs in the options.
 */
import en from '../../locales/en.json';
import zhCN from '../../locales/zh_CN.json';

export type Locale = 'en' | 'zh_CN';
type Messages = typeof en;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

const catalogs: Record<Locale, Messages> = { en, zh_CN: zhCN };
let current: Locale = detectLocale();

export function detectLocale(language: string = globalThis.navigator?.language ?? 'en'): Locale {
  return language.toLowerCase().startsWith('zh') ? 'zh_CN' : 'en';
}

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** The message for `key` in the current locale, with $1…$9 replaced by `substitutions`. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const message = lookup(catalogs[current], key) ?? lookup(catalogs.en, key) ?? key;
  return message.replace(/\$(\d)/g, (_, digit: string) => String(substitutions[Number(digit) - 1] ?? ''));
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}
