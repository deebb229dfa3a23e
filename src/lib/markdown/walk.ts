/**
 * Every node of an mdast tree, depth first in document order, the node itself first. What
 * unist-util-visit does for a visitor that never skips or stops, without building a visitor per
 * call: the completeness rules walk each section several times per proposal, and that factory was
 * a tenth of a reading's time.
 */
import type { Node, Parent } from 'unist';

export function walk(node: Node, onNode: (node: Node) => void): void {
  onNode(node);
  const children = (node as Partial<Parent>).children;
  if (children) for (const child of children) walk(child, onNode);
}
