/**
 * An Aho–Corasick automaton over UTF-16 code units.
 *
 * Laid out for plain-JS speed, both to build (it is built on every page that has Chinese text, in
 * cold code) and to scan:
 * - the root's transitions are a dense 64K table: most characters of a page lead back to the root,
 *   so the hot path is one typed-array load;
 * - a deeper state with one child (most of them) keeps that child's character and target beside
 *   it; states with several children use one open-addressing hash table of typed arrays keyed by
 *   (state, code) (no Map, no per-state objects);
 * - failure links are computed state by state in order of depth, from each state's parent and
 *   incoming character, without building child lists.
 * Each state knows the pattern ending there and a link to the next shorter pattern that is a suffix
 * of it ("dictionary suffix link").
 *
 * The tables are public: the term matcher (matcher.ts) steps them in its own loop, fused with
 * folding and selection (one pass, no callback per hit), the hottest code of a page load.
 */

const EMPTY = -1;

export class AhoCorasick {
  readonly rootNext = new Int32Array(65536);
  /**
   * Most states of a trie of Chinese terms have exactly one child: for them the transition is one
   * comparison (`onlyCode`/`onlyTarget`); only states with several children use the hash table.
   */
  readonly childCount: Int32Array;
  readonly onlyCode: Int32Array;
  readonly onlyTarget: Int32Array;
  /** Open-addressing hash table of (state, code) → target, for states with several children. */
  readonly keyState: Int32Array;
  readonly keyCode: Int32Array;
  readonly values: Int32Array;
  readonly mask: number;
  readonly fail: Int32Array;
  /** Pattern index ending at each state, or -1. */
  readonly output: Int32Array;
  /** Next state on the failure chain that ends a pattern, or -1. */
  readonly dictLink: Int32Array;
  readonly patternLength: Int32Array;
  readonly stateCount: number;
  readonly maxPatternLength: number;

  constructor(patterns: readonly string[]) {
    let maxStates = 1;
    for (const pattern of patterns) maxStates += pattern.length;
    let capacity = 16;
    while (capacity < maxStates * 2) capacity *= 2;
    this.keyState = new Int32Array(capacity).fill(EMPTY);
    this.keyCode = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.childCount = new Int32Array(maxStates);
    this.onlyCode = new Int32Array(maxStates).fill(-1);
    this.onlyTarget = new Int32Array(maxStates);

    const parent = new Int32Array(maxStates);
    const incoming = new Uint16Array(maxStates);
    const depth = new Int32Array(maxStates);
    const output = new Int32Array(maxStates).fill(-1);
    this.patternLength = new Int32Array(patterns.length);
    let stateCount = 1;
    let maxDepth = 0;

    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error(`pattern ${index} is empty`);
      this.patternLength[index] = pattern.length;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let target = this.step(state, code);
        if (target === 0) {
          target = stateCount++;
          parent[target] = state;
          incoming[target] = code;
          depth[target] = depth[state]! + 1;
          if (depth[target]! > maxDepth) maxDepth = depth[target]!;
          if (state === 0) this.rootNext[code] = target;
          else this.insert(state, code, target);
        }
        state = target;
      }
      // The first pattern wins when two patterns are equal after normalisation.
      if (output[state] === -1) output[state] = index;
    });

    // States ordered by depth (a counting sort), so a state's failure is computed after every
    // shallower state's: the failure of a state is always shallower than the state.
    const byDepthStart = new Int32Array(maxDepth + 2);
    for (let s = 1; s < stateCount; s++) byDepthStart[depth[s]! + 1]!++;
    for (let d = 1; d <= maxDepth + 1; d++) byDepthStart[d]! += byDepthStart[d - 1]!;
    const order = new Int32Array(stateCount);
    const fill = byDepthStart.slice();
    for (let s = 1; s < stateCount; s++) order[fill[depth[s]!]!++] = s;

    const fail = new Int32Array(stateCount);
    const dictLink = new Int32Array(stateCount).fill(-1);
    for (let k = 0; k < stateCount - 1; k++) {
      const s = order[k]!;
      const from = parent[s]!;
      if (from !== 0) {
        const code = incoming[s]!;
        let f = fail[from]!;
        while (f !== 0 && this.step(f, code) === 0) f = fail[f]!;
        fail[s] = this.step(f, code);
      }
      const f = fail[s]!;
      dictLink[s] = output[f] !== -1 ? f : dictLink[f]!;
    }
    this.fail = fail;
    this.output = output.slice(0, stateCount);
    this.dictLink = dictLink;
    this.stateCount = stateCount;
    this.maxPatternLength = maxDepth;
  }

  private insert(state: number, code: number, target: number): void {
    if (this.childCount[state]!++ === 0) {
      this.onlyCode[state] = code;
      this.onlyTarget[state] = target;
    }
    let slot = hash(state, code) & this.mask;
    while (this.keyState[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.keyState[slot] = state;
    this.keyCode[slot] = code;
    this.values[slot] = target;
  }

  /** The transition from a non-root state, or 0 when there is none. */
  private lookup(state: number, code: number): number {
    const children = this.childCount[state]!;
    if (children <= 1) return children === 1 && this.onlyCode[state] === code ? this.onlyTarget[state]! : 0;
    const { keyState, keyCode, mask } = this;
    let slot = hash(state, code) & mask;
    for (;;) {
      const found = keyState[slot]!;
      if (found === state && keyCode[slot] === code) return this.values[slot]!;
      if (found === EMPTY) return 0;
      slot = (slot + 1) & mask;
    }
  }

  private step(state: number, code: number): number {
    return state === 0 ? this.rootNext[code]! : this.lookup(state, code);
  }
}

/** Multiplicative hashing of a (state, code) pair, in 32-bit integer arithmetic. */
export function hash(state: number, code: number): number {
  return Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
}
