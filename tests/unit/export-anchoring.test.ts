import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor, QUOTE_CONTEXT_LENGTH, quoteSelector, selectorsFor } from '../../src/core/export/anchoring';

const SPEECH = '坚持稳中求进工作总基调。做好六稳工作，落实六保任务。今年要继续做好六稳工作，确保经济运行在合理区间。';

describe('quote selectors', () => {
  it('hold the exact text and at most 32 characters either side', () => {
    const text = 'a'.repeat(40) + 'QUOTE' + 'b'.repeat(40);
    expect(quoteSelector(text, 40, 45)).toEqual({ exact: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
    expect(quoteSelector('xQy', 1, 2)).toEqual({ exact: 'Q', prefix: 'x', suffix: 'y' });
  });

  it('do NOT cut a surrogate pair in half at the edge of the context', () => {
    const text = `${'😀'.repeat(20)}X${'😀'.repeat(20)}`;
    const start = text.indexOf('X');
    const { prefix, suffix } = quoteSelector(text, start, start + 1);
    expect(prefix.isWellFormed()).toBe(true);
    expect(suffix.isWellFormed()).toBe(true);
  });
});

describe('anchoring', () => {
  const second = SPEECH.lastIndexOf('六稳');
  const selectors = selectorsFor(SPEECH, second, second + 2);

  it('uses the stored position when the text there is unchanged', () => {
    expect(anchor(SPEECH, selectors)).toEqual({ start: second, end: second + 2 });
  });

  it('finds the same occurrence among several after text is inserted before it', () => {
    const edited = `前言。${SPEECH}`;
    expect(anchor(edited, selectors)).toEqual({ start: second + 3, end: second + 5 });
  });

  it('prefers the occurrence whose surroundings match, even when the position points at another', () => {
    const first = SPEECH.indexOf('六稳');
    const misleading = { quote: selectors.quote, position: { start: first, end: first + 2 } };
    expect(anchor(SPEECH, misleading)).toEqual({ start: second, end: second + 2 });
  });

  it('tolerates a small edit in the surroundings when choosing between occurrences', () => {
    const edited = SPEECH.replace('今年要继续', '今年继续');
    expect(anchor(edited, { quote: selectors.quote })).toEqual({ start: second - 1, end: second + 1 });
  });

  it('finds a slightly edited quote by its smallest edit distance', () => {
    const start = SPEECH.indexOf('确保经济运行在合理区间');
    const quoted = selectorsFor(SPEECH, start, start + '确保经济运行在合理区间'.length);
    const edited = SPEECH.replace('确保经济运行在合理区间', '确保经济运行于合理区间');
    expect(anchor(edited, quoted)).toEqual({ start, end: start + '确保经济运行于合理区间'.length });
  });

  it('does NOT anchor a quote that was rewritten beyond 20% of its length: it is an orphan', () => {
    const start = SPEECH.indexOf('确保经济运行在合理区间');
    const quoted = selectorsFor(SPEECH, start, start + 11);
    const edited = SPEECH.replace('确保经济运行在合理区间', '保证宏观大盘总体稳定');
    expect(anchor(edited, quoted)).toBeNull();
  });

  it('does NOT anchor a short quote fuzzily (one edit in two characters is another word)', () => {
    expect(anchor('做好六保工作', { quote: { exact: '六稳', prefix: '做好', suffix: '工作' } })).toBeNull();
  });

  it('does NOT anchor an empty quote', () => {
    expect(anchor(SPEECH, { quote: { exact: '', prefix: '', suffix: '' } })).toBeNull();
  });

  it('finds a one-character quote among 100,000 occurrences by its stored position and context', () => {
    const text = `${'的'.repeat(50_000)}X${'的'.repeat(50_000)}`;
    const edited = `前${text}`;
    // Only the copies within 32 characters of X have a context of their own.
    const near = text.indexOf('X') + 3;
    expect(anchor(edited, selectorsFor(text, near, near + 1))).toEqual({ start: near + 1, end: near + 2 });
  });

  it('bounds the fuzzy search on a long text without a position (orphan rather than a hang)', () => {
    const long = '某'.repeat(2_000_000);
    expect(anchor(long, { quote: { exact: '确保经济运行在合理区间', prefix: '', suffix: '' } })).toBeNull();
  });
});

/**
 * Random text whose characters are all different (CJK), and edits made of ASCII letters: a span
 * is then unique, so "the same span" has one right answer even after the edit.
 */
const distinctText = fc
  .uniqueArray(fc.integer({ min: 0x4e00, max: 0x9fff }), { minLength: 2, maxLength: 300 })
  .map((codes) => String.fromCharCode(...codes));
const longDistinctText = fc
  .uniqueArray(fc.integer({ min: 0x4e00, max: 0x9fff }), { minLength: 2 * QUOTE_CONTEXT_LENGTH + 2, maxLength: 300 })
  .map((codes) => String.fromCharCode(...codes));
const insertion = fc.string({ unit: fc.constantFrom(...'abcdefghij'), minLength: 1, maxLength: 3 });

const spanIn = (text: string) =>
  fc
    .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 20 }))
    .map(([start, length]) => ({ start, end: Math.min(text.length, start + length) }));

