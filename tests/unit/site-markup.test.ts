/**
 * The site's own markup in a proposal body, added after the sanitiser (src/markdown/): each table
 * scrolls in a focusable region named after its columns, each section heading has a permalink.
 */
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

describe('headingAnchors', () => {
  it('puts a link to each h2, h3 and h4 beside it, named by its text, and leaves the heading as it was', async () => {
    const { html } = await render('## 1) 摘要\n\ntext\n\n### A `code` part\n\n#### Four\n\n##### Five\n');
    expect(html).toContain('<div class="heading-wrapper level-h2"><h2 id="1-摘要">1) 摘要</h2><a class="heading-anchor" href="#1-摘要" aria-label="1) 摘要">#</a></div>');
    expect(html).toContain('<div class="heading-wrapper level-h3"><h3 id="a-code-part">A <code>code</code> part</h3><a class="heading-anchor" href="#a-code-part" aria-label="A code part">#</a></div>');
    expect(html).toContain('level-h4');
    // Deeper headings are not sections the table of contents lists: no link.
    expect(html).toMatch(/<h5 id="five">Five<\/h5>(?!<a)/);
  });

  it('gives the footnotes’ screen-reader heading no link', async () => {
    const { html } = await render('Text[^1].\n\n[^1]: A note.\n');
    expect(html).toContain('class="sr-only"');
    expect(html).not.toContain('heading-anchor');
  });
});
