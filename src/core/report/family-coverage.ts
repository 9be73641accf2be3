/**
 * For the popup: which members of each family occur on the page ("六稳 4/6: 稳就业 稳金融 …").
 * The four families PolicyLens is known for are always listed; any other family with a member or
 * itself on the page follows.
 */
import type { GlossaryEntry } from '../glossary/schema';

export const FEATURED_FAMILIES = ['六稳', '六保', '三大攻坚战', '放管服'] as const;

export interface FamilyCoverage {
  family: GlossaryEntry;
  members: Array<{ entry: GlossaryEntry; onPage: boolean }>;
  found: number;
}

export function familyCoverage(entries: readonly GlossaryEntry[], onPage: ReadonlySet<string>): FamilyCoverage[] {
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

function featuredRank(family: GlossaryEntry): number {
  const rank = (FEATURED_FAMILIES as readonly string[]).indexOf(family.term);
  return rank === -1 ? FEATURED_FAMILIES.length : rank;
}
