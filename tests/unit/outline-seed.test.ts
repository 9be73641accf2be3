import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectOutline, textToBlocks } from '../../src/core/outline';
import { extractOutlineBlocks } from '../../src/dom/outline-blocks';
import { fixture, outlineOfHtml, outlineOfText, SEED_OUTLINE } from './outline-helpers';

describe('the outline of the seed speech', () => {
  it('is the three parts with their (一)(二)(三) and 第一/第二/第三 children, titles as written', () => {
    expect(outlineOfText(fixture('seed-speech.txt'))).toEqual(SEED_OUTLINE);
  });

  it('does NOT list the 一是/二是 items that run inside the (一)(二)(三) paragraphs', () => {
    const titles = detectOutline(textToBlocks(fixture('seed-speech.txt'))).map((heading) => heading.marker);
    expect(titles.filter((marker) => marker.endsWith('是'))).toEqual([]);
  });

  it('points every heading at the line it opens', () => {
    const blocks = textToBlocks(fixture('seed-speech.txt'));
    for (const heading of detectOutline(blocks)) {
      expect(blocks[heading.block]!.text.startsWith(heading.marker + heading.title)).toBe(true);
    }
  });

  it('is the same for the demo page in its news-site layout, read through outline-blocks under linkedom', () => {
    expect(outlineOfHtml(fixture('demo-speech.html'))).toEqual(SEED_OUTLINE);
  });

  it('does NOT take the demo page’s sidebar list 一、二、三、 or its <h1> page title as sections', () => {
    const { document } = parseHTML(fixture('demo-speech.html'));
    const blocks = extractOutlineBlocks(document);
    const headings = detectOutline(blocks);
    const elements = headings.map((heading) => blocks[heading.block]!.element);
    expect(elements.every((element) => element.closest('aside') === null)).toBe(true);
    expect(headings.some((heading) => blocks[heading.block]!.tag === 'h1')).toBe(false);
  });

  it('gives each demo heading the element it came from, for scrolling to it', () => {
    const { document } = parseHTML(fixture('demo-speech.html'));
    const blocks = extractOutlineBlocks(document);
    const first = detectOutline(blocks)[0]!;
    expect(blocks[first.block]!.element.tagName.toLowerCase()).toBe('p');
    expect(blocks[first.block]!.element.textContent).toBe('一、总结,我们要客观');
  });
});
