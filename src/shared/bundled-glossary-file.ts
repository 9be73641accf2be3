/** The bundled glossary's file name in the built extension (wxt.config.ts puts it there; bundled-glossary.ts reads it). */
export const BUNDLED_GLOSSARY_FILE = 'glossary.json';
