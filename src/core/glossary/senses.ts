import type { GlossaryEntry } from './schema';

/**
 * Which senses to explain: none for a single-sense entry; the one whose context words occur around
 * the term (动态清零 beside 返贫 is the 2020 poverty sense); all of them, labelled, when the context
 * does not decide.
 */
export function sensesToShow(entry: Pick<GlossaryEntry, 'senses'>, context: string): GlossaryEntry['senses'] {
  if (entry.senses.length === 0) return [];
  const scored = entry.senses.map((sense) => ({ sense, score: sense.context.filter((word) => context.includes(word)).length }));
  const best = Math.max(...scored.map(({ score }) => score));
  if (best === 0) return entry.senses;
  return scored.filter(({ score }) => score === best).map(({ sense }) => sense);
}
