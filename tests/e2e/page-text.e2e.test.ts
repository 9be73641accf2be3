/**
 * The page reader (src/dom/page-text.ts) against a plain recursive reference, on random DOM trees in
 * real Chromium: the same blocks, with the same block elements and the same reading text. Trees
 * large enough to span several chunks exercise where the reader stops and resumes.
 */
import { build } from 'esbuild';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, useExtensionBrowser } from './harness';

const e2e = useExtensionBrowser(
  { '/blank.html': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>t</title><body></body>' } },
  { withExtension: false },
);
let page: Page;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(ROOT, 'src/dom/page-text.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'PageText',
    target: 'chrome120',
  });
  page = await e2e.browser.context.newPage();
  await page.goto(e2e.server.url('/blank.html'));
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
});

const BLOCKS = ['p', 'div', 'li', 'h2', 'section', 'blockquote'];
const INLINES = ['b', 'span', 'a', 'em', 'font'];
const SKIPPED = ['script', 'textarea', 'code', 'style'];
const TEXT = fc
  .array(fc.constantFrom('六', '稳', '保', 'a', ' ', '\n', '\u3000'), { minLength: 1, maxLength: 6 })
  .map((chars) => chars.join(''));

interface Tree {
  tag: string;
  attribute: '' | ' hidden' | ' contenteditable="true"' | ' contenteditable="false"';
  children: Array<Tree | string>;
}

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.record({
    tag: fc.constantFrom(...BLOCKS, ...BLOCKS, ...INLINES, ...INLINES, ...INLINES, ...SKIPPED, 'br'),
    attribute: fc.constantFrom(
      '' as const,
      '' as const,
      '' as const,
      '' as const,
      ' hidden' as const,
      ' contenteditable="true"' as const,
      ' contenteditable="false"' as const,
    ),
    children: fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, TEXT, tie('node')), { maxLength: 4 }),
  }),
})).node;

let nextId = 0;
function html(node: Tree | string): string {
  if (typeof node === 'string') return node.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (node.tag === 'br') return '<br>';
  return `<${node.tag} data-id="${nextId++}"${node.attribute}>${node.children.map(html).join('')}</${node.tag}>`;
}

/** Blocks as (block element's id, reading text without white space): what matching sees. */
type Blocks = Array<[string, string]>;

async function readerAndReference(body: string): Promise<{ reader: Blocks; reference: Blocks }> {
  return page.evaluate((markup) => {
    // Parsed inert (scripts do not run), then moved into the page.
    const parsed = new DOMParser().parseFromString(`<!doctype html><body>${markup}`, 'text/html');
    document.body.replaceChildren(...parsed.body.childNodes);
    const id = (element: Element): string => element.getAttribute('data-id') ?? element.localName;
    const squeeze = (text: string): string => text.replace(/[\s\u3000]/g, '');
    const blocks = (
      window as unknown as {
        PageText: {
          collectBlocks: (root: Node) => Array<{ text: string; container: Element; nodes: Text[]; starts: number[] }>;
        };
      }
    ).PageText.collectBlocks(document.body);
    const reader = blocks.map((block): [string, string] => [id(block.container), squeeze(block.text)]);
    // Each block maps back to its text nodes: node i's text sits at starts[i].
    for (const block of blocks) {
      const mapped = block.nodes
        .map((node, i) =>
          block.starts[i] === block.nodes.slice(0, i).reduce((sum, n) => sum + n.data.length, 0) ? node.data : '\u0001',
        )
        .join('');
      if (mapped !== block.text) reader.push(['bad node map', id(block.container)]);
    }

    // The reference: a recursive walk; a block is a run of non-blank text under the same block
    // element (white space joins the run it falls in), skipped subtrees are left out.
    const blockTags = new Set(['p', 'div', 'li', 'h2', 'section', 'blockquote', 'body', 'br']);
    const skippedTags = new Set(['script', 'textarea', 'code', 'style']);
    const skipped = (element: Element): boolean =>
      skippedTags.has(element.localName) ||
      element.hasAttribute('hidden') ||
      (element.getAttribute('contenteditable') !== null && element.getAttribute('contenteditable') !== 'false');
    const reference: Array<[string, string]> = [];
    let open: { container: Element; text: string } | null = null;
    const visit = (node: Node, container: Element): void => {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          const data = (child as Text).data;
          if (squeeze(data) === '') continue;
          if (!open || open.container !== container) {
            if (open) reference.push([id(open.container), squeeze(open.text)]);
            open = { container, text: '' };
          }
          open.text += data;
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const element = child as Element;
          if (!skipped(element)) visit(element, blockTags.has(element.localName) ? element : container);
        }
      }
    };
    visit(document.body, document.body);
    if (open) reference.push([id((open as { container: Element }).container), squeeze((open as { text: string }).text)]);
    return { reader, reference: reference.filter(([, text]) => text !== '') };
  }, body);
}

describe('reading the page', () => {
  it('finds the same blocks as a plain recursive walk, on random trees', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { maxLength: 6 }), async (forest) => {
        nextId = 0;
        const { reader, reference } = await readerAndReference(forest.map(html).join(''));
        expect(reader).toEqual(reference);
      }),
      { numRuns: 150 },
    );
  });

  it('finds the same blocks on trees of thousands of text nodes, read in several chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 800, maxLength: 1500 }), async (forest) => {
        nextId = 0;
        const { reader, reference } = await readerAndReference(forest.map(html).join(''));
        expect(reader).toEqual(reference);
      }),
      { numRuns: 8 },
    );
  });

  it('reads open shadow roots found in the page structure, not those inside running text', async () => {
    const texts = await page.evaluate(() => {
      const markup =
        '<div id="a"></div>' +
        '<div class="leaf"><span id="b"></span>正文</div>' +
        '<section><x-wrap><x-card id="c"></x-card></x-wrap><p>段落</p></section>' +
        '<section><p>段落</p><span id="d"></span></section>' +
        '<div>散文字<div id="e"></div><p>段落</p></div>' +
        '<p>段落<span id="f"></span></p>';
      const parsed = new DOMParser().parseFromString(`<!doctype html><body>${markup}`, 'text/html');
      document.body.replaceChildren(...parsed.body.childNodes);
      for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) {
        const paragraph = document.createElement('p');
        paragraph.textContent = `影子${id}`;
        document.getElementById(id)!.attachShadow({ mode: 'open' }).append(paragraph);
      }
      const { collectBlocks } = (window as unknown as { PageText: { collectBlocks: (root: Node) => Array<{ text: string }> } })
        .PageText;
      return collectBlocks(document.body)
        .map((block) => block.text)
        .filter((text) => text.startsWith('影子'))
        .sort();
    });
    expect(texts).toEqual(['影子a', '影子b', '影子c', '影子d', '影子e']);
  });
});
