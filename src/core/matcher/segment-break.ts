/**
 * Separates independent texts searched in one call (the page's blocks): folding keeps it, no term
 * contains it, so no match spans it, and `needsFamily` looks for the family in the same segment only.
 */
export const SEGMENT_BREAK = '\u0000';
