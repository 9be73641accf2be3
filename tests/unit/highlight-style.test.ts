import { describe, expect, it } from 'vitest';
import { highlightContrast, underlineContrast } from '../../src/core/settings/contrast';
import { drawsLike, highlightCss, highlightRuleScope, scopeHighlightRules } from '../../src/core/settings/highlight-css';
import { DEFAULT_CATEGORY_COLORS, defaultSettings } from '../../src/core/settings/settings-model';

describe('the contrast check', () => {
  it('passes every default colour drawn as a translucent background', () => {
    for (const color of Object.values(DEFAULT_CATEGORY_COLORS)) expect(highlightContrast(color).readable, color).toBe(true);
  });

  it('computes WCAG ratios for the composited colour on both pages', () => {
    const white = highlightContrast('#ffffff');
    expect(white.onLight).toBeCloseTo(21, 1);
    expect(white.onDark).toBeCloseTo(5.21, 1);
    // Fully opaque, a dark colour under black text would fail: the alpha matters.
    expect(highlightContrast('#000080', 1).readable).toBe(false);
  });

  it('flags underline colours that vanish on a light or dark page', () => {
    expect(underlineContrast('#ffeb3b').readable).toBe(false);
    expect(underlineContrast('#000080').readable).toBe(false);
    expect(underlineContrast('#e53935').readable).toBe(true);
  });
});

describe('the injected highlight CSS', () => {
  it('is empty for the defaults, which public/highlights.css draws', () => {
    expect(highlightCss(defaultSettings(), '')).toBe('');
  });

  it('draws a changed colour translucent and the underline style as an underline', () => {
    const settings = defaultSettings();
    settings.categories.formula.color = '#ff0000';
    expect(highlightCss(settings, '')).toContain(
      '::highlight(policylens-formula) { background-color: rgba(255, 0, 0, 0.35) !important;',
    );
    settings.highlightStyle = 'underline';
    expect(highlightCss(settings, '')).toContain('text-decoration: underline 2px #ff0000 !important');
  });
});

describe('where the highlight rules match', () => {
  it('puts them on :root for Chromium, which inherits highlight styles, and on every element for Firefox', () => {
    expect(highlightRuleScope('chrome')).toBe(':root');
    expect(highlightRuleScope('edge')).toBe(':root');
    expect(highlightRuleScope('firefox')).toBe('');
  });

  it('scopes every rule of a stylesheet and of the reader’s colours, and nothing else', () => {
    const sheet =
      '/* ::highlight() rules */\n::highlight(policylens-formula) {\n  color: red;\n}\n::highlight(policylens-reader) {}\n';
    expect(scopeHighlightRules(sheet, ':root')).toBe(
      '/* ::highlight() rules */\n:root::highlight(policylens-formula) {\n  color: red;\n}\n:root::highlight(policylens-reader) {}\n',
    );
    expect(scopeHighlightRules(sheet, '')).toBe(sheet);
    const settings = defaultSettings();
    settings.categories.formula.color = '#ff0000';
    const rules = highlightCss(settings, ':root').split('\n');
    expect(rules.length).toBeGreaterThan(1);
    for (const rule of rules) expect(rule).toMatch(/^:root::highlight\(policylens-/);
  });

  it('tells a change that redraws the highlights from one that does not', () => {
    const before = defaultSettings();
    const after = defaultSettings();
    after.showPinyin = !before.showPinyin;
    expect(drawsLike(before, after)).toBe(true);
    after.highlightStyle = 'underline';
    expect(drawsLike(before, after)).toBe(false);
  });
});
