import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import matchIndex from '../../.generated/match-index.json';
import type { MatchIndex } from '../../src/core/matcher/match-index';
import { SEGMENT_BREAK, TermMatcher } from '../../src/core/matcher/matcher';
import { primerText } from '../../src/core/matcher/primer';

const bundled = matchIndex as MatchIndex;

describe('the matcher primer', () => {
  const text = primerText(bundled);
  const matcher = new TermMatcher(bundled);
  const matches = matcher.find(text);
  const matchedEntries = new Set(matches.map((match) => match.entry));

  it('is short: a page matches it before its own text', () => {
    expect(text.length).toBeLessThan(2_000);
  });

  it('starts with text that holds no term, then finds terms of every kind of path', () => {
    expect(matches[0]!.start).toBeGreaterThanOrEqual(64);
    expect(text).toContain(SEGMENT_BREAK);
    // A term with a dropped character inside it, and a Traditional character folded.
    expect(matches.some((match) => text.slice(match.start, match.end).includes('“'))).toBe(true);
    expect(text).toContain(bundled.foldPairs[0]!);
  });

  it('passes and fails a boundary rule of each kind', () => {
    for (const kind of ['notAfter', 'notBefore'] as const) {
      const ruled = bundled.entries.flatMap((entry, at) => (entry.boundary?.[kind] ? [at] : []));
      const tested = ruled.filter((entry) => {
        const form = bundled.forms.find(([, of]) => of === entry)![0];
        const occurrences = text.split(form).length - 1;
        const kept = matches.filter((match) => match.entry === entry && text.slice(match.start, match.end) === form).length;
        return kept > 0 && kept < occurrences;
      });
      expect(tested.length, kind).toBeGreaterThan(0);
    }
  });

  it('stays short with a glossary of many long forms and rules', () => {
    const entries = Array.from({ length: 5_000 }, (_, i) => ({
      id: `e${i}`,
      term: `长术语${i}`.repeat(i % 2 ? 1 : 20),
      category: 'formula' as const,
      family: null,
      boundary: { notAfter: '确', notBefore: '性' },
    }));
    const large: MatchIndex = { version: 't', foldPairs: '', entries, forms: entries.map((entry, i) => [entry.term, i]) };
    expect(primerText(large).length).toBeLessThan(2_000);
  });

  it('keeps a family member beside its kin and drops it alone', () => {
    const lone = bundled.entries.findIndex((entry) => entry.boundary?.needsFamily);
    expect(lone).not.toBe(-1);
    expect(matchedEntries.has(lone)).toBe(true);
    const form = bundled.forms.find(([, of]) => of === lone)![0];
    expect(text.split(form).length - 1).toBeGreaterThan(matches.filter((match) => match.entry === lone).length);
  });

  it('works for an index with no rules, no Traditional pairs and one term', () => {
    const tiny: MatchIndex = {
      version: 't',
      foldPairs: '',
      entries: [{ id: 'a', term: '六稳', category: 'formula', family: null, boundary: null }],
      forms: [['六稳', 0]],
    };
    expect(new TermMatcher(tiny).find(primerText(tiny)).length).toBeGreaterThan(0);
  });
});

describe('TermMatcher.prime', () => {
  it('matches the primer the first time only', () => {
    const matcher = new TermMatcher(bundled);
    const find = vi.spyOn(matcher, 'find');
    matcher.prime();
    matcher.prime();
    expect(find).toHaveBeenCalledTimes(1);
    expect(find).toHaveBeenCalledWith(primerText(bundled));
  });
});

describe('a primed matcher', () => {
  it('finds in any text what a matcher never primed finds', () => {
    const primed = new TermMatcher(bundled);
    primed.prime();
    const fresh = new TermMatcher(bundled);
    const pieces = [...bundled.forms.slice(0, 60).map(([form]) => form), '确', '性', '，', '“', SEGMENT_BREAK, 'x', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(primed.find(text)).toEqual(fresh.find(text));
      }),
    );
  });
});
