/**
 * A short made-up text that takes every path of the matcher's scan, selection and rules: a page
 * matches it once, before its own text, at the start of its first pass (TermMatcher.prime, counted
 * in the pass's matching).
 *
 * Why: V8 compiles the scan's loop while it runs the page's first text (on stack replacement), from
 * the type feedback gathered so far. A page that begins with site chrome (a logo, a menu) has found
 * no term by then, so the compiled loop knows nothing of the code that records a term, and leaves
 * for the interpreter at the first term it meets ("insufficient type feedback"). In Chromium 156
 * the compiled loop was entered again at the next call and left again: in 5 of 30 loads of the
 * benchmark's article with nothing attached, 189–364 times per load (`--js-flags=--trace-deopt`),
 * the rest of each call at the interpreter's speed; with this text matched first, in none of 58.
 * Matching it costs about half a millisecond cold in Node; in the page its first call also compiles
 * the matcher's functions, as the page's first chunk did before.
 */
import type { MatchIndex } from './match-index';
import { SEGMENT_BREAK } from './segment-break';

/**
 * Text before the terms: V8 gives a function its feedback vector only after running it for a while
 * (lazy feedback allocation), and what runs before that records nothing.
 */
const LEAD_IN = 'x'.repeat(64);
/** What separates the terms: punctuation, quotes and white space (dropped by folding), a block's end. */
const SEPARATORS = ['，', '“', '”', ' ', '\n', SEGMENT_BREAK, 'xx'];
/** Plain terms: enough to step through the automaton's kinds of states (one child, several, failure links). */
const PLAIN_TERMS = 24;
/** Longer forms are left out (a reader's own glossary may hold long ones): the primer stays short. */
const MAX_FORM_LENGTH = 16;

export function primerText(index: MatchIndex): string {
  const parts: string[] = [LEAD_IN];
  const add = (text: string): void => {
    parts.push(text, SEPARATORS[parts.length % SEPARATORS.length]!);
  };
  // A Traditional character (folded before matching), when the index has any.
  if (index.foldPairs.length >= 2) add(index.foldPairs[0]!);
  const firstForm = new Map<number, string>();
  for (const [form, entry] of index.forms)
    if (form.length <= MAX_FORM_LENGTH && !firstForm.has(entry)) firstForm.set(entry, form);
  let plain = 0;
  let notAfter = false;
  let notBefore = false;
  let needsFamily = false;
  for (const [entry, form] of firstForm) {
    const { boundary: rule, family } = index.entries[entry]!;
    if (!rule) {
      if (plain++ < PLAIN_TERMS) add(form);
      continue;
    }
    // One rule of each kind, passed and failed.
    if (rule.notAfter && !notAfter) {
      notAfter = true;
      add(form);
      add(rule.notAfter[0]! + form);
    }
    if (rule.notBefore && !notBefore) {
      notBefore = true;
      add(form);
      add(form + rule.notBefore[0]!);
    }
    if (rule.needsFamily && family !== null && !needsFamily) {
      // Once alone in its block (dropped), once beside a sibling or the family itself (kept).
      const kin = index.entries.findIndex((other, at) => at !== entry && (other.id === family || other.family === family));
      if (kin === -1) continue;
      needsFamily = true;
      add(`${SEGMENT_BREAK}${form}${SEGMENT_BREAK}`);
      add(`${form}、${index.entries[kin]!.term}`);
    }
  }
  // A term split by a dropped character, and overlapping terms (failure links).
  const [first, second] = [...firstForm.values()];
  if (first && first.length >= 2) add(`${first[0]}“${first.slice(1)}`);
  if (first && second) add(first + second + first);
  return parts.join('');
}
