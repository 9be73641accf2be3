import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh_CN.json';
import { setLocale, t } from '../../src/shared/i18n';

function keys(object: object, prefix = ''): string[] {
  return Object.entries(object).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the UI strings', () => {
  it('exist in both Simplified Chinese and English, with no key missing from either', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });

  it('use the same substitutions in both languages', () => {
    const placeholders = (catalog: object, key: string) =>
      (key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) as string)
        .match(/\$\d/g)
        ?.sort() ?? [];
    for (const key of keys(en)) expect(placeholders(zhCN, key), key).toEqual(placeholders(en, key));
  });

  it('fills substitutions and follows the chosen locale', () => {
    setLocale('en');
    expect(t('popup.termsSummary', 3, 7)).toBe('3 terms, 7 occurrences');
    setLocale('zh_CN');
    expect(t('popup.termsSummary', 3, 7)).toBe('3 个术语，共 7 处');
  });
});
