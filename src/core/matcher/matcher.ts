/**
 * Finds glossary terms in text: normalise → one Aho–Corasick pass → per-entry boundary rules →
 * leftmost-longest selection → offsets mapped back to the original text.
 * Pure: runs in the content script, the CLI and vitest alike.
 */
import { AhoCorasick } from './aho-corasick';
import { buildFoldTable, normalize, normalizeForm, type FoldTable } from './normalize';
import type { MatchIndex } from './match-index';

export interface TermMatch {
  /** UTF-16 offset of the first character in the original text. */
  start: number;
  /** UTF-16 offset just past the last character in the original text. */
  end: number;
  /** Index into `MatchIndex.entries`. */
  entry: number;
}

interface Candidate {
  start: number;
  end: number;
  entry: number;
}

export class TermMatcher {
  private readonly automaton: AhoCorasick;
  private readonly fold: FoldTable;
  /** Pattern index → entry index. */
  private readonly patternEntry: Int32Array;
  /** Entry index → characters forbidden right before / right after a match (folded). */
  private readonly notAfter: Array<string | null>;
  private readonly notBefore: Array<string | null>;
  private readonly needsFamily: boolean[];
  private readonly hasFamilyRules: boolean;

  constructor(readonly index: MatchIndex) {
    this.fold = buildFoldTable(index.foldPairs);
    const patterns: string[] = [];
    const patternEntry: number[] = [];
    const seen = new Set<string>();
    for (const [form, entry] of index.forms) {
      const pattern = normalizeForm(form, this.fold);
      if (pattern.length < 2 || seen.has(pattern)) continue;
      seen.add(pattern);
      patterns.push(pattern);
      patternEntry.push(entry);
    }
    this.automaton = new AhoCorasick(patterns);
    this.patternEntry = Int32Array.from(patternEntry);
    this.notAfter = index.entries.map((entry) =>
      entry.boundary?.notAfter ? normalizeForm(entry.boundary.notAfter, this.fold) : null,
    );
    this.needsFamily = index.entries.map((entry) => entry.boundary?.needsFamily === true);
    this.hasFamilyRules = this.needsFamily.includes(true);
    this.notBefore = index.entries.map((entry) =>
      entry.boundary?.notBefore ? normalizeForm(entry.boundary.notBefore, this.fold) : null,
    );
  }

  get patternCount(): number {
    return this.patternEntry.length;
  }

  /** All glossary terms in `text`, leftmost-longest, sorted by start. */
  find(text: string): TermMatch[] {
    const normalized = normalize(text, this.fold);
    const { codes, length, origin } = normalized;
    const candidates: Candidate[] = [];
    this.automaton.scan(codes, length, (start, end, pattern) => {
      const entry = this.patternEntry[pattern]!;
      const before = this.notAfter[entry];
      if (before && start > 0 && before.includes(String.fromCharCode(codes[start - 1]!))) return;
      const after = this.notBefore[entry];
      if (after && end < length && after.includes(String.fromCharCode(codes[end]!))) return;
      candidates.push({ start, end, entry });
    });
    if (candidates.length === 0) return [];
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const matches: TermMatch[] = [];
    let reachedEnd = 0;
    for (const candidate of candidates) {
      if (candidate.start < reachedEnd) continue;
      matches.push({
        start: origin[candidate.start]!,
        end: origin[candidate.end - 1]! + 1,
        entry: candidate.entry,
      });
      reachedEnd = candidate.end;
    }
    return this.hasFamilyRules ? matches.filter((match) => this.keepInContext(match, matches)) : matches;
  }

  /** A `needsFamily` member stays only when its family or a sibling is matched in the same text. */
  private keepInContext(match: TermMatch, all: readonly TermMatch[]): boolean {
    if (!this.needsFamily[match.entry]) return true;
    const family = this.index.entries[match.entry]!.family;
    return all.some((other) => {
      if (other === match) return false;
      const entry = this.index.entries[other.entry]!;
      return entry.id === family || (family !== null && entry.family === family);
    });
  }
}
