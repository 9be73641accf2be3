/**
 * Small DOM helpers written against the standard DOM API only (node types as numbers, no globals
 * such as Node or NodeFilter), so the outline code runs in a content script and under linkedom.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

export function tagOf(element: Element): string {
  return element.tagName.toLowerCase();
}

/** Han characters (CJK unified ideographs and extension A): how much Chinese a piece of text holds. */
export function countHan(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) count++;
  }
  return count;
}
