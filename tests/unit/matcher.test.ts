import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchIndex } from '../../src/core/matcher/match-index';
import { SEGMENT_BREAK, TermMatcher, type TermMatch } from '../../src/core/matcher/matcher';

function index(terms: Array<string | [string, { notAfter?: string; notBefore?: string }]>, foldPairs = ''): MatchIndex {
  return {
    version: 'test',
    foldPairs,
    entries: terms.map((term) => {
      const [text, boundary] = typeof term === 'string' ? [term, null] : term;
      return { id: text, term: text, category: 'formula', family: null, boundary };
    }),
    forms: terms.map((term, i) => [typeof term === 'string' ? term : term[0], i]),
  };
}

const found = (matcher: TermMatcher, text: string): string[] => matcher.find(text).map((m) => text.slice(m.start, m.end));

/** The reference: at each position, the longest pattern starting there; then skip past it. */
function naiveLeftmostLongest(patterns: string[], text: string): Array<[number, number, number]> {
  const result: Array<[number, number, number]> = [];
  let i = 0;
  while (i < text.length) {
    let best = -1;
    for (let p = 0; p < patterns.length; p++) {
      if (text.startsWith(patterns[p]!, i) && (best === -1 || patterns[p]!.length > patterns[best]!.length)) best = p;
    }
    if (best === -1) i++;
    else {
      result.push([i, i + patterns[best]!.length, best]);
      i += patterns[best]!.length;
    }
  }
  return result;
}

/** The matcher's matches equal the naive leftmost-longest reference, for random patterns and text over `alphabet`. */
function sameAsNaive(
  word: fc.Arbitrary<string>,
  alphabet: string[],
  maxPatterns: number,
  textLength: { minLength?: number; maxLength: number },
) {
  return fc.property(
    fc.uniqueArray(word, { minLength: 1, maxLength: maxPatterns }),
    fc.array(fc.constantFrom(...alphabet), { ...textLength, size: 'max' }),
    (patterns, chars) => {
      const text = chars.join('');
      const actual = new TermMatcher(index(patterns)).find(text).map((m: TermMatch) => [m.start, m.end, m.entry]);
      expect(actual).toEqual(naiveLeftmostLongest(patterns, text));
    },
  );
}

describe('the term matcher', () => {
  it('prefers the longest term: 三大攻坚战 over 攻坚战, 扫黑除恶专项斗争 over 扫黑除恶', () => {
    const matcher = new TermMatcher(index(['攻坚战', '三大攻坚战', '扫黑除恶', '扫黑除恶专项斗争']));
    expect(found(matcher, '打好三大攻坚战,开展扫黑除恶专项斗争和扫黑除恶')).toEqual([
      '三大攻坚战',
      '扫黑除恶专项斗争',
      '扫黑除恶',
    ]);
  });

  it('splits 六稳六保 into 六稳 and 六保', () => {
    const matcher = new TermMatcher(index(['六稳', '六保']));
    expect(found(matcher, '扎实做好六稳六保工作')).toEqual(['六稳', '六保']);
  });

  it('matches a spelled-out family member by member', () => {
    const members = ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'];
    const matcher = new TermMatcher(index(members));
    expect(found(matcher, '做好稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期工作')).toEqual(members);
  });

  it('finds terms across line breaks, spaces, zero-width characters and quotes, with offsets in the original text', () => {
    const matcher = new TermMatcher(index(['米袋子省长负责制', '放管服']));
    const text = '落实“米袋子”省长\n负责制,深化放\u200b管 服改革';
    expect(found(matcher, text)).toEqual(['米袋子”省长\n负责制', '放\u200b管 服']);
  });

  it('folds Traditional characters and full-width forms to the glossary forms', () => {
    const matcher = new TermMatcher(index(['六稳', '中国制造2025'], '穩稳國国製制造造'));
    expect(found(matcher, '做好六穩工作,推進中國製造２０２５')).toEqual(['六穩', '中國製造２０２５']);
  });

  it('does NOT find a member inside a longer word when its boundary rule forbids it', () => {
    const matcher = new TermMatcher(index([['保基本民生', { notAfter: '确' }]]));
    expect(found(matcher, '确保基本民生')).toEqual([]);
    expect(found(matcher, '要保基本民生')).toEqual(['保基本民生']);
  });

  it('does NOT take an everyday phrase for a family member unless its family is in the same text', () => {
    const matcher = new TermMatcher({
      version: 'test',
      foldPairs: '',
      entries: [
        { id: 'fang-guan-fu', term: '放管服', category: 'reform', family: null, boundary: null },
        { id: 'jianzheng', term: '简政放权', category: 'reform', family: 'fang-guan-fu', boundary: null },
        { id: 'youhua', term: '优化服务', category: 'reform', family: 'fang-guan-fu', boundary: { needsFamily: true } },
      ],
      forms: [
        ['放管服', 0],
        ['简政放权', 1],
        ['优化服务', 2],
      ],
    });
    expect(found(matcher, '银行要优化服务')).toEqual([]);
    expect(found(matcher, '简政放权、放管结合、优化服务')).toEqual(['简政放权', '优化服务']);
    // The family must be in the same segment (block) of a text that holds several.
    expect(found(matcher, `简政放权${SEGMENT_BREAK}银行要优化服务`)).toEqual(['简政放权']);
    expect(found(matcher, `银行要优化服务${SEGMENT_BREAK}放管服改革、优化服务`)).toEqual(['放管服', '优化服务']);
  });

  it('never finds a term across a segment break, and finds the same in segments as in each one alone', () => {
    const alphabet = ['六', '稳', '保', '三', '大', '攻', '坚', '战', ' ', '“'];
    const word = fc
      .array(fc.constantFrom(...alphabet.slice(0, 8)), { minLength: 2, maxLength: 5 })
      .map((chars) => chars.join(''));
    const segment = fc.array(fc.constantFrom(...alphabet), { maxLength: 30, size: 'max' }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 12 }),
        fc.array(segment, { maxLength: 6, size: 'max' }),
        (patterns, segments) => {
          const matcher = new TermMatcher(index(patterns));
          const expected: Array<[number, number, number]> = [];
          let offset = 0;
          for (const text of segments) {
            for (const m of matcher.find(text)) expected.push([m.start + offset, m.end + offset, m.entry]);
            offset += text.length + SEGMENT_BREAK.length;
          }
          const actual = matcher.find(segments.join(SEGMENT_BREAK)).map((m: TermMatch) => [m.start, m.end, m.entry]);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals the reference on long texts with long patterns (its rings of recent positions wrap, its scan segments cut terms)', () => {
    const alphabet = ['六', '稳', '保', '三'];
    const word = fc.array(fc.constantFrom(...alphabet), { minLength: 2, maxLength: 24 }).map((chars) => chars.join(''));
    fc.assert(sameAsNaive(word, alphabet, 20, { minLength: 100, maxLength: 600 }), { numRuns: 200 });
    // Texts of several scan segments (1,024 characters each), so the rings wrap around many of them.
    fc.assert(sameAsNaive(word, alphabet, 20, { minLength: 2_000, maxLength: 9_000 }), { numRuns: 40 });
  });

  it('equals the naive leftmost-longest reference on random text over the patterns’ alphabet', () => {
    const alphabet = ['六', '稳', '保', '三', '大', '攻', '坚', '战', '，'];
    const word = fc.array(fc.constantFrom(...alphabet), { minLength: 2, maxLength: 5 }).map((chars) => chars.join(''));
    fc.assert(sameAsNaive(word, alphabet, 12, { maxLength: 80 }), { numRuns: 400 });
  });
});
