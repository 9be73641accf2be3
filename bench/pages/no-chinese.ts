/**
 * A ~1 MB English news page with no Han character anywhere: what PolicyLens costs on the pages most
 * readers visit most of the time (it should stop at the cheap language check).
 */
import { pick, seededRandom } from '../seeded-random';
import type { GeneratedPage } from './article';
import { escapeHtml, htmlDocument, TextBudget } from './html';

const TARGET_TEXT_BYTES = 1_000_000;

const WORDS = (
  'the government said on monday that economic growth in the second quarter was stronger than expected ' +
  'as exports recovered and consumer spending rose while officials warned that risks remain from weak ' +
  'global demand property markets local debt and the pace of job creation for young graduates in cities ' +
  'analysts expect the central bank to keep interest rates steady and support lending to small firms ' +
  'manufacturers reported new orders investment in infrastructure and technology continued to increase'
).split(' ');

export function buildNoChinese(seed = 20240603): GeneratedPage {
  const random = seededRandom(seed);
  const budget = new TextBudget(TARGET_TEXT_BYTES);
  const blocks: string[] = [];
  const sentence = (): string => {
    const length = 8 + Math.floor(random() * 16);
    const words = Array.from({ length }, () => pick(WORDS, random));
    return `${words.join(' ').replace(/^./, (first) => first.toUpperCase())}. `;
  };
  const parts: string[] = [
    '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header><article>',
  ];
  parts.push('<h1>Economy grows faster than expected in second quarter</h1>');
  while (!budget.full) {
    const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, sentence);
    blocks.push(sentences.join(''));
    const [first, ...rest] = sentences.map((text) => escapeHtml(budget.add(text)));
    const html =
      random() < 0.15
        ? `<ul>${[first, ...rest].map((text) => `<li>${text}</li>`).join('')}</ul>`
        : `<div class="wrap"><p><a href="/story/${parts.length}">${first}</a>${rest.map((text, i) => (i === 0 ? `<b>${text}</b>` : text)).join('')}</p></div>`;
    parts.push(html);
  }
  parts.push('</article><footer>All rights reserved.</footer>');
  const html = htmlDocument({
    lang: 'en',
    title: 'Economy grows faster than expected in second quarter - Daily News',
    style: 'body{font:16px/1.6 serif;max-width:760px;margin:auto}',
    body: parts.join('\n'),
  });
  return { html, text: blocks.join('\n') };
}
