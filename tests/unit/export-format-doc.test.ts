import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportDocumentSchema } from '../../src/core/export/schema';

/** Every field name in the schema, nested ones included ("selectors", "quote", "exact" …). */
function fieldNames(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([name, field]) => [name, ...fieldNames(field)]);
  }
  if (schema instanceof z.ZodArray) return fieldNames(schema.element as z.ZodType);
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return fieldNames(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return fieldNames(schema.in as z.ZodType);
  return [];
}

describe('docs/EXPORT-FORMAT.md', () => {
  it('documents every field of the export schema', () => {
    const doc = readFileSync(new URL('../../docs/EXPORT-FORMAT.md', import.meta.url), 'utf8');
    const names = [...new Set(fieldNames(exportDocumentSchema))];
    expect(names).toEqual(expect.arrayContaining(['format', 'readerHighlights', 'selectors', 'exact', 'position', 'family']));
    const missing = names.filter((name) => !doc.includes(`\`${name}\``) && !doc.includes(`.${name}\``));
    expect(missing).toEqual([]);
  });
});
