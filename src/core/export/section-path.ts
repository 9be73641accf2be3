/**
 * Which outline sections contain an offset of the main text: the chain of headings ("marker+title"),
 * outermost first. A heading opens a section at its start offset and closes every open section of
 * the same or a deeper level, exactly as the outline nests them.
 */

export interface PlacedHeading {
  level: number;
  marker: string;
  title: string;
  /** UTF-16 offset of the heading's first character in the main text. */
  start: number;
}

export type SectionLookup = (offset: number) => string[];

/** Precomputes each heading's chain once, so looking up 10,000 highlights is a binary search each. */
export function sectionLookup(headings: readonly PlacedHeading[]): SectionLookup {
  const sorted = [...headings].sort((a, b) => a.start - b.start);
  const chains: string[][] = [];
  let open: PlacedHeading[] = [];
  for (const heading of sorted) {
    open = [...open.filter((outer) => outer.level < heading.level), heading];
    chains.push(open.map((placed) => placed.marker + placed.title));
  }
  return (offset) => {
    const index = lastAtOrBefore(sorted, offset);
    return index === -1 ? [] : [...(chains[index] ?? [])];
  };
}

/** Index of the last heading starting at or before `offset`, or -1. */
function lastAtOrBefore(sorted: readonly PlacedHeading[], offset: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
