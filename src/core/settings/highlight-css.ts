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

export function drawsDefaultStyle(settings: Settings): boolean {
  return (
    settings.highlightStyle === 'background' &&
    CATEGORIES.every((category) => settings.categories[category].color.toLowerCase() === DEFAULT_CATEGORY_COLORS[category])
  );
}

export function highlightCss(settings: Settings): string {
  if (drawsDefaultStyle(settings)) return '';
  return CATEGORIES.map((category) => {
    const color = settings.categories[category].color;
    const [r, g, b] = parseHex(color);
    const declarations =
      settings.highlightStyle === 'underline'
        ? `background-color: transparent !important; text-decoration: underline 2px ${color} !important;`
        : `background-color: rgba(${r}, ${g}, ${b}, ${HIGHLIGHT_ALPHA}) !important; text-decoration: none !important;`;
    return `::highlight(${HIGHLIGHT_PREFIX}${category}) { ${declarations} }`;
  }).join('\n');
}
