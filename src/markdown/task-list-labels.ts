/**
 * A Sätteri hast plugin: GFM task-list checkboxes (`- [x] done`) render as bare disabled inputs with
 * no accessible name, which axe reports and screen readers read as "checkbox". Each one is named
 * after its list item's text, so it reads "Unit tests for the new branch, checkbox, checked".
 */
interface HastElement {
  type: string;
  tagName: string;
  properties?: Record<string, unknown>;
}

interface VisitContext {
  parent(node: HastElement): HastElement | undefined;
  textContent(node: HastElement): string;
  setProperty(node: HastElement, key: string, value: unknown): void;
}

export const taskListLabels = {
  name: 'task-list-labels',
  element: {
    filter: ['input'],
    visit(node: HastElement, ctx: VisitContext) {
      if (node.properties?.type !== 'checkbox') return;
      const item = ctx.parent(node);
      if (item?.tagName !== 'li') return;
      const label = ctx.textContent(item).trim();
      if (label) ctx.setProperty(node, 'ariaLabel', label);
    },
  },
};
