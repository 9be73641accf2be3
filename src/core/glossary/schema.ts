/**
 * The glossary's schema: the single definition of what an entry is. The build validates the YAML
 * sources against `sourceEntrySchema`; everything downstream (CLI, extension, tests) trusts
 * `GlossaryEntry`, the built form with generated variants and pinyin. Pure: no DOM, no browser.
 */
import { z } from 'zod';

import { CATEGORIES, VARIANT_KINDS } from './categories';

export { CATEGORIES, VARIANT_KINDS, type Category, type VariantKind } from './categories';

/** YYYY, YYYY-MM or YYYY-MM-DD; YAML may hand us numbers or Date objects, so normalise first. */
const partialDate = z.preprocess(
  (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'number') return String(value);
    return value;
  },
  z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD'),
);

/** Plain text: tooltips render it as text nodes, so markup in the data is always a mistake. */
const plainText = z
  .string()
  .trim()
  .min(1)
  .refine((text) => !/<[a-zA-Z/!]/.test(text), 'no markup in text fields');

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id: lowercase ASCII words joined by "-"');

/** A form the matcher looks for: at least two characters, no surrounding space. */
const form = z.string().trim().min(2, 'a term or variant needs at least two characters');

const period = z.object({ from: partialDate.nullable().optional(), to: partialDate.nullable().optional() }).nullable();

const sense = z.object({
  label: plainText,
  period: period.optional().default(null),
  summaryZh: plainText,
  summaryEn: plainText,
  context: z.array(z.string().min(1)).default([]),
});

const source = z.object({
  title: plainText,
  publisher: plainText,
  date: partialDate.nullable().optional(),
  url: z
    .string()
    .url()
    .refine((url) => /^https?:\/\//.test(url), 'http(s) address'),
});

const english = z.object({
  text: plainText,
  source: plainText,
  year: z.coerce.number().int().min(1949).max(2100).nullable().optional(),
});

const boundary = z
  .object({
    notAfter: z.string().min(1).optional(),
    notBefore: z.string().min(1).optional(),
    /** An everyday phrase that is jargon only beside its family (优化服务 next to 简政放权 or 放管服). */
    needsFamily: z.boolean().optional(),
  })
  .nullable();

export const sourceEntrySchema = z.object({
  id,
  term: form,
  variants: z.array(z.object({ form, kind: z.enum(VARIANT_KINDS).exclude(['traditional']) })).default([]),
  pinyin: z.string().min(1).optional(),
  category: z.enum(CATEGORIES),
  family: id.nullable().default(null),
  members: z.array(id).default([]),
  summaryZh: plainText,
  summaryEn: plainText,
  english: z.array(english).default([]),
  origin: z
    .object({ date: partialDate.nullable().optional(), occasion: plainText.nullable().optional() })
    .nullable()
    .default(null),
  period: period.default(null),
  senses: z.array(sense).default([]),
  related: z.array(id).default([]),
  sources: z.array(source).min(1, 'at least one source'),
  status: z.enum(['verified', 'uncertain']),
  note: plainText.nullable().default(null),
  scope: z.enum(['national', 'local']).default('national'),
  boundary: boundary.default(null),
});
export type SourceEntry = z.infer<typeof sourceEntrySchema>;

export const glossaryEntrySchema = sourceEntrySchema.extend({
  variants: z.array(z.object({ form, kind: z.enum(VARIANT_KINDS) })),
  pinyin: z.string().min(1),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type GlossarySource = GlossaryEntry['sources'][number];
export type GlossarySense = GlossaryEntry['senses'][number];
