/**
 * detectOutline: the section outline of a document from its blocks in reading order.
 * Pure and deterministic; linear in the number of blocks (a block is only read at its start).
 */
import { findCandidates, type Candidate } from './candidates';
import { placeCandidates, type Placed } from './levels';
import type { Heading, OutlineBlock } from './types';

/**
 * Dropping an isolated heading can leave another one isolated (its only child moves up), so the
 * check repeats; each round drops at least one candidate, and real documents settle in one or two.
 */
const MAX_ISOLATION_ROUNDS = 8;

export function detectOutline(blocks: readonly OutlineBlock[]): Heading[] {
  let candidates = findCandidates(blocks);
  let placed = placeCandidates(candidates);
  for (let round = 0; round < MAX_ISOLATION_ROUNDS; round++) {
    const isolated = findIsolated(placed);
    if (isolated.size === 0) break;
    candidates = candidates.filter((candidate) => !isolated.has(candidate));
    placed = placeCandidates(candidates);
  }
  return placed.map(({ candidate, depth }) => ({
    level: depth + 1,
    marker: candidate.marker,
    title: candidate.title,
    block: candidate.block,
  }));
}

/**
 * A heading is isolated when its numbering has no sibling and nothing sits under it, and it does
 * not stand on a line of its own: a lone "1．" opening a paragraph is an enumeration, a lone bold
 * phrase is emphasis, but "一、总体要求" on its own line is a heading even in an excerpt.
 * Unnumbered kinds (bold leads, heading tags) need a sibling or a child in every case.
 */
function findIsolated(placed: readonly Placed[]): Set<Candidate> {
  const runSizes = new Map<number, number>();
  const hasChildren = new Set<number>();
  for (const item of placed) {
    runSizes.set(item.run, (runSizes.get(item.run) ?? 0) + 1);
    if (item.parent !== -1) hasChildren.add(item.parent);
  }
  const isolated = new Set<Candidate>();
  placed.forEach((item, index) => {
    if (runSizes.get(item.run)! > 1 || hasChildren.has(index)) return;
    const numbered = item.candidate.ordinal !== null;
    if (numbered && item.candidate.standsAlone) return;
    isolated.add(item.candidate);
  });
  return isolated;
}
