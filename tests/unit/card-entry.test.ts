import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../scripts/glossary/load-glossary';
import { englishByRecency, toCardEntry } from '../../src/core/glossary/card-entry';

const { entries } = loadGlossary(undefined, false);
/** What only a pinned card shows, or nothing in the content script uses. */
const PINNED_ONLY = new Set(['sources', 'note', 'related', 'boundary']);

describe('what a hover card is sent of an entry', () => {
  it('keeps what the card shows, the Traditional form and the most recent English rendering', () => {
    for (const entry of entries) {
      const card = toCardEntry(entry);
      const shown = Object.fromEntries(Object.entries(entry).filter(([field]) => !PINNED_ONLY.has(field)));
      expect(card, entry.id).toEqual({
        ...shown,
        variants: entry.variants.filter((variant) => variant.kind === 'traditional'),
        english: englishByRecency(entry).slice(0, 1),
      });
    }
  });

  it('picks the latest rendering, the first of a year in the entry’s order, undated ones last', () => {
    const entry = entries.find((candidate) => candidate.term === '六稳')!;
    const undated = { text: 'undated', source: 'somewhere' };
    const english = [undated, ...entry.english];
    const latest = Math.max(...entry.english.map((rendering) => rendering.year ?? 0));
    const ordered = englishByRecency({ english });
    expect(ordered[0]).toEqual(entry.english.find((rendering) => rendering.year === latest));
    expect(ordered.at(-1)).toBe(undated);
    expect(toCardEntry({ ...entry, english: [undated] }).english).toEqual([undated]);
  });

  it('is at most 60% of the bytes of the full entries, over the bundled glossary', () => {
    const full = JSON.stringify(entries).length;
    const cards = JSON.stringify(entries.map(toCardEntry)).length;
    expect(cards / full, `${cards} of ${full} characters`).toBeLessThan(0.6);
  });
});
