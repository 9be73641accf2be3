/** Where the settings live in `storage.local` (the page probe reads them without the storage library). */
export const SETTINGS_KEY = 'settings';
