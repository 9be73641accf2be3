/**
 * An Aho–Corasick automaton over UTF-16 code units.
 *
 * Laid out for plain-JS speed, both to build (in cold code: at build time, in the background, in the
 * CLI; a page loads it prebuilt, see AutomatonTables) and to scan:
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

/**
 * The automaton as plain, JSON-safe data: built once elsewhere (at build time, or by the background
 * for the reader's own glossaries) and loaded by each page without building it again (building cost
 * 11–40 ms of a page's main thread, cold code on every page with Chinese text; loading, 4–7 ms).
 * Sparse tables are flat pairs; the transition hash is kept as the transitions of states with
 * several children, the only ones looked up in it.
 */
export interface AutomatonTables {
  stateCount: number;
  maxPatternLength: number;
  patternLength: number[];
  /** The root's transitions: code, target, code, target … */
  root: number[];
  /** Per state (stateCount long). */
  childCount: number[];
  onlyCode: number[];
  onlyTarget: number[];
  fail: number[];
  /** State, pattern … for each state that ends a pattern. */
  output: number[];
  /** State, link … for each state with a dictionary suffix link. */
  dictLink: number[];
  /** State, code, target … for each transition of a state with several children. */
  branches: number[];
}

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

  /** Builds the automaton over `patterns`, or loads one built before (`toTables`). */
  constructor(source: readonly string[] | AutomatonTables) {
    if (!Array.isArray(source)) {
      const tables = source as AutomatonTables;
      const capacity = hashCapacity(tables.branches.length / 3);
      this.keyState = new Int32Array(capacity).fill(EMPTY);
      this.keyCode = new Int32Array(capacity);
      this.values = new Int32Array(capacity);
      this.mask = capacity - 1;
      const { branches, root } = tables;
      for (let i = 0; i < branches.length; i += 3) this.putTransition(branches[i]!, branches[i + 1]!, branches[i + 2]!);
      for (let i = 0; i < root.length; i += 2) this.rootNext[root[i]!] = root[i + 1]!;
      this.childCount = Int32Array.from(tables.childCount);
      this.onlyCode = Int32Array.from(tables.onlyCode);
      this.onlyTarget = Int32Array.from(tables.onlyTarget);
      this.fail = Int32Array.from(tables.fail);
      this.output = fromPairs(tables.output, tables.stateCount);
      this.dictLink = fromPairs(tables.dictLink, tables.stateCount);
      this.patternLength = Int32Array.from(tables.patternLength);
      this.stateCount = tables.stateCount;
      this.maxPatternLength = tables.maxPatternLength;
      return;
    }
    const patterns = source as readonly string[];
    let maxStates = 1;
    for (const pattern of patterns) maxStates += pattern.length;
    const capacity = hashCapacity(maxStates);
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

  /** The automaton as plain data (see AutomatonTables), to be loaded with `new AhoCorasick(tables)`. */
  toTables(): AutomatonTables {
    const { stateCount, childCount } = this;
    const root: number[] = [];
    this.rootNext.forEach((target, code) => {
      if (target !== 0) root.push(code, target);
    });
    const branches: number[] = [];
    this.keyState.forEach((state, slot) => {
      if (state !== EMPTY && childCount[state]! > 1) branches.push(state, this.keyCode[slot]!, this.values[slot]!);
    });
    return {
      stateCount,
      maxPatternLength: this.maxPatternLength,
      patternLength: [...this.patternLength],
      root,
      childCount: [...childCount.subarray(0, stateCount)],
      onlyCode: [...this.onlyCode.subarray(0, stateCount)],
      onlyTarget: [...this.onlyTarget.subarray(0, stateCount)],
      fail: [...this.fail],
      output: toPairs(this.output),
      dictLink: toPairs(this.dictLink),
      branches,
    };
  }

  private insert(state: number, code: number, target: number): void {
    if (this.childCount[state]!++ === 0) {
      this.onlyCode[state] = code;
      this.onlyTarget[state] = target;
    }
    this.putTransition(state, code, target);
  }

  private putTransition(state: number, code: number, target: number): void {
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

/** A power of two at least twice `entries`: the hash table stays at most half full. */
function hashCapacity(entries: number): number {
  let capacity = 16;
  while (capacity < entries * 2) capacity *= 2;
  return capacity;
}

/** Index, value pairs (values other than -1) … */
function toPairs(values: Int32Array): number[] {
  const pairs: number[] = [];
  values.forEach((value, index) => {
    if (value !== -1) pairs.push(index, value);
  });
  return pairs;
}

function fromPairs(pairs: readonly number[], length: number): Int32Array {
  const values = new Int32Array(length).fill(-1);
  for (let i = 0; i < pairs.length; i += 2) values[pairs[i]!] = pairs[i + 1]!;
  return values;
}

/** Multiplicative hashing of a (state, code) pair, in 32-bit integer arithmetic. */
export function hash(state: number, code: number): number {
  return Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
}
