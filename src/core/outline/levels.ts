/**
 * Gives each candidate its depth the way a careful reader does: with a stack of the numbering kinds
 * currently open. A kind continues where it is open (二、 after 一、 closes everything under 一、);
 * a kind not open yet must start at 一/1 and opens one level deeper; a number out of sequence is
 * not a heading. Which kind sits above which is learnt from the document itself. When it has not
 * said yet, a kind that is conventionally higher (一、 above （一） above 1. above （1） above ①,
 * <h2> above <h3>) closes the lower one, unless the lower one's numbering carries on after it: then
 * this document nests them the other way round (1. 甲 / （一） / （二） / 2. 乙).
 */
import type { Candidate, CandidateKind } from './candidates';

export interface Placed {
  candidate: Candidate;
  /** 0 = top. */
  depth: number;
  /** Index into the placed list of the heading it sits under, or -1. */
  parent: number;
  /** Siblings in one consecutive numbering share a run. */
  run: number;
}

interface OpenLevel {
  kind: CandidateKind;
  /** The last number seen at this level (for unnumbered kinds, a count). */
  last: number;
  /** Index into the placed list of the level's latest heading. */
  latest: number;
  run: number;
}

const CONVENTIONAL_RANK: Readonly<Partial<Record<CandidateKind, number>>> = {
  'chinese-enumeration': 0,
  'chinese-parenthesized': 1,
  'digit-enumeration': 2,
  'digit-parenthesized': 3,
  circled: 4,
};

export function placeCandidates(candidates: readonly Candidate[]): Placed[] {
  const placed: Placed[] = [];
  const stack: OpenLevel[] = [];
  const order = new KindOrder();
  let runs = 0;

  candidates.forEach((candidate, position) => {
    const openAt = findOpenLevel(stack, candidate.kind);
    const number = candidate.ordinal;
    if (openAt !== -1) {
      const level = stack[openAt]!;
      const continues = number === null || number === level.last + 1;
      const restarts = number === 1;
      if (!continues && !restarts) return; // out of sequence: （三） after （一）
      stack.length = openAt + 1;
      if (restarts && !continues) level.run = runs++;
      level.last = number ?? level.last + 1;
      level.latest = placed.length;
      placed.push({ candidate, depth: openAt, parent: stack[openAt - 1]?.latest ?? -1, run: level.run });
      return;
    }
    if (number !== null && number !== 1) return; // a kind must start at 一/1
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (!order.isBelow(top.kind, candidate.kind) || continuesLater(candidates, position, top)) break;
      stack.pop();
    }
    for (const level of stack) order.learn(level.kind, candidate.kind);
    const run = runs++;
    stack.push({ kind: candidate.kind, last: number ?? 1, latest: placed.length, run });
    placed.push({ candidate, depth: stack.length - 1, parent: stack[stack.length - 2]?.latest ?? -1, run });
  });
  return placed;
}

/** How far ahead to look for an open level's next number: enough for any real section, bounded for hostile input. */
const LOOKAHEAD = 200;

/**
 * Does `level`'s numbering carry on after the candidate at `position` (its next number comes before
 * the candidate's own kind starts over)? Then the candidate nests inside it.
 */
function continuesLater(candidates: readonly Candidate[], position: number, level: OpenLevel): boolean {
  const newKind = candidates[position]!.kind;
  if (level.last === 0 || candidates[position]!.ordinal === null) return false;
  const end = Math.min(candidates.length, position + 1 + LOOKAHEAD);
  for (let index = position + 1; index < end; index++) {
    const later = candidates[index]!;
    if (later.kind === newKind && later.ordinal === 1) return false;
    if (later.kind === level.kind) return later.ordinal === level.last + 1;
  }
  return false;
}

function findOpenLevel(stack: readonly OpenLevel[], kind: CandidateKind): number {
  for (let index = stack.length - 1; index >= 0; index--) if (stack[index]!.kind === kind) return index;
  return -1;
}

/** Which kind is above which: first what the document showed, then the convention. */
class KindOrder {
  /** "upper>lower" for every pair the document has nested. */
  private readonly learnt = new Set<string>();

  learn(upper: CandidateKind, lower: CandidateKind): void {
    if (!this.learnt.has(`${lower}>${upper}`)) this.learnt.add(`${upper}>${lower}`);
  }

  isBelow(kind: CandidateKind, other: CandidateKind): boolean {
    if (this.learnt.has(`${other}>${kind}`)) return true;
    if (this.learnt.has(`${kind}>${other}`)) return false;
    const rank = conventionalRank(kind);
    const otherRank = conventionalRank(other);
    return rank !== null && otherRank !== null && rank.family === otherRank.family && rank.rank > otherRank.rank;
  }
}

/** Numbering kinds rank among themselves, heading tags among themselves (<h2> above <h3>). */
function conventionalRank(kind: CandidateKind): { family: 'numbering' | 'heading-tag'; rank: number } | null {
  const rank = CONVENTIONAL_RANK[kind];
  if (rank !== undefined) return { family: 'numbering', rank };
  return /^h[1-6]$/.test(kind) ? { family: 'heading-tag', rank: Number(kind.slice(1)) } : null;
}
