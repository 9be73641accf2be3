/**
 * Stylesheets injected into one frame's document, as text or as a file of the extension:
 * ::highlight() rules only style highlights of the document they live in (a shadow root's sheet
 * does not reach the page's text), and a <style> of ours would be an element the page can see; an
 * injected stylesheet is neither. MV3 (Chrome): scripting.insertCSS/removeCSS; MV2 (the Firefox
 * build): tabs.insertCSS/removeCSS where scripting lacks them.
 */
import { browser } from 'wxt/browser';

export type FrameCss = { css: string } | { file: string };

export function insertCss(tabId: number, frameId: number, source: FrameCss): Promise<unknown> {
  if (browser.scripting?.insertCSS)
    return browser.scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, ...sourceOf(source), origin: 'AUTHOR' });
  return browser.tabs.insertCSS(tabId, { ...detailsOf(source), frameId, cssOrigin: 'author' });
}

export function removeCss(tabId: number, frameId: number, source: FrameCss): Promise<unknown> {
  if (browser.scripting?.removeCSS)
    return browser.scripting.removeCSS({ target: { tabId, frameIds: [frameId] }, ...sourceOf(source), origin: 'AUTHOR' });
  return browser.tabs.removeCSS(tabId, { ...detailsOf(source), frameId, cssOrigin: 'author' });
}

/** scripting's fields: `css`, or `files` relative to the extension's root. */
function sourceOf(source: FrameCss): { css: string } | { files: string[] } {
  return 'css' in source ? { css: source.css } : { files: [source.file] };
}

/** tabs' (MV2) fields: `code`, or an absolute `file` path within the extension. */
function detailsOf(source: FrameCss): { code: string } | { file: string } {
  return 'css' in source ? { code: source.css } : { file: `/${source.file}` };
}
