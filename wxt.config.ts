import { defineConfig } from 'wxt';

// Manifest and build settings. Content-script options live in entrypoints/content/index.ts.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and the reader's highlights; contextMenus: "Highlight with PolicyLens" on a
    // selection. No other permission is needed for the
    // automatic annotation: the content script's host match grants page access.
    permissions: ['storage', 'contextMenus'],
    action: { default_title: '__MSG_extActionTitle__' },
    // Chrome suggests at most four suggested shortcuts per extension; readers can change them at
    // chrome://extensions/shortcuts.
    commands: {
      'next-term': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandNextTerm__' },
      'previous-term': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandPreviousTerm__' },
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
    // The ::highlight() styles must live in the page's document, not in our shadow root, so they
    // ship as a plain manifest stylesheet next to the content script (public/highlights.css).
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        script.css = [...(script.css ?? []), 'highlights.css'];
      }
    },
  },
});
