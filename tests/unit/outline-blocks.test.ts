import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { documentTitle, extractOutlineBlocks } from '../../src/dom/outline-blocks';

const blocksOf = (body: string, head = '') =>
  extractOutlineBlocks(parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document);
const summary = (body: string) => blocksOf(body).map(({ text, tag, inMain, startsBold }) => ({ text, tag, inMain, startsBold }));

describe('outline blocks from the DOM', () => {
  it('splits lines separated by <br> into blocks of the same element', () => {
    const blocks = blocksOf('<article><p>一、甲<br>正文一<br/><br>二、乙</p></article>');
    expect(blocks.map((block) => block.text)).toEqual(['一、甲', '正文一', '二、乙']);
    expect(new Set(blocks.map((block) => block.element)).size).toBe(1);
  });

  it('reads p, li, headings, table cells, a div’s own text and each pre line', () => {
    const blocks = summary(
      '<main><h2>标题</h2><div>直接文字<p>段落</p>尾巴</div><ul><li>条目</li></ul><table><tr><td>单元格</td></tr></table><pre>第一行\n第二行</pre></main>',
    );
    expect(blocks.map((block) => `${block.tag}:${block.text}`)).toEqual([
      'h2:标题',
      'div:直接文字',
      'p:段落',
      'div:尾巴',
      'li:条目',
      'td:单元格',
      'pre:第一行',
      'pre:第二行',
    ]);
  });

  it('marks a block bold when its first text is in <strong>, <b> or an inline font-weight of 700 and up', () => {
    const blocks = summary(
      '<article><p> <strong>一、甲</strong>正文</p><p><b>乙</b></p><p><span style="font-weight: 700">丙</span></p><p><span style="font-weight:bold">丁</span></p><p>戊<strong>己</strong></p><p><span style="font-weight: 400">庚</span></p></article>',
    );
    expect(blocks.map((block) => block.startsBold)).toEqual([true, true, true, true, false, false]);
  });

  it('does NOT count navigation, sidebars, comments and footers as main content', () => {
    const blocks = summary(`
      <header><p>网站名</p></header>
      <nav><p>一、首页</p></nav>
      <main><article><p>正文内容很长很长的中文段落</p></article>
        <div class="comment-list"><p>一、评论</p></div>
        <div id="sidebar"><p>二、推荐</p></div>
      </main>
      <div role="complementary"><p>相关</p></div>
      <aside><p>三、专题</p></aside>
      <footer><p>版权</p></footer>`);
    expect(blocks.filter((block) => block.inMain).map((block) => block.text)).toEqual(['正文内容很长很长的中文段落']);
  });

  it('finds the main content by text density when the page has no <article> or <main>', () => {
    const blocks = summary(`
      <div class="top"><p>短</p></div>
      <div class="content"><p>第一段很长的中文正文内容</p><p>第二段很长的中文正文内容</p></div>
      <div class="links"><p>链接</p></div>`);
    expect(blocks.filter((block) => block.inMain).map((block) => block.text)).toEqual([
      '第一段很长的中文正文内容',
      '第二段很长的中文正文内容',
    ]);
  });

  it('reports blocks inside <blockquote> as quoted, not as the document’s structure', () => {
    expect(summary('<article><blockquote><p>一、引文</p></blockquote></article>')[0]!.tag).toBe('blockquote');
  });

  it('collapses source line breaks between Chinese characters, as the page renders them', () => {
    expect(blocksOf('<article><p>一、总结，\n      我们要\n客观</p></article>')[0]!.text).toBe('一、总结，我们要客观');
    expect(blocksOf('<article><p>GDP\n增长</p></article>')[0]!.text).toBe('GDP 增长');
  });

  it('skips scripts, styles and text areas', () => {
    expect(
      summary('<article><p>正文<script>var a = "一、";</script></p><textarea>一、</textarea></article>').map((b) => b.text),
    ).toEqual(['正文']);
  });

  it('takes a document’s title from <title>, else from its first <h1>', () => {
    expect(documentTitle(parseHTML('<html><head><title> 讲话 </title></head><body><h1>标题</h1></body></html>').document)).toBe(
      '讲话',
    );
    expect(documentTitle(parseHTML('<html><head></head><body><h1>标题</h1></body></html>').document)).toBe('标题');
  });

  it('does NOT overflow on deeply nested markup', () => {
    const depth = 5000;
    const html = `<article>${'<div>'.repeat(depth)}<p>深处</p>${'</div>'.repeat(depth)}</article>`;
    expect(() => blocksOf(html)).not.toThrow();
  });
});
