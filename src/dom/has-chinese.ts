/**
 * The cheap check that lets pages without Chinese cost next to nothing: the title and the first
 * few KB of text are sampled instead of reading the page. Script and style text is neither tested
 * nor counted: a Chinese string in a page's code is not Chinese to read, and a large inline script
 * would use up the sample before the page's own text.
 */
const HAN = /[\u3400-\u9fff]/;
const SAMPLE_CHARS = 4096;
const CODE_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT']);

export function hasChineseText(document: Document): boolean {
  if (HAN.test(document.title)) return true;
  const root = document.body ?? document.documentElement;
  if (!root) return false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let sampled = 0;
  for (let node = walker.nextNode(); node && sampled < SAMPLE_CHARS; node = walker.nextNode()) {
    if (CODE_PARENTS.has(node.parentNode?.nodeName ?? '')) continue;
    const data = (node as Text).data;
    if (HAN.test(data)) return true;
    sampled += data.length;
  }
  return false;
}
