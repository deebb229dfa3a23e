/** The text of a hast node, its runs of white space as one space: what a screen reader names it by. */
import type { ElementContent } from 'hast';

const textOf = (node: ElementContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '');

export function spokenText(node: ElementContent): string {
  return textOf(node).replace(/\s+/g, ' ').trim();
}
