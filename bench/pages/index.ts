/**
 * The four benchmark pages. The demo is the committed fixture; the others are generated in memory
 * at bench time (deterministically) and served by the e2e harness's server, so no 1 MB file is
 * committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchIndex } from '../../src/core/matcher/match-index';
import { FIXTURES } from '../../tests/e2e/harness';
import { buildArticle } from './article';
import { buildHeavyDom } from './heavy-dom';
import { buildNoChinese } from './no-chinese';
import { loadSourceText } from './source-text';

export type PageName = 'demo' | 'article-1mb' | 'heavy-dom' | 'no-chinese';

export interface BenchPage {
  name: PageName;
  /** Path on the bench server. */
  path: string;
  html: string;
  /** Whether PolicyLens should annotate it (false: it stops at the language check). */
  hasChinese: boolean;
  /** Reading text, one block per line. */
  text: string;
}

export function buildBenchPages(index: MatchIndex): BenchPage[] {
  const source = loadSourceText(index);
  const demoHtml = readFileSync(join(FIXTURES, 'demo-speech.html'), 'utf8');
  const article = buildArticle(source);
  const heavy = buildHeavyDom(source);
  const english = buildNoChinese();
  return [
    { name: 'demo', path: '/demo-speech.html', html: demoHtml, hasChinese: true, text: '' },
    { name: 'article-1mb', path: '/bench/article-1mb.html', html: article.html, hasChinese: true, text: article.text },
    { name: 'heavy-dom', path: '/bench/heavy-dom.html', html: heavy.html, hasChinese: true, text: heavy.text },
    { name: 'no-chinese', path: '/bench/no-chinese.html', html: english.html, hasChinese: false, text: english.text },
  ];
}

/** Server routes for the generated pages (the demo is served from tests/fixtures). */
export function routesFor(pages: readonly BenchPage[]): Record<string, { type: string; body: string }> {
  const routes: Record<string, { type: string; body: string }> = {};
  for (const page of pages) {
    if (page.path.startsWith('/bench/')) routes[page.path] = { type: 'text/html; charset=utf-8', body: page.html };
  }
  return routes;
}
