/**
 * Approximate string matching for anchoring (Levenshtein costs: insert, delete, substitute = 1).
 * Two questions: how far is a stored context from the text beside a candidate (a few dozen
 * characters, so a plain table is cheap), and where in a long text does a slightly edited quote
 * occur (Sellers' algorithm: a pattern matched against any substring, O(pattern × text)).
 */

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The edits that turn `pattern` into the end of `text` (`text`'s leading characters are free):
 * how well a stored prefix matches the text before a candidate.
 */
export function costAgainstEnd(pattern: string, text: string): number {
  return alignmentCost(pattern, text, 'free-start');
}

/** The edits that turn `pattern` into the start of `text` (`text`'s trailing characters are free). */
export function costAgainstStart(pattern: string, text: string): number {
  return alignmentCost(pattern, text, 'free-end');
}

function alignmentCost(pattern: string, text: string, free: 'free-start' | 'free-end'): number {
  const m = pattern.length;
  const n = text.length;
  // column[i]: cost of pattern[0, i) against text up to the current position.
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) previous[i] = i;
  let best = free === 'free-end' ? previous[m]! : Infinity;
  for (let j = 1; j <= n; j++) {
    current[0] = free === 'free-start' ? 0 : j;
    const textChar = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const substitute = previous[i - 1]! + (pattern.charCodeAt(i - 1) === textChar ? 0 : 1);
      current[i] = Math.min(substitute, previous[i]! + 1, current[i - 1]! + 1);
    }
    if (free === 'free-end') best = Math.min(best, current[m]!);
    [previous, current] = [current, previous];
  }
  return free === 'free-end' ? best : previous[m]!;
}

/**
 * Substrings of `text` within `maxErrors` edits of `pattern`, keeping only those with the fewest
 * errors (at most `limit` of them). Offsets are relative to `text`.
 */
export function bestApproximateMatches(pattern: string, text: string, maxErrors: number, limit = 100): ApproximateMatch[] {
  const m = pattern.length;
  if (m === 0) return [];
  let previousCost = new Int32Array(m + 1);
  let currentCost = new Int32Array(m + 1);
  // Where the alignment ending in each cell started in `text`, carried along with the cost.
  let previousStart = new Int32Array(m + 1);
  let currentStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) previousCost[i] = i;
  let fewest = maxErrors;
  let matches: ApproximateMatch[] = [];
  for (let j = 1; j <= text.length; j++) {
    // Sellers: the match may start anywhere, so an empty pattern prefix costs nothing at any position.
    currentCost[0] = 0;
    currentStart[0] = j;
    const textChar = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const diagonal = previousCost[i - 1]! + (pattern.charCodeAt(i - 1) === textChar ? 0 : 1);
      const skipText = previousCost[i]! + 1;
      const skipPattern = currentCost[i - 1]! + 1;
      if (diagonal <= skipText && diagonal <= skipPattern) {
        currentCost[i] = diagonal;
        currentStart[i] = previousStart[i - 1]!;
      } else if (skipText <= skipPattern) {
        currentCost[i] = skipText;
        currentStart[i] = previousStart[i]!;
      } else {
        currentCost[i] = skipPattern;
        currentStart[i] = currentStart[i - 1]!;
      }
    }
    const errors = currentCost[m]!;
    if (errors < fewest) {
      fewest = errors;
      matches = [];
    }
    if (errors === fewest && matches.length < limit) matches.push({ start: currentStart[m]!, end: j, errors });
    [previousCost, currentCost] = [currentCost, previousCost];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  return matches;
}
