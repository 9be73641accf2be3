/**
 * The reader's settings in extension storage: one typed, versioned item (`@wxt-dev/storage`).
 * The model (fields, defaults, reading untrusted stored data) is pure: src/core/settings/.
 * Change a field's meaning: bump `version` and add a migration, so what an older version saved is
 * carried over rather than lost.
 */
import { SETTINGS_KEY } from './settings-key';
import { storage } from '#imports';
import {
  defaultSettings,
  readSettings,
  withSiteEnabled,
  type ReadSettings,
  type Settings,
} from '../core/settings/settings-model';

export { defaultSettings, isEnabledFor, type Settings } from '../core/settings/settings-model';
export type { TooltipLanguage, UiLanguage } from '../core/settings/settings-model';

export const settingsItem = storage.defineItem<Record<string, unknown>>(`local:${SETTINGS_KEY}`, {
  fallback: {},
  version: 2,
  migrations: {
    // v1 had no site mode, languages or per-category styles: everything it held is kept.
    2: (v1: Record<string, unknown>) => ({ ...v1, siteMode: 'all-except' }),
  },
});

/** The settings with every unreadable field at its default, and which fields those were. */
export async function readStoredSettings(): Promise<ReadSettings> {
  try {
    return readSettings(await settingsItem.getValue());
  } catch (error) {
    return { settings: defaultSettings(), problems: [`settings: ${String(error)}`] };
  }
}

export async function loadSettings(): Promise<Settings> {
  return (await readStoredSettings()).settings;
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue({ ...settings });
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  await saveSettings(withSiteEnabled(await loadSettings(), host, enabled));
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(readSettings(value).settings));
}
