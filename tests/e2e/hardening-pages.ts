/**
 * Extreme and hostile pages for the hardening tests, generated in memory at test time (served
 * through startServer's routes) so no multi-megabyte fixture is committed.
 */
const TERMS = ['六稳', '六保', '放管服改革', '三大攻坚战', '河长制'];
const FILLER = '要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，推动高质量发展，';

function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

/** A sentence of about 60 characters with one term. */
function sentence(index: number): string {
  return `${FILLER.slice(0, 20 + (index % 17))}${TERMS[index % TERMS.length]}${FILLER.slice(20)}`;
}

/** About `megabytes` MB of UTF-8 in paragraphs, a term in every sentence. */
export function bigTextPage(megabytes: number): string {
  const parts: string[] = [];
  let bytes = 0;
  for (let index = 0; bytes < megabytes * 1024 * 1024; index++) {
    const paragraph = `<p>${sentence(index)}${sentence(index + 1)}${sentence(index + 2)}</p>\n`;
    parts.push(paragraph);
    bytes += Buffer.byteLength(paragraph);
  }
  return page('大文本页', parts.join(''));
}

/** `count` text nodes: paragraphs of 20 <span>s, one term per paragraph. */
export function manyNodesPage(count: number): string {
  const parts: string[] = [];
  const perParagraph = 20;
  for (let index = 0; index < count / perParagraph; index++) {
    const spans: string[] = [];
    for (let node = 0; node < perParagraph; node++) {
      spans.push(node === 5 ? `<span>${TERMS[index % TERMS.length]}</span>` : `<span>文字${node}</span>`);
    }
    parts.push(`<p>${spans.join('')}</p>`);
  }
  return page('多节点页', parts.join('\n'));
}

/**
 * `count` tall paragraphs (`heightPx` each) of one term: a group of the highlight window's blocks
 * spans many screens, so the viewport can lie between a group's first and last block.
 */
export function tallParagraphsPage(count: number, heightPx: number): string {
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    parts.push(`<p id="p${index}" style="height:${heightPx}px;margin:0">${index}：${sentence(index)}</p>`);
  }
  return page('高段落页', parts.join('\n'));
}

/** Nesting `depth` deep, built by script (the HTML parser flattens trees deeper than 512). */
export function deepPage(depth: number): string {
  return page(
    '深层嵌套页',
    `<p>开头：六稳六保。</p><div id="deep"></div><script>
      let parent = document.getElementById('deep');
      for (let level = 0; level < ${depth}; level++) {
        // Blocks only: Chromium itself crashes (no extension needed) on ~1,000 levels of block-in-inline nesting.
        const child = document.createElement(level % 3 === 0 ? 'div' : level % 3 === 1 ? 'article' : 'section');
        child.append('第' + level + '层' + (level % 50 === 0 ? '放管服改革' : ''));
        parent.append(child);
        parent = child;
      }
      parent.append('最深处：三大攻坚战');
    </script>`,
  );
}

/** A table of `cells` cells (10 columns), a term in every tenth cell. */
export function bigTablePage(cells: number): string {
  const rows: string[] = [];
  for (let row = 0; row < cells / 10; row++) {
    const tds: string[] = [];
    for (let column = 0; column < 10; column++) tds.push(`<td>${column === 3 ? TERMS[row % TERMS.length] : `数据${row}`}</td>`);
    rows.push(`<tr>${tds.join('')}</tr>`);
  }
  return page('大表格页', `<table><tbody>${rows.join('\n')}</tbody></table>`);
}

/** A ticker that appends and replaces text with terms every 10 ms for `seconds` s. */
export function churnPage(seconds: number): string {
  return page(
    '滚动新闻页',
    `<p>滚动新闻：六稳六保。</p><ul id="feed"></ul><p id="ticker">开始</p><script>
      const terms = ${JSON.stringify(TERMS)};
      const feed = document.getElementById('feed');
      const ticker = document.getElementById('ticker');
      let count = 0;
      window.churnDone = false;
      const timer = setInterval(() => {
        count++;
        const item = document.createElement('li');
        item.textContent = '快讯' + count + '：' + terms[count % terms.length] + '持续推进';
        feed.append(item);
        if (feed.children.length > 50) feed.firstElementChild.remove();
        ticker.textContent = '最新：' + terms[(count + 2) % terms.length] + '（' + count + '）';
      }, 10);
      setTimeout(() => { clearInterval(timer); window.churnDone = true; }, ${seconds * 1000});
    </script>`,
  );
}
