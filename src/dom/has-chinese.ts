/**
 * The cheap check that lets pages without Chinese cost next to nothing: the title and the first
 * few KB of text are sampled instead of reading the page.
 */
const HAN = /[\u3400-\u9fff]/;
const SAMPLE_CHARS = 4096;

export function hasChineseText(document: Document): boolean {
  if (HAN.test(document.title)) return true;
  const root = document.body ?? document.documentElement;
  if (!root) return false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let sampled = 0;
  for (let node = walker.nextNode(); node && sampled < SAMPLE_CHARS; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (HAN.test(data)) return true;
    sampled += data.length;
  }
  return false;
}
