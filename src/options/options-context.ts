/** What every section of the options page is given: the current state and the ways to change it. */
import type { Settings } from '../core/settings/settings-model';
import type { UserGlossaryLayer } from '../core/glossary/user-layers';

export interface OptionsContext {
  settings: Settings;
  layers: readonly UserGlossaryLayer[];
  /**
   * Saves new settings (open tabs follow through storage), redraws the page and says `message`
   * (default: saved), a function so that it is worded in the language the new settings choose.
   */
  updateSettings: (next: Settings, message?: () => string) => void;
  /** Saves the layers; rejects (and keeps what was stored) when storage refuses them. */
  saveLayers: (next: UserGlossaryLayer[]) => Promise<void>;
  /** Says something in the page's status line (a polite live region). */
  announce: (message: string) => void;
}
