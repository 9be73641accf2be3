/**
 * Finds glossary terms in text: normalise → one Aho–Corasick pass → per-entry boundary rules →
 * leftmost-longest selection → offsets mapped back to the original text.
 * Pure: runs in the content script, the CLI and vitest alike.
 */
import { AhoCorasick, hash } from './aho-corasick';
import { buildFoldTable, DROP, normalizeForm, type FoldTable } from './normalize';
import type { CompiledForms, MatchIndex } from './match-index';
import { primerText } from './primer';
import { SEGMENT_BREAK } from './segment-break';

export { SEGMENT_BREAK };

export interface TermMatch {
  /** UTF-16 offset of the first character in the original text. */
  start: number;
  /** UTF-16 offset just past the last character in the original text. */
  end: number;
  /** Index into `MatchIndex.entries`. */
  entry: number;
}

/** An empty slot of the automaton's transition hash table. */
const EMPTY_SLOT = -1;

/** Characters scanned per call of the hot loop (see `scan`). */
const SCAN_SEGMENT = 1_024;

export class TermMatcher {
  private readonly automaton: AhoCorasick;
  private readonly fold: FoldTable;
  /** Pattern index → entry index. */
  private readonly patternEntry: Int32Array;
  /**
   * Entry index → the (folded) character codes forbidden right before / right after a match. Sets of
   * codes, not strings: the check runs for a few hundred candidates per page, too rarely to be
   * optimised by the JIT, and a string search per candidate cost 2 ms of the article's matching.
   */
  private readonly notAfter: Array<ReadonlySet<number> | null>;
  private readonly notBefore: Array<ReadonlySet<number> | null>;
  private readonly needsFamily: boolean[];
  private readonly hasFamilyRules: boolean;
  private readonly hasBoundaryRules: boolean;
  /** Raw offsets of recent kept characters, by kept position. */
  private readonly rawAt: Int32Array;

  /** The index matched with, without its prebuilt tables (in the automaton now). */
  readonly index: MatchIndex;

  /** Loads the index's prebuilt automaton (`compiled`), or builds one over its forms. */
  constructor(index: MatchIndex) {
    // Not kept twice: kept as plain arrays, the tables held 200 KB of the page's heap (the article's
    // JS heap after GC: 4,844 → 4,638 KB once dropped).
    this.index = index.compiled ? { ...index, compiled: undefined } : index;
    this.fold = buildFoldTable(index.foldPairs);
    if (index.compiled) {
      this.automaton = new AhoCorasick(index.compiled.automaton);
      this.patternEntry = Int32Array.from(index.compiled.patternEntry);
    } else {
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
    }
    const codesOf = (characters: string | undefined): ReadonlySet<number> | null => {
      if (!characters) return null;
      const folded = normalizeForm(characters, this.fold);
      return new Set(Array.from({ length: folded.length }, (_, i) => folded.charCodeAt(i)));
    };
    this.notAfter = index.entries.map((entry) => codesOf(entry.boundary?.notAfter));
    this.needsFamily = index.entries.map((entry) => entry.boundary?.needsFamily === true);
    this.hasFamilyRules = this.needsFamily.includes(true);
    this.notBefore = index.entries.map((entry) => codesOf(entry.boundary?.notBefore));
    this.hasBoundaryRules = this.notAfter.some((rule) => rule !== null) || this.notBefore.some((rule) => rule !== null);
    // A segment and two longest patterns' worth: the positions not yet selected (a segment and one
    // pattern long) never wrap onto a slot the selection has not cleared yet.
    let ringSize = 16;
    while (ringSize < SCAN_SEGMENT + 2 * this.automaton.maxPatternLength + 2) ringSize *= 2;
    this.rawAt = new Int32Array(ringSize);
    this.candidateEnd = new Int32Array(ringSize);
    this.candidateRawStart = new Int32Array(ringSize);
    this.candidateRawEnd = new Int32Array(ringSize);
    this.candidateEntry = new Int32Array(ringSize);
  }

  /** Whether `prime` ran. */
  private primed = false;

  /**
   * Matches the primer (see primer.ts) the first time it is called: a page calls it before matching
   * its own text, in its first pass.
   */
  prime(): void {
    if (this.primed) return;
    this.primed = true;
    this.find(primerText(this.index));
  }

  get patternCount(): number {
    return this.patternEntry.length;
  }

  /** What this matcher built, as plain data for an index's `compiled` (see withCompiledForms). */
  compiled(): CompiledForms {
    return { automaton: this.automaton.toTables(), patternEntry: [...this.patternEntry] };
  }

