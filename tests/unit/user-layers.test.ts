import { describe, expect, it } from 'vitest';
import glossary from '../../.generated/glossary.json';
import matchIndex from '../../.generated/match-index.json';
import type { GlossaryEntry } from '../../src/core/glossary/schema';
import {
  activeUserEntries,
  mergeEntries,
  mergeMatchIndex,
  toMatchEntries,
  type UserGlossaryLayer,
} from '../../src/core/glossary/user-layers';
import type { MatchIndex } from '../../src/core/matcher/match-index';
import { TermMatcher } from '../../src/core/matcher/matcher';

const bundled = glossary.entries as GlossaryEntry[];
const index = matchIndex as MatchIndex;

function entry(id: string, term: string, variants: string[] = []): GlossaryEntry {
  return {
    ...bundled[0]!,
    id,
    term,
    variants: variants.map((form) => ({ form, kind: 'alias' })),
    family: null,
    members: [],
    boundary: null,
  };
}

const layer = (id: string, enabled: boolean, entries: GlossaryEntry[]): UserGlossaryLayer => ({
  id,
  name: id,
  enabled,
  importedAt: '2025-01-01T00:00:00Z',
  entries,
});

describe("the reader's glossary layers", () => {
  it('leave the bundled index untouched (the same object) when no layer is enabled', () => {
    expect(mergeMatchIndex(index, toMatchEntries(activeUserEntries([layer('off', false, [entry('a', '读书打卡')])])))).toBe(
      index,
    );
  });

  it('add new terms to what the matcher finds', () => {
    const merged = mergeMatchIndex(index, toMatchEntries([entry('reading-club', '读书打卡', ['打卡读书'])]));
    const found = new TermMatcher(merged).find('我们坚持读书打卡，也打卡读书，还要稳就业。');
    const ids = found.map((match) => merged.entries[match.entry]!.id);
    expect(ids).toContain('reading-club');
    expect(ids.filter((id) => id === 'reading-club')).toHaveLength(2);
    expect(ids.length).toBeGreaterThan(2);
  });

  it('override a bundled entry with the same term or the same id', () => {
    const sameTerm = entry('my-liuwen', '六稳');
    const sameId = entry(bundled.find((e) => e.term === '六保')!.id, '六保新说');
    const merged = mergeMatchIndex(index, toMatchEntries([sameTerm, sameId]));
    expect(merged.entries.filter((e) => e.term === '六稳').map((e) => e.id)).toEqual(['my-liuwen']);
    expect(merged.entries.some((e) => e.term === '六保')).toBe(false);
    expect(merged.forms.every(([, i]) => i < merged.entries.length)).toBe(true);
    const full = mergeEntries(bundled, [sameTerm, sameId]);
    expect(full).toHaveLength(bundled.length);
    expect(full.find((e) => e.term === '六稳')!.id).toBe('my-liuwen');
  });

  it('let a later enabled layer win over an earlier one', () => {
    const active = activeUserEntries([
      layer('first', true, [entry('x', '读书打卡')]),
      layer('second', true, [entry('y', '读书打卡')]),
      layer('third', false, [entry('z', '读书打卡')]),
    ]);
    expect(active.map((e) => e.id)).toEqual(['y']);
  });
});
