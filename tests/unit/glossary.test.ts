import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGlossarySearch } from '../../src/core/glossary/search';
import { buildMatchIndex } from '../../src/core/matcher/match-index';
import { TermMatcher } from '../../src/core/matcher/matcher';
import { loadGlossary } from '../../scripts/glossary/load-glossary';

const glossary = loadGlossary(undefined, false);
const byTerm = new Map(glossary.entries.map((entry) => [entry.term, entry]));

describe('the bundled glossary', () => {
  it('passes its schema and cross-entry checks', () => {
    expect(glossary.problems).toEqual([]);
  });

  it('holds the four families complete, in the official order', () => {
    const families: Record<string, string[]> = {
      六稳: ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'],
      六保: ['保居民就业', '保基本民生', '保市场主体', '保粮食能源安全', '保产业链供应链稳定', '保基层运转'],
      三大攻坚战: ['防范化解重大风险', '精准脱贫', '污染防治'],
      放管服: ['简政放权', '放管结合', '优化服务'],
    };
    for (const [family, members] of Object.entries(families)) {
      const entry = byTerm.get(family);
      expect(entry, family).toBeDefined();
      const memberTerms = entry!.members.map((id) => glossary.entries.find((e) => e.id === id)?.term);
      expect(memberTerms, family).toEqual(members);
    }
  });

  it('finds every seed term that the seed speech spells out, with the product’s own matcher', () => {
    const speech = readFileSync(new URL('../fixtures/seed-speech.txt', import.meta.url), 'utf8');
    const matcher = new TermMatcher(buildMatchIndex(glossary.entries, glossary.version, glossary.foldPairs));
    const matches = matcher.find(speech);
    const foundIds = new Set(matches.map((match) => matcher.index.entries[match.entry]!.id));
    // An occurrence inside a longer term (两不愁三保障 inside 一超过两不愁三保障) is rightly that longer term.
    const insideLongerMatch = (start: number, end: number) =>
      matches.some((match) => match.start <= start && end <= match.end && end - start < match.end - match.start);
    const occurrences = (form: string) =>
      [...speech.matchAll(new RegExp(form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map(
        (m) => [m.index, m.index + form.length] as const,
      );
    const missing = glossary.entries
      .filter((entry) => glossary.fileOf.get(entry.id)?.startsWith('seed-'))
      .filter((entry) => !foundIds.has(entry.id))
      .filter((entry) => {
        const spans = [entry.term, ...entry.variants.map((v) => v.form)].flatMap(occurrences);
        return spans.length > 0 && !spans.every(([start, end]) => insideLongerMatch(start, end));
      })
      .map((entry) => entry.term);
    expect(missing).toEqual([]);
    for (const term of ['六稳', '六保', '三大攻坚战', '放管服', '河长制', '清四乱'])
      expect(foundIds.has(byTerm.get(term)!.id), term).toBe(true);
  });

  it('generates Traditional variants, so 六穩 is found as 六稳', () => {
    expect(byTerm.get('六稳')!.variants.map((v) => v.form)).toContain('六穩');
  });

  it('is searchable by pinyin without tones, English, a fragment and a Traditional alias', () => {
    const search = createGlossarySearch(glossary.entries);
    expect(search('fangguanfu').map((e) => e.term)).toContain('放管服');
    expect(search('streamline').map((e) => e.term)).toContain('放管服');
    expect(search('放管').map((e) => e.term)).toContain('放管服');
    expect(search('六個穩').map((e) => e.term)).toContain('六稳');
  });
});

describe('npm run -s glossary', () => {
  it('prints the whole glossary as a JSON array through a pipe, with the documented fields', () => {
    const result = spawnSync('npx', ['tsx', 'scripts/glossary-cli.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.status).toBe(0);
    const entries = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(entries).toHaveLength(glossary.entries.length);
    for (const field of [
      'id',
      'term',
      'variants',
      'pinyin',
      'category',
      'family',
      'members',
      'summaryZh',
      'summaryEn',
      'english',
      'origin',
      'period',
      'related',
      'sources',
      'status',
      'note',
    ]) {
      expect(entries[0], field).toHaveProperty(field);
    }
  }, 60_000);
});