  /**
   * Candidates by start position (kept characters), in rings (see the constructor): for each start,
   * the longest candidate that passed its boundary rules: where it ends (in kept characters; 0 =
   * none), its raw start and end and its entry.
   */
  private readonly candidateEnd: Int32Array;
  private readonly candidateRawStart: Int32Array;
  private readonly candidateRawEnd: Int32Array;
  private readonly candidateEntry: Int32Array;
  /** The selection's progress through the positions of the current `find`. */
  private selectAt = 0;
  private reachedEnd = 0;
  /** The last start position given a candidate in this `find` (-1: none yet): the selection stops there. */
  private lastCandidateStart = -1;

  /**
   * All glossary terms in `text`, leftmost-longest, sorted by start.
   *
   * One pass folds each character (fold table), steps the automaton and records, per start
   * position, the longest candidate that passes its entry's boundary rules. Positions more than a
   * longest pattern behind can get no new candidate, so the selection walks them between segments
   * of the scan: at each, it keeps the candidate unless an earlier kept one overlaps it
   * (leftmost-longest). Raw offsets of recent kept characters sit in a ring, so folding needs no
   * copy of the text and matches map back to exact offsets even with dropped characters (spaces,
   * quotes) inside them.
   */
  find(text: string): TermMatch[] {
    const matches: TermMatch[] = [];
    const longest = this.automaton.maxPatternLength;
    this.selectAt = 0;
    this.reachedEnd = 0;
    this.lastCandidateStart = -1;
    this.kept = 0;
    this.state = 0;
    for (let from = 0; from < text.length; from += SCAN_SEGMENT) {
      this.scan(text, from, Math.min(text.length, from + SCAN_SEGMENT));
      if (this.kept - longest > this.selectAt) this.select(this.kept - longest, matches);
    }
    this.select(this.kept, matches);
    return this.hasFamilyRules ? this.withFamilyRules(text, matches) : matches;
  }

  /**
   * Drops `needsFamily` members with no kin nearby (see hasFamilyNearby). An indexed loop that copies
   * only once something is dropped: it runs over every match of a page (10,000 on the benchmark's
   * article), in code the JIT has mostly not compiled yet, where a callback per match costs.
   */
  private withFamilyRules(text: string, matches: TermMatch[]): TermMatch[] {
    const { needsFamily } = this;
    let kept: TermMatch[] | null = null;
    for (let position = 0; position < matches.length; position++) {
      const match = matches[position]!;
      const stays = !needsFamily[match.entry] || this.hasFamilyNearby(text, matches, position);
      if (kept !== null) {
        if (stays) kept.push(match);
      } else if (!stays) kept = matches.slice(0, position);
    }
    return kept ?? matches;
  }

  /** The scan's progress through the current `find`, between segments: kept characters so far and the automaton's state. */
  private kept = 0;
  private state = 0;

  /**
   * The hot loop, over one segment of the text (characters [from, to)), continuing from the state the
   * last segment left. It records candidates; the selection runs between segments, not inside the
   * loop. Why: a loop that calls the selection, and runs over a whole chunk in one call, made
   * TurboFan compile it twice (on stack replacement, then for the next call) at 15–35 ms each,
   * with the selection inlined; in Chromium those compiles took 70–90 ms of a background thread
   * during a 1 MB article's annotation, on machines with two cores. Short calls are optimised
   * through the ordinary call count, once, and the selection is compiled on its own.
   */
  private scan(text: string, from: number, to: number): void {
    const { rootNext, childCount, onlyCode, onlyTarget, keyState, keyCode, values, mask, fail, output, dictLink, patternLength } =
      this.automaton;
    const { fold, rawAt, candidateEnd, candidateRawStart, candidateRawEnd, candidateEntry, patternEntry, hasBoundaryRules } =
      this;
    const ringMask = rawAt.length - 1;
    let kept = this.kept;
    let state = this.state;
    let lastCandidateStart = this.lastCandidateStart;
    for (let i = from; i < to; i++) {
      let code = text.charCodeAt(i);
      const folded = fold[code]!;
      if (folded !== 0) {
        if (folded === DROP) continue;
        code = folded;
      }
      rawAt[kept & ringMask] = i;
      kept++;
      // Follow failure links until a state has a transition on `code` (the root has one for every code).
      for (;;) {
        if (state === 0) {
          state = rootNext[code]!;
          break;
        }
        let target = 0;
        if (childCount[state] === 1) {
          if (onlyCode[state] === code) target = onlyTarget[state]!;
        } else {
          for (let slot = hash(state, code) & mask; ; slot = (slot + 1) & mask) {
            const found = keyState[slot]!;
            if (found === state && keyCode[slot] === code) {
              target = values[slot]!;
              break;
            }
            if (found === EMPTY_SLOT) break;
          }
        }
        if (target !== 0) {
          state = target;
          break;
        }
        state = fail[state]!;
      }
      if (state === 0) continue;
      // Patterns ending here, longest first; per start only the longest that passes its rules counts.
      for (let hit = output[state]! !== -1 ? state : dictLink[state]!; hit !== -1; hit = dictLink[hit]!) {
        const pattern = output[hit]!;
        const start = kept - patternLength[pattern]!;
        const slot = start & ringMask;
        if (candidateEnd[slot]! >= kept) continue;
        const entry = patternEntry[pattern]!;
        const rawStart = rawAt[slot]!;
        if (hasBoundaryRules && !this.passesBoundary(text, entry, rawStart, i + 1)) continue;
        candidateEnd[slot] = kept;
        if (start > lastCandidateStart) lastCandidateStart = start;
        candidateRawStart[slot] = rawStart;
        candidateRawEnd[slot] = i + 1;
        candidateEntry[slot] = entry;
      }
    }
    this.kept = kept;
    this.state = state;
    this.lastCandidateStart = lastCandidateStart;
  }

