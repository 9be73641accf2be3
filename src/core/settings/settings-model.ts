/**
 * The reader's settings as data: their shape, defaults, and how stored values are read back.
 * Pure (no browser API), so the same rules run in the extension and in tests. Stored data is
 * untrusted: every field is checked on its own, a bad field falls back to its default and is
 * reported, and nothing is written back, so nothing the reader saved is deleted.
 */
import { CATEGORIES, type Category } from '../glossary/categories';

export type TooltipLanguage = 'zh' | 'en' | 'both';
export type UiLanguage = 'auto' | 'en' | 'zh_CN';
export type SiteMode = 'all-except' | 'only-listed';
export type HighlightStyle = 'background' | 'underline';

export interface CategoryStyle {
  enabled: boolean;
  /** #rrggbb */
  color: string;
}

export interface Settings {
  /** The global switch. */
  enabled: boolean;
  /** Run everywhere except `disabledSites`, or only on `enabledSites`. */
  siteMode: SiteMode;
  /** Hosts (e.g. "www.gov.cn") where PolicyLens does not annotate, in 'all-except' mode. */
  disabledSites: string[];
  /** Hosts where PolicyLens annotates, in 'only-listed' mode. */
  enabledSites: string[];
  tooltipLanguage: TooltipLanguage;
  showPinyin: boolean;
  /** Pointer intent delay before the hover card opens. */
  hoverDelayMs: number;
  uiLanguage: UiLanguage;
  highlightStyle: HighlightStyle;
  categories: Record<Category, CategoryStyle>;
}

/** Default colours: distinct hues, each readable as a translucent background on white and on dark pages. */
export const DEFAULT_CATEGORY_COLORS: Readonly<Record<Category, string>> = {
  formula: '#f5b800',
  campaign: '#ff7043',
  reform: '#4caf50',
  economy: '#2196f3',
  indicator: '#00bcd4',
  institution: '#ab47bc',
  theory: '#ec407a',
  slogan: '#a1887f',
};

export function defaultSettings(): Settings {
  return {
    enabled: true,
    siteMode: 'all-except',
    disabledSites: [],
    enabledSites: [],
    tooltipLanguage: 'both',
    showPinyin: true,
    hoverDelayMs: 120,
    uiLanguage: 'auto',
    highlightStyle: 'background',
    categories: Object.fromEntries(
      CATEGORIES.map((category) => [category, { enabled: true, color: DEFAULT_CATEGORY_COLORS[category] }]),
    ) as Record<Category, CategoryStyle>,
  };
}

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

const HOST = /^[a-z0-9.-]+(:\d+)?$/i;
const COLOR = /^#[0-9a-f]{6}$/i;

export interface ReadSettings {
  settings: Settings;
  /** Fields that were unreadable and fell back to their defaults. */
  problems: string[];
}

/** Reads a stored value field by field; anything unreadable falls back to its default. */
export function readSettings(stored: unknown): ReadSettings {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (stored === undefined || stored === null) return { settings, problems };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { settings, problems: ['settings: not an object'] };
  const raw = stored as Record<string, unknown>;
  const take = <K extends keyof Settings>(key: K, valid: (value: unknown) => value is Settings[K]): void => {
    if (!(key in raw)) return;
    if (valid(raw[key])) settings[key] = raw[key];
    else problems.push(`settings.${key}`);
  };
  take('enabled', isBoolean);
  take('siteMode', (v): v is SiteMode => v === 'all-except' || v === 'only-listed');
  take('disabledSites', isHostList);
  take('enabledSites', isHostList);
  take('tooltipLanguage', (v): v is TooltipLanguage => v === 'zh' || v === 'en' || v === 'both');
  take('showPinyin', isBoolean);
  take(
    'hoverDelayMs',
    (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= HOVER_DELAY_RANGE.min && v <= HOVER_DELAY_RANGE.max,
  );
  take('uiLanguage', (v): v is UiLanguage => v === 'auto' || v === 'en' || v === 'zh_CN');
  take('highlightStyle', (v): v is HighlightStyle => v === 'background' || v === 'underline');
  if ('categories' in raw) {
    const categories = raw.categories;
    if (typeof categories !== 'object' || categories === null) problems.push('settings.categories');
    else {
      for (const category of CATEGORIES) {
        const style = (categories as Record<string, unknown>)[category];
        if (style === undefined) continue;
        const { enabled, color } = (style ?? {}) as Partial<CategoryStyle>;
        if (typeof enabled === 'boolean' && typeof color === 'string' && COLOR.test(color))
          settings.categories[category] = { enabled, color };
        else problems.push(`settings.categories.${category}`);
      }
    }
  }
  return { settings, problems };
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function isHostList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((host) => typeof host === 'string' && HOST.test(host));
}

export function isEnabledFor(settings: Settings, host: string): boolean {
  if (!settings.enabled) return false;
  return settings.siteMode === 'all-except' ? !settings.disabledSites.includes(host) : settings.enabledSites.includes(host);
}

/** The same settings with one site switched on or off, in whichever site mode is in force. */
export function withSiteEnabled(settings: Settings, host: string, enabled: boolean): Settings {
  if (settings.siteMode === 'all-except') {
    const others = settings.disabledSites.filter((site) => site !== host);
    return { ...settings, disabledSites: enabled ? others : [...others, host] };
  }
  const others = settings.enabledSites.filter((site) => site !== host);
  return { ...settings, enabledSites: enabled ? [...others, host] : others };
}
