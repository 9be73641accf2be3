/**
 * What a hover card shows of an entry, and nothing more: the content script fetches these for every
 * term on the page right after annotating it, and a reply costs the page's main thread time per
 * byte received (on a 1 MB article, nearly the whole glossary). Sources, notes, related entries,
 * older English renderings and the matcher's variants are for the pinned card, which asks for the
 * full entry when it opens. Pure: no DOM, no browser.
 */
import type { GlossaryEntry } from './schema';

export type CardEntry = Pick<
  GlossaryEntry,
  | 'id'
  | 'term'
  | 'variants'
  | 'pinyin'
  | 'category'
  | 'family'
  | 'members'
  | 'summaryZh'
  | 'summaryEn'
  | 'english'
  | 'origin'
  | 'period'
  | 'senses'
  | 'status'
  | 'scope'
>;

/** Renderings drift over the years: the most recent first (undated ones last, in the entry's order). */
export function englishByRecency(entry: Pick<GlossaryEntry, 'english'>): GlossaryEntry['english'] {
  return [...entry.english].sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
}

/** The entry as a hover card needs it: its Traditional form only, and its most recent English rendering. */
export function toCardEntry(entry: GlossaryEntry): CardEntry {
  return {
    id: entry.id,
    term: entry.term,
    variants: entry.variants.filter((variant) => variant.kind === 'traditional'),
    pinyin: entry.pinyin,
    category: entry.category,
    family: entry.family,
    members: entry.members,
    summaryZh: entry.summaryZh,
    summaryEn: entry.summaryEn,
    english: englishByRecency(entry).slice(0, 1),
    origin: entry.origin,
    period: entry.period,
    senses: entry.senses,
    status: entry.status,
    scope: entry.scope,
  };
}
