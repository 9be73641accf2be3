/**
 * The default ::highlight() colours' file in the built extension (public/highlights.css; for
 * Chromium wxt.config.ts writes it with its rules on :root, see HighlightRuleScope). The background
 * injects it with the page script (page-script.ts).
 */
export const HIGHLIGHT_CSS_FILE = 'highlights.css';
