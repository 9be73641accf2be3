/**
 * For the popup: which members of each family occur on the page ("六稳 4/6: 稳就业 稳金融 …").
 * The four families PolicyLens is known for are always listed; any other family with a member or
 * itself on the page follows.
 */
import type { GlossaryEntry } from '../glossary/schema';

export const FEATURED_FAMILIES = ['六稳', '六保', '三大攻坚战', '放管服'] as const;

/** What the coverage reads of an entry (full entries and the popup's list entries both have it). */
type FamilyEntry = Pick<GlossaryEntry, 'id' | 'term' | 'members'>;

export interface FamilyCoverage<T extends FamilyEntry = GlossaryEntry> {
  family: T;
  members: Array<{ entry: T; onPage: boolean }>;
  found: number;
}

export function familyCoverage<T extends FamilyEntry>(entries: readonly T[], onPage: ReadonlySet<string>): FamilyCoverage<T>[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const families = entries.filter((entry) => entry.members.length > 0);
  const relevant = families.filter(
    (family) =>
      (FEATURED_FAMILIES as readonly string[]).includes(family.term) ||
      onPage.has(family.id) ||
      family.members.some((id) => onPage.has(id)),
  );
  return relevant
    .map((family) => {
      const members = family.members.flatMap((id) => {
        const entry = byId.get(id);
        return entry ? [{ entry, onPage: onPage.has(id) }] : [];
      });
      return { family, members, found: members.filter((member) => member.onPage).length };
    })
    .sort((a, b) => featuredRank(a.family) - featuredRank(b.family) || b.found - a.found);
}

function featuredRank(family: FamilyEntry): number {
  const rank = (FEATURED_FAMILIES as readonly string[]).indexOf(family.term);
  return rank === -1 ? FEATURED_FAMILIES.length : rank;
}
