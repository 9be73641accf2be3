/** Marked when the page's terms are in the popup: what the benchmark reads (open → first term rendered). */
export const POPUP_TERMS_MARK = 'policylens:popup:terms';
