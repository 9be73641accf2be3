/** Which headings contain a block: the section path shown next to a highlight. */
import type { Heading } from './types';

/** A heading as the document writes it: marker and title, e.g. '(一)守住底线,做好“保”的文章'. */
export function headingLabel(heading: Heading): string {
  return heading.marker + heading.title;
}

/**
 * For every block index below `blockCount`, the headings containing it, outermost first.
 * A heading's own block is inside that heading's section.
 */
export function sectionsByBlock(headings: readonly Heading[], blockCount: number): Heading[][] {
  const sections: Heading[][] = [];
  let open: Heading[] = [];
  let next = 0;
  for (let block = 0; block < blockCount; block++) {
    while (next < headings.length && headings[next]!.block === block) {
      const heading = headings[next]!;
      open = [...open.filter((outer) => outer.level < heading.level), heading];
      next++;
    }
    sections.push(open);
  }
  return sections;
}
