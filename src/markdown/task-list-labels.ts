/**
 * A Sätteri hast plugin: GFM task-list checkboxes (`- [x] done`) render as bare disabled inputs with
 * no accessible name, which axe reports and screen readers read as "checkbox". Each one is named
 * after its list item's text, so it reads "Unit tests for the new branch, checkbox, checked".
 */
import { defineHastPlugin } from 'satteri';

export const taskListLabels = defineHastPlugin({
  name: 'task-list-labels',
  element: {
    filter: ['input'],
    visit(node, ctx) {
      if (node.properties?.type !== 'checkbox') return;
      const item = ctx.parent(node);
      if (item?.type !== 'element' || item.tagName !== 'li') return;
      const label = ctx.textContent(item).trim();
      if (label) ctx.setProperty(node, 'ariaLabel', label);
    },
  },
});
