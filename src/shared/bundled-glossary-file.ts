/** The bundled glossary's file name in the built extension (wxt.config.ts puts it there; bundled-glossary.ts reads it). */
export const BUNDLED_GLOSSARY_FILE = 'glossary.json';
/** What the popup lists the page's terms with, before it reads the full glossary (list-entry.ts). */
export const LIST_GLOSSARY_FILE = 'glossary-list.json';
