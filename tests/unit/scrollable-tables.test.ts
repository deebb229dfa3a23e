/** Each table of a proposal body scrolls in a focusable region named after its columns (src/markdown/scrollable-tables.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBodyRenderer, type BodyRenderer } from '../../src/markdown/body-renderer.ts';

let render: BodyRenderer;
beforeAll(async () => {
  render = await createBodyRenderer();
});

describe('scrollableTables', () => {
  it('wraps each table of a body, as rendered for the page, in a focusable region named after its headings', async () => {
    const { html } = await render('| Scenario | p99 `latency` | **Baseline** |\n| --- | --- | --- |\n| a | 1 | 2 |\n\ntext\n\n| x |\n| - |\n| y |\n');
    expect(html.match(/<div class="table-scroll" role="region" tabindex="0" aria-label="[^"]*"><table>/g)).toEqual([
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Scenario · p99 latency · Baseline"><table>',
      '<div class="table-scroll" role="region" tabindex="0" aria-label="x"><table>',
    ]);
    expect(html.match(/<\/table><\/div>/g)).toHaveLength(2);
  });

  it('leaves a body without tables as it was, and lets no contributed region through the sanitiser', async () => {
    const { html } = await render('para\n\n<div role="region" tabindex="0" class="table-scroll">x</div>\n');
    expect(html).not.toContain('<div');
    expect(html).not.toContain('tabindex');
    expect(html).toContain('<p>para</p>');
  });
});
