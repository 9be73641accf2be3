import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { highlightRuleScope, scopeHighlightRules } from './src/core/settings/highlight-css';
import { BUNDLED_GLOSSARY_FILE, LIST_GLOSSARY_FILE } from './src/shared/bundled-glossary-file';
import { HIGHLIGHT_CSS_FILE } from './src/shared/highlight-css-file';

// Manifest and build settings. The manifest lists one content script, the page probe (below); the
// page script (entrypoints/content) is loaded by the background where needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module', '@wxt-dev/auto-icons'],
  // One drawn source image (assets/icon.svg); @wxt-dev/auto-icons renders every size the manifest needs.
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings, the reader's highlights and glossaries; contextMenus: "Highlight with
    // PolicyLens" on a selection; scripting: the page script is loaded where the probe asks for it,
    // and the highlights' colours (the defaults with it, the reader's own when set) are injected into
    // the page's document with scripting.insertCSS, because ::highlight() rules only apply in the
    // document that holds them and the page must not get a <style> element of ours.
    permissions: ['storage', 'contextMenus', 'scripting'],
    // insertCSS needs host access to the tab; the content script already runs on every http(s) page
    // (its matches), so this asks for no access the extension did not already have and adds no new
    // install warning. (On the MV2 Firefox build WXT folds these into `permissions`.)
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extActionTitle__' },
    // The one script every page loads: a cheap check that has the background load the page script
    // (entrypoints/content, registered at runtime) only where PolicyLens has something to do.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['page-probe.js'],
        run_at: 'document_idle',
        all_frames: true,
      },
    ],
    // Chrome suggests at most four suggested shortcuts per extension; readers can change them at
    // chrome://extensions/shortcuts.
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandNextTerm__' },
      'previous-term': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandPreviousTerm__' },
      'toggle-annotation': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandToggle__' },
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_commandHighlight__' },
    },
    // The CSS Custom Highlight API is what makes highlighting leave the page's DOM alone:
    // Chrome 105+, Firefox 140+ (https://developer.mozilla.org/docs/Web/API/CSS_Custom_Highlight_API).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'policylens@policylens.dev',
              strict_min_version: '140.0',
              // PolicyLens collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on (web-ext lint warns
            // about an Android minimum below that).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
  hooks: {
    // The full glossary is a file of its own, fetched by the popup and the background
    // (src/shared/bundled-glossary.ts), not part of their scripts.
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: resolve('.generated/glossary.json'), relativeDest: BUNDLED_GLOSSARY_FILE });
      files.push({ absoluteSrc: resolve('.generated/glossary-list.json'), relativeDest: LIST_GLOSSARY_FILE });
      // The highlights' rules, on :root where the browser inherits highlight styles (Chromium): see
      // HighlightRuleScope in src/core/settings/highlight-css.ts.
      const scope = highlightRuleScope(wxt.config.browser);
      const at = files.findIndex((file) => file.relativeDest === HIGHLIGHT_CSS_FILE);
      const sheet = files[at];
      if (scope && sheet && 'absoluteSrc' in sheet) {
        const css = scopeHighlightRules(readFileSync(sheet.absoluteSrc, 'utf8'), scope);
        files[at] = { relativeDest: HIGHLIGHT_CSS_FILE, contents: css };
      }
    },
  },
});
