/**
 * Node-side glossary build: reads assets/glossary/*.yaml, validates every entry with the zod
 * schema, adds the generated fields and runs the cross-entry checks.
 * - Traditional variants: opencc-js (Simplified → Taiwan and Hong Kong standards, with phrases), so
 *   六稳 also matches 六穩 without anyone typing it.
 * - Pinyin: pinyin-pro, unless the entry gives `pinyin` (polyphonic characters such as 长 in 河长制
 *   need review; `npm run -s glossary -- --check` lists the ones to look at).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { parse } from 'yaml';
import { checkGlossary } from '../../src/core/glossary/check';
import { glossaryEntrySchema, sourceEntrySchema, type GlossaryEntry } from '../../src/core/glossary/schema';

export const GLOSSARY_DIR = new URL('../../assets/glossary/', import.meta.url).pathname;

export interface BuiltGlossary {
  entries: GlossaryEntry[];
  /** Short content hash: exports record which glossary produced them. */
  version: string;
  /** Traditional→Simplified pairs for every character of every form, for the matcher's fold table. */
  foldPairs: string;
  problems: string[];
  /** Entry id → the data file it comes from. */
  fileOf: Map<string, string>;
}

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * `lenient` (development only, GLOSSARY_LENIENT=1): entries that fail the schema are left out and
 * dangling `related` ids dropped, so a half-written data file does not stop a build. Tests and CI
 * always build strictly.
 */
export function loadGlossary(dir: string = GLOSSARY_DIR, lenient = process.env.GLOSSARY_LENIENT === '1'): BuiltGlossary {
  const problems: string[] = [];
  const entries: GlossaryEntry[] = [];
  const fileOf = new Map<string, string>();
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    hash.update(file).update(text);
    let data: unknown;
    try {
      data = parse(text);
    } catch (error) {
      problems.push(`${file}: not valid YAML: ${(error as Error).message}`);
      continue;
    }
    if (data === null) continue;
    if (!Array.isArray(data)) {
      problems.push(`${file}: must be a YAML list of entries`);
      continue;
    }
    data.forEach((raw: unknown, position) => {
      const parsed = sourceEntrySchema.safeParse(raw);
      if (!parsed.success) {
        const label = (raw as { id?: string } | null)?.id ?? `#${position + 1}`;
        for (const issue of parsed.error.issues) problems.push(`${file} ${label}: ${issue.path.join('.')}: ${issue.message}`);
        return;
      }
      entries.push(glossaryEntrySchema.parse(withGeneratedFields(parsed.data)));
      fileOf.set(parsed.data.id, file);
    });
  }
  if (lenient) {
    const ids = new Set(entries.map((entry) => entry.id));
    for (const entry of entries) entry.related = entry.related.filter((id) => ids.has(id));
    const seen = new Set<string>();
    const unique = entries.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
    const crossProblems = checkGlossary(unique);
    if (problems.length + crossProblems.length > 0)
      console.error(`glossary (lenient): ignoring ${problems.length + crossProblems.length} problem(s)`);
    return { entries: unique, version: hash.digest('hex').slice(0, 12), foldPairs: foldPairsFor(unique), problems: [], fileOf };
  }
  problems.push(...checkGlossary(entries));
  return { entries, version: hash.digest('hex').slice(0, 12), foldPairs: foldPairsFor(entries), problems, fileOf };
}

function withGeneratedFields(entry: ReturnType<typeof sourceEntrySchema.parse>): GlossaryEntry {
  const given = new Set([entry.term, ...entry.variants.map((variant) => variant.form)]);
  const traditional: GlossaryEntry['variants'] = [];
  for (const form of given) {
    for (const converted of [toTaiwan(form), toHongKong(form)]) {
      if (given.has(converted)) continue;
      given.add(converted);
      traditional.push({ form: converted, kind: 'traditional' });
    }
  }
  return {
    ...entry,
    variants: [...entry.variants, ...traditional],
    pinyin: entry.pinyin ?? pinyin(entry.term, { type: 'string', nonZh: 'consecutive' }),
  };
}

/**
 * Every Traditional character whose Simplified form occurs in a glossary form, paired with it.
 * Character-level, so mixed or unusual Traditional spellings still fold (六個穩 → 六个稳).
 */
function foldPairsFor(entries: readonly GlossaryEntry[]): string {
  const wanted = new Set<string>();
  for (const entry of entries) for (const char of entry.term + entry.variants.map((v) => v.form).join('')) wanted.add(char);
  let pairs = '';
  for (let code = 0x3400; code <= 0x9fff; code++) {
    const char = String.fromCharCode(code);
    if (wanted.has(char)) continue;
    const simplified = toSimplified(char);
    if (simplified.length === 1 && simplified !== char && wanted.has(simplified)) pairs += char + simplified;
  }
  return pairs;
}
