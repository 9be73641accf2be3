/** One block of the page (or of a text file) in reading order: the outline's input. */
export interface OutlineBlock {
  /** The block's text as written (indentation and all). */
  text: string;
  /**
   * Lowercase tag of the block element; 'p' for plain-text lines. Blocks quoted from elsewhere
   * (inside <blockquote>) report 'blockquote', table cells 'td'/'th': neither is the document's own
   * structure.
   */
  tag: string;
  /** 1–6 for <h1>–<h6>, else null. */
  headingLevel: number | null;
  /** The block's first non-space text is bold (<b>, <strong>, font-weight ≥ 700). */
  startsBold: boolean;
  /** False for navigation, sidebars, comments, footers: never part of the outline. */
  inMain: boolean;
}

/** One heading of the outline. */
export interface Heading {
  /** Depth, 1 = top. */
  level: number;
  /** The numbering as written: '一、', '（一）', '(一)', '1.', '第一,', '一是'; '' for <h1>–<h6> and bold leads without one. */
  marker: string;
  /** The words after the marker up to the first 。！？ or the end of the line, as written. */
  title: string;
  /** Index into the blocks passed to detectOutline. */
  block: number;
}
