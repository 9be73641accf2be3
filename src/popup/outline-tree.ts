/**
 * The outline as an ARIA tree (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/): collapsible
 * sections, a roving tab stop, arrow keys to move, expand and collapse, Enter to jump to the section.
 * Built with DOM APIs and text nodes only.
 */
import type { OutlineReport } from '../shared/protocol';
import { t } from '../shared/i18n';

interface Node {
  index: number;
  heading: OutlineReport['headings'][number];
  children: Node[];
}

export interface OutlineTree {
  element: HTMLElement;
  setCurrent(index: number): void;
}

export function buildOutlineTree(report: OutlineReport, onActivate: (index: number) => void): OutlineTree {
  const tree = document.createElement('ul');
  tree.className = 'outline-tree';
  tree.setAttribute('role', 'tree');
  tree.setAttribute('aria-label', t('popup.outlineHeading'));
  const items: HTMLLIElement[] = [];

  const render = (nodes: Node[], parent: HTMLElement, depth: number): void => {
    for (const node of nodes) {
      const item = document.createElement('li');
      item.setAttribute('role', 'treeitem');
      item.setAttribute('aria-level', String(depth));
      item.tabIndex = -1;
      item.dataset.index = String(node.index);
      const row = document.createElement('div');
      row.className = 'outline-row';
      const twisty = document.createElement('span');
      twisty.className = 'twisty';
      twisty.setAttribute('aria-hidden', 'true');
      const marker = document.createElement('span');
      marker.className = 'marker';
      marker.textContent = node.heading.marker;
      const title = document.createElement('span');
      title.className = 'outline-title';
      title.textContent = node.heading.title;
      const count = document.createElement('span');
      count.className = 'outline-count';
      count.textContent = node.heading.termCount > 0 ? String(node.heading.termCount) : '';
      count.title = t('popup.sectionTerms', node.heading.termCount);
      row.append(twisty, marker, title, count);
      item.append(row);
      row.addEventListener('click', (event) => {
        if (event.target === twisty && node.children.length > 0) toggle(item);
        else activate(item);
      });
      items.push(item);
      parent.append(item);
      if (node.children.length > 0) {
        item.setAttribute('aria-expanded', 'true');
        const group = document.createElement('ul');
        group.setAttribute('role', 'group');
        item.append(group);
        render(node.children, group, depth + 1);
      }
    }
  };
  render(nest(report.headings), tree, 1);
  if (items[0]) items[0].tabIndex = 0;

  const visible = (): HTMLLIElement[] => items.filter((item) => !item.parentElement?.closest('[aria-expanded="false"]'));
  const focus = (item: HTMLLIElement | undefined): void => {
    if (!item) return;
    for (const other of items) other.tabIndex = -1;
    item.tabIndex = 0;
    item.focus();
  };
  const toggle = (item: HTMLLIElement, expanded = item.getAttribute('aria-expanded') !== 'true'): void => {
    if (item.hasAttribute('aria-expanded')) item.setAttribute('aria-expanded', String(expanded));
  };
  const activate = (item: HTMLLIElement): void => {
    focus(item);
    onActivate(Number(item.dataset.index));
  };

  tree.addEventListener('keydown', (event) => {
    const item = (event.target as HTMLElement).closest<HTMLLIElement>('[role="treeitem"]');
    if (!item) return;
    const list = visible();
    const position = list.indexOf(item);
    const parentItem = item.parentElement?.closest<HTMLLIElement>('[role="treeitem"]') ?? undefined;
    switch (event.key) {
      case 'ArrowDown':
        focus(list[position + 1]);
        break;
      case 'ArrowUp':
        focus(list[position - 1]);
        break;
      case 'Home':
        focus(list[0]);
        break;
      case 'End':
        focus(list[list.length - 1]);
        break;
      case 'ArrowRight':
        if (item.getAttribute('aria-expanded') === 'false') toggle(item, true);
        else if (item.getAttribute('aria-expanded') === 'true') focus(list[position + 1]);
        break;
      case 'ArrowLeft':
        if (item.getAttribute('aria-expanded') === 'true') toggle(item, false);
        else focus(parentItem);
        break;
      case 'Enter':
      case ' ':
        activate(item);
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  return {
    element: tree,
    setCurrent(index) {
      for (const item of items) {
        const isCurrent = Number(item.dataset.index) === index;
        item.classList.toggle('current', isCurrent);
        if (isCurrent) item.setAttribute('aria-current', 'location');
        else item.removeAttribute('aria-current');
      }
    },
  };
}

/** Flat headings (with levels) → a tree, as a reader would write the table of contents. */
function nest(headings: OutlineReport['headings']): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  headings.forEach((heading, index) => {
    const node: Node = { index, heading, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.heading.level >= heading.level) stack.pop();
    (stack[stack.length - 1]?.children ?? roots).push(node);
    stack.push(node);
  });
  return roots;
}
