import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../scripts/glossary/load-glossary';
import { familyCoverage } from '../../src/core/report/family-coverage';
import { findUnknownFormulas } from '../../src/core/report/unknown-formulas';

const notCovered = () => false;

describe('formulas the glossary does not know', () => {
  it('lists quoted and unquoted numeric formulas', () => {
    const found = findUnknownFormulas([{ text: '推进“七张清单”，开展四大行动，落实“三个一批”。', covered: notCovered }]);
    expect(found.map((f) => f.text)).toEqual(expect.arrayContaining(['七张清单', '四大行动', '三个一批']));
  });

  it('does NOT list plain quantities, placeholders or what the glossary already highlights', () => {
    const text = '用三个月时间，解决两个方面问题，省“五个X”，落实“六稳”。';
    const covered = (start: number, end: number) => text.slice(start, end) === '六稳';
    expect(findUnknownFormulas([{ text, covered }])).toEqual([]);
  });
});

describe('family coverage', () => {
  it('counts which members of 六稳 are on the page, in the official order', () => {
    const { entries } = loadGlossary(undefined, false);
    const id = (term: string) => entries.find((e) => e.term === term)!.id;
    const coverage = familyCoverage(entries, new Set([id('稳就业'), id('稳投资')]));
    const liuWen = coverage.find((c) => c.family.term === '六稳')!;
    expect(liuWen.found).toBe(2);
    expect(liuWen.members.filter((m) => m.onPage).map((m) => m.entry.term)).toEqual(['稳就业', '稳投资']);
    expect(coverage.slice(0, 4).map((c) => c.family.term)).toEqual(['六稳', '六保', '三大攻坚战', '放管服']);
  });
});