  /**
   * Walks positions up to `limit`: keeps each one's candidate unless a kept match overlaps it; clears
   * the slots. Positions past the last candidate's start hold none and are not walked: most of a
   * page's characters start no term. (A CPU profile of the benchmark's article put a third of the
   * matching's samples in this walk; skipping saved 1–2 ms of main-thread CPU there, within noise.)
   */
  private select(limit: number, matches: TermMatch[]): void {
    const { candidateEnd } = this;
    const ringMask = candidateEnd.length - 1;
    const stop = Math.min(limit, this.lastCandidateStart + 1);
    for (let position = this.selectAt; position < stop; position++) {
      const slot = position & ringMask;
      const end = candidateEnd[slot]!;
      if (end === 0) continue;
      if (position >= this.reachedEnd) {
        matches.push({
          start: this.candidateRawStart[slot]!,
          end: this.candidateRawEnd[slot]!,
          entry: this.candidateEntry[slot]!,
        });
        this.reachedEnd = end;
      }
      candidateEnd[slot] = 0;
    }
    this.selectAt = limit;
  }

  /** `notAfter` / `notBefore`: the kept (folded) characters right before and after a candidate. */
  private passesBoundary(text: string, entry: number, rawStart: number, rawEnd: number): boolean {
    const before = this.notAfter[entry];
    if (before && before.has(this.keptCodeAt(text, rawStart - 1, -1))) return false;
    const after = this.notBefore[entry];
    if (after && after.has(this.keptCodeAt(text, rawEnd, 1))) return false;
    return true;
  }

  /** The first character from `index` on (stepping by `step`) that folding keeps, folded; -1 at the text's edge. */
  private keptCodeAt(text: string, index: number, step: 1 | -1): number {
    for (let i = index; i >= 0 && i < text.length; i += step) {
      const code = text.charCodeAt(i);
      const folded = this.fold[code]!;
      if (folded === DROP) continue;
      return folded === 0 ? code : folded;
    }
    return -1;
  }

  /** A `needsFamily` member stays only when its family or a sibling is matched in the same segment of text. */
  private hasFamilyNearby(text: string, all: readonly TermMatch[], position: number): boolean {
    const match = all[position]!;
    const family = this.index.entries[match.entry]!.family;
    const segmentStart = text.lastIndexOf(SEGMENT_BREAK, match.start) + 1;
    const breakAfter = text.indexOf(SEGMENT_BREAK, match.end);
    const segmentEnd = breakAfter === -1 ? text.length : breakAfter;
    const isKin = (other: TermMatch): boolean => {
      const entry = this.index.entries[other.entry]!;
      return entry.id === family || (family !== null && entry.family === family);
    };
    for (let i = position - 1; i >= 0 && all[i]!.start >= segmentStart; i--) if (isKin(all[i]!)) return true;
    for (let i = position + 1; i < all.length && all[i]!.start < segmentEnd; i++) if (isKin(all[i]!)) return true;
    return false;
  }
}

/**
 * The index with its automaton prebuilt (`compiled`), for pages to load instead of building it. The
 * bundled index is compiled at build time; an index with the reader's own entries, by the
 * background, once per change.
 */
export function withCompiledForms(index: MatchIndex): MatchIndex {
  return index.compiled ? index : { ...index, compiled: new TermMatcher(index).compiled() };
}
