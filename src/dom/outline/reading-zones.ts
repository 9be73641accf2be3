/**
 * Where the reading text is: the main-content element, and the page chrome (navigation, sidebars,
 * comments, footers) that is never part of it, even when it sits inside <main>.
 */
import { isSkippedElement } from '../page-text';
import { countHan, isElement, isText, tagOf } from './dom-basics';

const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search']);
/** Class or id words that mark chrome. "nav" only as a word start (navbar, site-nav), not inside "unavailable". */
const CHROME_NAMES = /comment|sidebar|footer|menu|breadcrumb|(?:^|[^a-z])nav|(?:sub|top|main|site|side)nav/i;

/**
 * True for an element that is page chrome. `mainRoot` and its ancestors never are: a layout wrapper
 * called "page-with-sidebar" holds the article too. A <header> inside the main content is the
 * article's own header (its title and byline), not the site's.
 */
export function isChrome(element: Element, mainRoot: Element | null): boolean {
  if (mainRoot && element.contains(mainRoot)) return false;
  const tag = tagOf(element);
  if (CHROME_TAGS.has(tag)) return true;
  if (tag === 'header' && !(mainRoot && mainRoot.contains(element))) return true;
  const role = element.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role.trim().toLowerCase())) return true;
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return CHROME_NAMES.test(names);
}

const SEMANTIC_MAIN = 'article, main, [role="main"]';
/** A semantic element holding less than this share of the densest container's Chinese is a teaser card, not the article. */
const SEMANTIC_MIN_SHARE = 0.5;
/** Descend from <main> into its <article> when the article holds at least this share of main's Chinese. */
const DESCEND_SHARE = 0.8;

/**
 * The main-content element: the semantic one (<article>, <main>, [role=main]) with the most Chinese
 * text, narrowed to the innermost one that still holds nearly all of it; otherwise the container
 * whose <p> children hold the most Chinese text; otherwise the body.
 */
export function findMainContent(document: Document): Element | null {
  const body = document.body ?? document.documentElement;
  if (!body) return null;
  const densest = densestParagraphContainer(body);
  const semantic = [...body.querySelectorAll(SEMANTIC_MAIN)]
    .filter((element) => !insideChrome(element, body))
    .map((element) => ({ element, han: readingHan(element) }))
    .filter((scored) => scored.han > 0);
  if (semantic.length > 0) {
    let best = semantic.reduce((a, b) => (b.han > a.han ? b : a));
    if (!densest || best.han >= SEMANTIC_MIN_SHARE * densest.han) {
      for (;;) {
        const inner = semantic
          .filter((scored) => scored.element !== best.element && best.element.contains(scored.element))
          .filter((scored) => scored.han >= DESCEND_SHARE * best.han)
          .reduce<typeof best | null>((a, b) => (a === null || b.han > a.han ? b : a), null);
        if (!inner) break;
        best = inner;
      }
      return best.element;
    }
  }
  return densest?.element ?? body;
}

function insideChrome(element: Element, body: Element): boolean {
  for (let current: Element | null = element; current && current !== body; current = current.parentElement) {
    if (isChrome(current, null)) return true;
  }
  return false;
}

/** Chinese characters in the text under `root`, leaving out chrome and skipped elements. */
function readingHan(root: Element): number {
  let han = 0;
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (isText(node)) {
      han += countHan(node.data);
      continue;
    }
    if (!isElement(node)) continue;
    if (node !== root && (isSkippedElement(node) || isChrome(node, null))) continue;
    for (const child of node.childNodes) pending.push(child);
  }
  return han;
}

/** The element whose <p> children hold the most Chinese text (the classic text-density rule). */
function densestParagraphContainer(body: Element): { element: Element; han: number } | null {
  const hanByParent = new Map<Element, number>();
  for (const paragraph of body.querySelectorAll('p')) {
    const parent = paragraph.parentElement;
    if (!parent || insideChrome(paragraph, body)) continue;
    hanByParent.set(parent, (hanByParent.get(parent) ?? 0) + countHan(paragraph.textContent ?? ''));
  }
  let best: { element: Element; han: number } | null = null;
  for (const [element, han] of hanByParent) if (han > 0 && (!best || han > best.han)) best = { element, han };
  return best;
}
