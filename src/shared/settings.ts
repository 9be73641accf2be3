/**
 * The reader's settings: one typed, versioned item in extension storage (`@wxt-dev/storage`), with
 * defaults. Add a field: give it a default here; change a field's meaning: bump `version` and add a
 * migration, so settings saved by an older version are carried over rather than lost.
 */
import { storage } from '#imports';

export type TooltipLanguage = 'zh' | 'en' | 'both';

export interface Settings {
  /** The global switch. */
  enabled: boolean;
  /** Hosts (e.g. "www.gov.cn") where PolicyLens does not annotate. */
  disabledSites: string[];
  tooltipLanguage: TooltipLanguage;
  showPinyin: boolean;
  /** Pointer intent delay before the hover card opens. */
  hoverDelayMs: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
  tooltipLanguage: 'both',
  showPinyin: true,
  hoverDelayMs: 120,
});

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { ...DEFAULT_SETTINGS },
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export function isEnabledFor(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const settings = await loadSettings();
  const others = settings.disabledSites.filter((site) => site !== host);
  await settingsItem.setValue({ ...settings, disabledSites: enabled ? others : [...others, host] });
}
