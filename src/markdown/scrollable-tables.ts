/**
 * A table in a proposal body can be wider than a phone. Each one is put in a region that scrolls
 * sideways, can be focused (so a keyboard can scroll it: axe `scrollable-region-focusable`) and is
 * named after the table's column headings, so a screen reader says which table it is in.
 *
 * It runs on the sanitised tree (src/markdown/body-renderer.ts): the wrapper is the site's markup,
 * not the author's, so the allow-list need not let a contributed `<div>` through.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { spokenText } from './hast-text.ts';

const isElement = (node: RootContent | ElementContent, tagName?: string): node is Element => node.type === 'element' && (tagName === undefined || node.tagName === tagName);

/** "Scenario · p99 latency · Baseline": the table's first row of headings, as its name. */
export function tableName(table: Element): string {
  const head = table.children.find((child) => isElement(child, 'thead')) ?? table;
  const firstRow = (head as Element).children.find((child) => isElement(child, 'tr'));
  if (!firstRow) return '';
  return firstRow.children
    .filter((cell): cell is Element => isElement(cell, 'th'))
    .map(spokenText)
    .filter(Boolean)
    .join(' · ');
}

export function scrollableTables(tree: Root): Root {
  const visit = (parent: Root | Element) => {
    parent.children = parent.children.map((child) => {
      if (!isElement(child)) return child;
      if (child.tagName !== 'table') {
        visit(child);
        return child;
      }
      const name = tableName(child);
      return {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ...(name ? { ariaLabel: name } : {}) },
        children: [child],
      } satisfies Element;
    }) as typeof parent.children;
  };
  visit(tree);
  return tree;
}
