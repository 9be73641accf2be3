/** The fixed category list (documented in assets/glossary/README.md). Kept free of zod so the
 * content script can import it without the schema library. */
export const CATEGORIES = ['formula', 'campaign', 'reform', 'economy', 'indicator', 'institution', 'theory', 'slogan'] as const;
export type Category = (typeof CATEGORIES)[number];

export const VARIANT_KINDS = ['traditional', 'full', 'short', 'alias', 'quoted'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];
