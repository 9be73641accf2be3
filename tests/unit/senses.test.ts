import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../scripts/glossary/load-glossary';
import { sensesToShow } from '../../src/core/glossary/senses';

const entry = loadGlossary(undefined, false).entries.find((e) => e.term === '动态清零')!;

describe('choosing the sense of a term with several meanings', () => {
  it('explains 动态清零 beside poverty words as the 2020 poverty sense only', () => {
    const senses = sensesToShow(entry, '对返贫致贫风险实行动态清零,脱贫攻坚');
    expect(senses).toHaveLength(1);
    expect(senses[0]!.summaryZh).toMatch(/贫/);
  });

  it('explains 动态清零 beside epidemic words as the COVID sense only', () => {
    const senses = sensesToShow(entry, '坚持动态清零总方针,做好疫情防控和核酸检测');
    expect(senses).toHaveLength(1);
    expect(senses[0]!.summaryZh).toMatch(/疫/);
  });

  it('shows every sense, labelled, when the context does NOT decide', () => {
    expect(sensesToShow(entry, '动态清零')).toHaveLength(entry.senses.length);
  });
});
