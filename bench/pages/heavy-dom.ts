/**
 * A heavy-DOM page: ~20,000 elements in a feed of small items, with glossary terms split across
 * inline elements (六<b>稳</b>, <font>, one span per character) the way CMS-pasted pages do. Tests
 * the walk and the offset mapping rather than the matcher.
 */
import { pick, seededRandom, type Random } from '../seeded-random';
import type { GeneratedPage } from './article';
import { escapeHtml, htmlDocument } from './html';
import type { SourceText } from './source-text';

const TARGET_ELEMENTS = 20_000;
/** html, head, meta ×2, title, style, body, main: the document's own elements. */
const DOCUMENT_ELEMENTS = 8;

/** Ways a term gets split over inline elements; each returns the HTML and how many elements it adds. */
const SPLITS: Array<(head: string, tail: string, random: Random) => [html: string, elements: number]> = [
  (head, tail) => [`${head}<b>${tail}</b>`, 1],
  (head, tail) => [`<font color="#c00">${head}</font>${tail}`, 1],
  (head, tail) => [`<span class="k">${head}</span><i>${tail}</i>`, 2],
  (head, tail) => {
    const chars = [...head, ...tail];
    return [chars.map((char) => `<span>${char}</span>`).join(''), chars.length];
  },
];

export function buildHeavyDom(source: SourceText, seed = 20240602): GeneratedPage {
  const random = seededRandom(seed);
  const terms = source.terms.filter((term) => term.length >= 2);
  const items: string[] = [];
  const blocks: string[] = [];
  let elements = DOCUMENT_ELEMENTS;
  for (let n = 0; elements < TARGET_ELEMENTS; n++) {
    const term = pick(terms, random);
    const cut = 1 + Math.floor(random() * (term.length - 1));
    const [split, splitElements] = pick(SPLITS, random)(escapeHtml(term.slice(0, cut)), escapeHtml(term.slice(cut)), random);
    const sentence = pick(source.sentences, random).slice(0, 40);
    const date = `2020-07-${String((n % 28) + 1).padStart(2, '0')}`;
    const title = pick(source.sentences, random).slice(0, 16);
    // div.item > div.head > (span.meta > font) + a, then p > em + split term + text: 7 elements + the split's.
    items.push(
      `<div class="item"><div class="head"><span class="meta"><font color="#999">${date}</font></span> <a href="/n/${n}">${escapeHtml(title)}</a></div>` +
        `<p><em>${escapeHtml(sentence.slice(0, 8))}</em>${escapeHtml(sentence.slice(8))}${split}${escapeHtml(pick(source.sentences, random).slice(0, 20))}</p></div>`,
    );
    blocks.push(date + title, sentence + term);
    elements += 7 + splitElements;
  }
  const html = htmlDocument({
    lang: 'zh-CN',
    title: '政务动态 - 信息列表',
    style: 'body{font:14px/1.6 sans-serif}.item{border-bottom:1px solid #eee;padding:4px 0}.head a{color:#14c}',
    body: `<main>${items.join('\n')}</main>`,
  });
  return { html, text: blocks.join('\n') };
}