type Edit = { kind: 'insert' | 'delete' | 'replace'; before: boolean; at: number; text: string; length: number };

/** Applies the edit and returns the text and where the span moved. */
function applyEdit(text: string, span: { start: number; end: number }, edit: Edit) {
  const removed = edit.kind === 'insert' ? 0 : edit.length;
  const inserted = edit.kind === 'delete' ? '' : edit.text;
  const edited = text.slice(0, edit.at) + inserted + text.slice(edit.at + removed);
  const shift = edit.before ? inserted.length - removed : 0;
  return { edited, moved: { start: span.start + shift, end: span.end + shift } };
}

/** An edit of 1–3 characters wholly before or wholly after the span. */
function editOutside(text: string, span: { start: number; end: number }) {
  return fc
    .record({
      kind: fc.constantFrom<Edit['kind']>('insert', 'delete', 'replace'),
      before: fc.boolean(),
      offset: fc.nat(),
      text: insertion,
      length: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ kind, before, offset, text: inserted, length }): Edit | null => {
      const removed = kind === 'insert' ? 0 : length;
      const [from, to] = before ? [0, span.start - removed] : [span.end, text.length - removed];
      if (to < from) return null;
      return { kind, before, at: from + (offset % (to - from + 1)), text: inserted, length };
    });
}

describe('anchoring (properties)', () => {
  it('anchoring the selectors of any span of a text returns that span', () => {
    fc.assert(
      fc.property(
        distinctText.chain((text) => fc.tuple(fc.constant(text), spanIn(text))),
        ([text, span]) => {
          expect(anchor(text, selectorsFor(text, span.start, span.end))).toEqual(span);
        },
      ),
    );
  });

  it('after a small edit outside the span, anchoring returns the moved span', () => {
    fc.assert(
      fc.property(
        distinctText
          .chain((text) => fc.tuple(fc.constant(text), spanIn(text)))
          .chain(([text, span]) => fc.tuple(fc.constant(text), fc.constant(span), editOutside(text, span))),
        ([text, span, edit]) => {
          fc.pre(edit !== null);
          const { edited, moved } = applyEdit(text, span, edit);
          expect(anchor(edited, selectorsFor(text, span.start, span.end))).toEqual(moved);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('picks the right copy of a repeated quote after a small edit elsewhere', () => {
    // A + q + B + q + C: the quote occurs twice and only its 32 characters of context tell the
    // copies apart (with less context than the edit is long, no rule could).
    fc.assert(
      fc.property(
        fc
          .tuple(longDistinctText, fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.nat())
          .map(([text, length, pickSecond, offset]) => {
            const quote = 'ABCDEFG'.slice(0, length);
            const cut = QUOTE_CONTEXT_LENGTH + (offset % (text.length - 2 * QUOTE_CONTEXT_LENGTH));
            const withCopies = text.slice(0, cut) + quote + text.slice(cut, cut + 1) + quote + text.slice(cut + 1);
            const start = pickSecond ? cut + quote.length + 1 : cut;
            return { text: withCopies, span: { start, end: start + quote.length } };
          })
          .chain(({ text, span }) => fc.tuple(fc.constant(text), fc.constant(span), editOutside(text, span))),
        ([text, span, edit]) => {
          fc.pre(edit !== null);
          const { edited, moved } = applyEdit(text, span, { ...edit, text: edit.text.replace(/[a-g]/g, 'x') });
          expect(anchor(edited, selectorsFor(text, span.start, span.end))).toEqual(moved);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('after one character of a long span is replaced, anchoring still returns the span (fuzzy)', () => {
    fc.assert(
      fc.property(
        longDistinctText.chain((text) =>
          fc.tuple(
            fc.constant(text),
            fc
              .nat({ max: text.length - 10 })
              .chain((start) =>
                fc.tuple(fc.constant(start), fc.integer({ min: start + 10, max: Math.min(text.length, start + 40) })),
              ),
            fc.nat(),
          ),
        ),
        ([text, [start, end], offset]) => {
          const at = start + (offset % (end - start));
          const edited = `${text.slice(0, at)}x${text.slice(at + 1)}`;
          expect(anchor(edited, selectorsFor(text, start, end))).toEqual({ start, end });
        },
      ),
      { numRuns: 300 },
    );
  });
});
