import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectOutline, textToBlocks, type OutlineBlock } from '../../src/core/outline';

const markerPieces = [
  '一、',
  '二、',
  '（一）',
  '(二)',
  '1.',
  '2．',
  '3、',
  '（1）',
  '①',
  '第一,',
  '第二，',
  '一是',
  '二是',
  '十一、',
  '1.4',
  '。',
  '\n',
  '\u3000',
  ' ',
];

/** Text made of markers, punctuation and Chinese: the inputs most likely to confuse the detector. */
const outlineishText = fc
  .array(fc.oneof(fc.constantFrom(...markerPieces), fc.string({ maxLength: 6 }), fc.constantFrom('总结', '目标', '工作')), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

const outlineBlock: fc.Arbitrary<OutlineBlock> = fc.record({
  text: fc.oneof(outlineishText, fc.string()),
  tag: fc.constantFrom('p', 'li', 'h2', 'td', 'blockquote', 'div'),
  headingLevel: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
  startsBold: fc.boolean(),
  inMain: fc.boolean(),
});

describe('detectOutline on arbitrary input', () => {
  it('never throws, and every heading points at a main-content block with a sane level', () => {
    fc.assert(
      fc.property(fc.array(outlineBlock, { maxLength: 60 }), (blocks) => {
        const headings = detectOutline(blocks);
        let previousBlock = -1;
        for (const heading of headings) {
          expect(blocks[heading.block]?.inMain).toBe(true);
          expect(heading.block).toBeGreaterThan(previousBlock);
          expect(heading.level).toBeGreaterThanOrEqual(1);
          previousBlock = heading.block;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same blocks give the same outline', () => {
    fc.assert(
      fc.property(fc.array(outlineBlock, { maxLength: 40 }), (blocks) => {
        expect(detectOutline(blocks)).toEqual(detectOutline(structuredClone(blocks)));
      }),
      { numRuns: 300 },
    );
  });

  it('never nests a heading more than one level below the one before it', () => {
    fc.assert(
      fc.property(fc.array(outlineishText, { maxLength: 60 }), (texts) => {
        let previousLevel = 0;
        for (const heading of detectOutline(textToBlocks(texts.join('\n')))) {
          expect(heading.level).toBeLessThanOrEqual(previousLevel + 1);
          previousLevel = heading.level;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('completes on 10,000 markers in one paragraph and on 10,000 marker lines', () => {
    const markers = Array.from({ length: 10_000 }, (_, index) => `（${index + 1}）第${index}项；`).join('');
    expect(detectOutline(textToBlocks(markers))).toEqual([]);
    const markerLines = Array.from({ length: 10_000 }, (_, index) => `${index % 3 === 0 ? '一、' : '（一）'}标题${index}`).join(
      '\n',
    );
    expect(Array.isArray(detectOutline(textToBlocks(markerLines)))).toBe(true);
    const huge = '一、'.repeat(100_000);
    expect(Array.isArray(detectOutline(textToBlocks(huge)))).toBe(true);
  });
});
