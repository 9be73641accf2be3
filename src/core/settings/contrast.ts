/**
 * Whether a category colour keeps text readable where it is drawn. Highlights are painted
 * translucent over the page, so the check composites the colour at HIGHLIGHT_ALPHA over a light
 * page (black text on white) and a dark one (white text on #1b1e23) and asks for the WCAG 2 text
 * contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio) on both. Pure.
 */

/** How opaque a custom category colour is drawn as a highlight background. */
export const HIGHLIGHT_ALPHA = 0.35;
/** WCAG AA for body text. */
export const MIN_TEXT_CONTRAST = 4.5;

export const LIGHT_PAGE = { background: '#ffffff', text: '#000000' } as const;
export const DARK_PAGE = { background: '#1b1e23', text: '#ffffff' } as const;

type Rgb = [number, number, number];

export function parseHex(color: string): Rgb {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) throw new Error(`not a #rrggbb colour: ${color}`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** `top` at `alpha` painted over the opaque `bottom`. */
export function composite(top: Rgb, alpha: number, bottom: Rgb): Rgb {
  return top.map((channel, index) => channel * alpha + bottom[index]! * (1 - alpha)) as Rgb;
}

function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (channel: number): number => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export interface HighlightContrast {
  /** Black text over the colour drawn on a white page. */
  onLight: number;
  /** White text over the colour drawn on a dark (#1b1e23) page. */
  onDark: number;
  readable: boolean;
}

export function highlightContrast(color: string, alpha: number = HIGHLIGHT_ALPHA): HighlightContrast {
  const rgb = parseHex(color);
  const onLight = contrastRatio(parseHex(LIGHT_PAGE.text), composite(rgb, alpha, parseHex(LIGHT_PAGE.background)));
  const onDark = contrastRatio(parseHex(DARK_PAGE.text), composite(rgb, alpha, parseHex(DARK_PAGE.background)));
  return { onLight, onDark, readable: onLight >= MIN_TEXT_CONTRAST && onDark >= MIN_TEXT_CONTRAST };
}

/** WCAG 2.1 non-text contrast (1.4.11): an underline is a graphical mark, not text. */
export const MIN_MARK_CONTRAST = 3;

/**
 * An underline in `color` (opaque) against both page backgrounds. Unlike a translucent background,
 * which at HIGHLIGHT_ALPHA keeps every colour readable (white is the worst case on a dark page at
 * 5.2:1, black on a light one at 8.6:1), an underline can vanish: yellow on white is 1.1:1.
 */
export function underlineContrast(color: string): HighlightContrast {
  const rgb = parseHex(color);
  const onLight = contrastRatio(rgb, parseHex(LIGHT_PAGE.background));
  const onDark = contrastRatio(rgb, parseHex(DARK_PAGE.background));
  return { onLight, onDark, readable: onLight >= MIN_MARK_CONTRAST && onDark >= MIN_MARK_CONTRAST };
}
