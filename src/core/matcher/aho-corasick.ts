/**
 * An Aho–Corasick automaton over UTF-16 code units.
 *
 * Layout chosen for scan speed in plain JS: the root's transitions are a dense 64K table (most
 * characters of a page lead back to the root, so the hot path is one typed-array load), deeper
 * transitions live in one Map keyed by `state * 65536 + code`. Failure transitions are resolved
 * while scanning (classic AC), and each state knows the longest pattern ending there plus a link
 * to the next shorter pattern that is a suffix ("dictionary suffix link").
 */

export interface AutomatonMatch {
  /** Offset of the first code unit, in the scanned sequence. */
  start: number;
  /** Offset just past the last code unit. */
  end: number;
  /** Index of the pattern in the list the automaton was built from. */
  pattern: number;
}

export class AhoCorasick {
  private readonly rootNext = new Int32Array(65536).fill(0);
  private readonly next = new Map<number, number>();
  private readonly fail: Int32Array;
  /** Pattern index ending at each state, or -1. */
  private readonly output: Int32Array;
  /** Next state on the failure chain that ends a pattern, or -1. */
  private readonly dictLink: Int32Array;
  private readonly patternLength: Int32Array;

  constructor(patterns: readonly string[]) {
    const fail: number[] = [0];
    const output: number[] = [-1];
    const depth: number[] = [0];
    let stateCount = 1;
    this.patternLength = new Int32Array(patterns.length);

    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error(`pattern ${index} is empty`);
      this.patternLength[index] = pattern.length;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let target = this.step(state, code);
        if (target === 0) {
          target = stateCount++;
          fail.push(0);
          output.push(-1);
          depth.push(depth[state]! + 1);
          if (state === 0) this.rootNext[code] = target;
          else this.next.set(state * 65536 + code, target);
        }
        state = target;
      }
      // The first pattern wins when two patterns are equal after normalisation.
      if (output[state] === -1) output[state] = index;
    });

    // Breadth-first: a state's failure is the longest proper suffix that is also a trie path.
    const children = new Map<number, Array<[number, number]>>();
    for (let code = 0; code < 65536; code++) {
      const target = this.rootNext[code]!;
      if (target !== 0) push(children, 0, [code, target]);
    }
    for (const [key, target] of this.next) push(children, Math.floor(key / 65536), [key % 65536, target]);

    this.fail = new Int32Array(stateCount);
    this.output = Int32Array.from(output);
    this.dictLink = new Int32Array(stateCount).fill(-1);
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, child] of children.get(state) ?? []) {
        if (state !== 0) {
          let f = this.fail[state]!;
          while (f !== 0 && this.step(f, code) === 0) f = this.fail[f]!;
          const viaFail = this.step(f, code);
          this.fail[child] = viaFail === child ? 0 : viaFail;
        }
        const f = this.fail[child]!;
        this.dictLink[child] = this.output[f] !== -1 ? f : this.dictLink[f]!;
        queue.push(child);
      }
    }
    this.stateCount = stateCount;
  }

  readonly stateCount: number;

  private step(state: number, code: number): number {
    return state === 0 ? this.rootNext[code]! : (this.next.get(state * 65536 + code) ?? 0);
  }

  /**
   * Calls `onMatch(start, end, pattern)` for every occurrence of every pattern in `codes[0, length)`,
   * in order of `end`; at one end, longer patterns come first.
   */
  scan(codes: Uint16Array, length: number, onMatch: (start: number, end: number, pattern: number) => void): void {
    const { rootNext, next, fail, output, dictLink, patternLength } = this;
    let state = 0;
    for (let i = 0; i < length; i++) {
      const code = codes[i]!;
      if (state === 0) {
        state = rootNext[code]!;
        if (state === 0) continue;
      } else {
        let target = next.get(state * 65536 + code);
        while (target === undefined) {
          state = fail[state]!;
          if (state === 0) {
            target = rootNext[code]!;
            break;
          }
          target = next.get(state * 65536 + code);
        }
        state = target;
        if (state === 0) continue;
      }
      let hit = output[state]! !== -1 ? state : dictLink[state]!;
      while (hit !== -1) {
        const pattern = output[hit]!;
        onMatch(i + 1 - patternLength[pattern]!, i + 1, pattern);
        hit = dictLink[hit]!;
      }
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
