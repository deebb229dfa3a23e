/**
 * Each section heading of a proposal body gets a permalink after it, as on the PEPs and Starlight:
 * a link to the heading's own id, so a reader can copy the address of a section. The link is beside
 * the heading, not in it, so the heading's name stays its text; the link is named by the heading's
 * text too (the body is rendered once for every interface language, so it carries no interface word).
 *
 * Like scrollable-tables.ts, it runs on the sanitised tree: the markup is the site's, not the author's.
 */
import type { Element, Root } from 'hast';
import { spokenText } from './hast-text.ts';

const LINKED = new Set(['h2', 'h3', 'h4']);

export function headingAnchors(tree: Root): Root {
  tree.children = tree.children.map((child) => {
    if (child.type !== 'element' || !LINKED.has(child.tagName)) return child;
    const id = child.properties.id;
    // Footnotes' own heading is for screen readers only (class sr-only): no visible link beside it.
    const classes = child.properties.className;
    if (typeof id !== 'string' || id === '' || (Array.isArray(classes) && classes.includes('sr-only'))) return child;
    const name = spokenText(child);
    const anchor: Element = {
      type: 'element',
      tagName: 'a',
      properties: { className: ['heading-anchor'], href: `#${id}`, ...(name ? { ariaLabel: name } : {}) },
      children: [{ type: 'text', value: '#' }],
    };
    return { type: 'element', tagName: 'div', properties: { className: ['heading-wrapper', `level-${child.tagName}`] }, children: [child, anchor] } satisfies Element;
  });
  return tree;
}
