/**
 * The ::highlight() rules for the reader's colours and style, as CSS text the background injects
 * into the page's document (scripting.insertCSS). Empty when the settings draw exactly what
 * public/highlights.css already draws, so a reader who never changed a colour costs nothing.
 * Rules carry !important because they are layered over public/highlights.css, and the order of
 * injected author sheets is not something to rely on. Pure.
 */
import { CATEGORIES } from '../glossary/categories';
import { HIGHLIGHT_ALPHA, parseHex } from './contrast';
import { DEFAULT_CATEGORY_COLORS, type Settings } from './settings-model';

const HIGHLIGHT_PREFIX = 'policylens-';

/**
 * Where our ::highlight() rules match: '' (every element) or ':root' (the root element only).
 *
 * Why ':root' in Chromium: a ::highlight() rule that matches every element gives every element a
 * highlight style of its own. On the benchmark's 1 MB article (9,500 elements) that was 2.8 MB of
 * Blink's heap after GC, against 0.55 MB for all of PolicyLens with the rules on :root (heap after
 * GC, 5 loads each). Chromium's highlight pseudo-elements inherit from their parent's
 * (https://drafts.csswg.org/css-pseudo-4/#highlight-cascade), so text anywhere, open shadow roots
 * included, still takes the root's colours. Firefox (153) does not inherit them that way: there a
 * rule on :root colours nothing, so the Firefox build keeps rules on every element.
 */
export type HighlightRuleScope = '' | ':root';

/** The scope for a build's target browser (WXT's browser name: 'chrome', 'firefox' …). */
export function highlightRuleScope(browser: string): HighlightRuleScope {
  return browser === 'firefox' ? '' : ':root';
}

/** A stylesheet's ::highlight() rules (each starting a line, as in public/highlights.css) matched on `scope`. */
export function scopeHighlightRules(css: string, scope: HighlightRuleScope): string {
  return css.replace(/^::highlight\(/gm, `${scope}::highlight(`);
}

export function drawsDefaultStyle(settings: Settings): boolean {
  return (
    settings.highlightStyle === 'background' &&
    CATEGORIES.every((category) => settings.categories[category].color.toLowerCase() === DEFAULT_CATEGORY_COLORS[category])
  );
}

/** Whether two settings draw the highlights alike (the injected CSS need not change). */
export function drawsLike(a: Settings, b: Settings): boolean {
  return highlightCss(a, '') === highlightCss(b, '');
}

export function highlightCss(settings: Settings, scope: HighlightRuleScope): string {
  if (drawsDefaultStyle(settings)) return '';
  return CATEGORIES.map((category) => {
    const color = settings.categories[category].color;
    const [r, g, b] = parseHex(color);
    const declarations =
      settings.highlightStyle === 'underline'
        ? `background-color: transparent !important; text-decoration: underline 2px ${color} !important;`
        : `background-color: rgba(${r}, ${g}, ${b}, ${HIGHLIGHT_ALPHA}) !important; text-decoration: none !important;`;
    return `${scope}::highlight(${HIGHLIGHT_PREFIX}${category}) { ${declarations} }`;
  }).join('\n');
}
