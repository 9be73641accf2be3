/**
 * A ~1 MB Chinese news-like article: site chrome, nested sections, paragraphs with links and inline
 * bold, lists and a sidebar, made of the seed speech's sentences shuffled with a fixed seed and
 * glossary terms worked into them.
 */
import { pick, seededRandom, shuffled, type Random } from '../seeded-random';
import { escapeHtml, htmlDocument, TextBudget } from './html';
import type { SourceText } from './source-text';

const TARGET_TEXT_BYTES = 1_000_000;

/** Clauses that put a glossary term into a sentence the way official prose does. */
const TERM_FRAMES = ['坚持{}，', '深入推进{}，', '要把{}落到实处，', '围绕{}，', '全面落实{}要求，'];

export interface GeneratedPage {
  html: string;
  /** The reading text, one block per line (for the Node scan benchmark). */
  text: string;
}

export function buildArticle(source: SourceText, seed = 20240601): GeneratedPage {
  const random = seededRandom(seed);
  const budget = new TextBudget(TARGET_TEXT_BYTES);
  const blocks: string[] = [];
  const block = (text: string): string => {
    blocks.push(text);
    return escapeHtml(budget.add(text));
  };

  const parts: string[] = [];
  parts.push(
    `<header class="site"><div class="logo">${block('X区人民政府网')}</div><nav><ul>` +
      ['首页', '政务公开', '政策解读', '新闻中心', '互动交流']
        .map((name, i) => `<li><a href="/c/${i}">${block(name)}</a></li>`)
        .join('') +
      '</ul></nav></header>',
  );
  parts.push('<div class="layout"><main><article>');
  parts.push(`<h1>${block('关于深入贯彻落实全区工作会议精神的综述')}</h1>`);
  parts.push(`<p class="meta"><span>${block('来源：X区融媒体中心')}</span> <span>${block('2020-07-15')}</span></p>`);

  let section = 0;
  while (!budget.full) {
    section++;
    parts.push(`<section id="s${section}"><div class="section-body">`);
    parts.push(`<h2>${block(`${section}、${pick(source.sentences, random).slice(0, 14)}`)}</h2>`);
    const paragraphs = 3 + Math.floor(random() * 6);
    for (let p = 0; p < paragraphs && !budget.full; p++) {
      if (random() < 0.2) parts.push(listOf(source, random, block));
      else parts.push(`<div class="para-wrap"><p>${paragraphOf(source, random, budget, blocks)}</p></div>`);
    }
    parts.push('</div></section>');
  }
  parts.push('</article></main>');
  parts.push(
    '<aside><h3>' +
      block('相关阅读') +
      '</h3><ul>' +
      shuffled(source.terms, random)
        .slice(0, 40)
        .map((term, i) => `<li><a href="/r/${i}">${block(`一图读懂${term}`)}</a></li>`)
        .join('') +
      '</ul></aside></div>',
  );
  parts.push(`<footer>${block('主办：X区人民政府办公室 版权所有')}</footer>`);

  const html = htmlDocument({
    lang: 'zh-CN',
    title: '关于深入贯彻落实全区工作会议精神的综述 - X区人民政府网',
    style:
      'body{margin:0;font:16px/1.8 sans-serif}.layout{display:grid;grid-template-columns:1fr 260px;gap:24px;max-width:1100px;margin:auto}' +
      'nav ul{display:flex;gap:16px;list-style:none}article{padding:0 24px}a{color:#14c}',
    body: parts.join('\n'),
  });
  return { html, text: blocks.join('\n') };
}

/** One paragraph: shuffled sentences, some carrying a glossary term as a link or in bold. */
function paragraphOf(source: SourceText, random: Random, budget: TextBudget, blocks: string[]): string {
  const pieces: string[] = [];
  let text = '';
  const add = (raw: string, wrap: (escaped: string) => string = (escaped) => escaped): void => {
    text += raw;
    pieces.push(wrap(escapeHtml(budget.add(raw))));
  };
  const sentences = 2 + Math.floor(random() * 5);
  for (let s = 0; s < sentences; s++) {
    const roll = random();
    if (roll < 0.3) {
      const [before, after] = pick(TERM_FRAMES, random).split('{}') as [string, string];
      const term = pick(source.terms, random);
      add(before);
      add(term, (escaped) =>
        random() < 0.5 ? `<a href="/term/${encodeURIComponent(term)}">${escaped}</a>` : `<strong>${escaped}</strong>`,
      );
      add(after);
    }
    const sentence = pick(source.sentences, random);
    if (roll > 0.9) add(sentence, (escaped) => `<b>${escaped}</b>`);
    else add(sentence);
  }
  blocks.push(text);
  return pieces.join('');
}

function listOf(source: SourceText, random: Random, block: (text: string) => string): string {
  const items = 3 + Math.floor(random() * 4);
  const lis: string[] = [];
  for (let i = 0; i < items; i++) {
    lis.push(`<li><span class="dot"></span>${block(`${pick(source.terms, random)}：${pick(source.sentences, random)}`)}</li>`);
  }
  return `<ul class="points">${lis.join('')}</ul>`;
}
