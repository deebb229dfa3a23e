/**
 * The body renderer: the pipeline Astro is configured with (one settings object for both), and the
 * same HTML whether a body is rendered on this thread or on a worker thread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { generateProposals } from '../../scripts/bench/synthetic-proposals.ts';
import { PROPOSALS_DIR } from '../../src/lib/proposal-files.ts';
import { readFrontmatter } from '../../src/lib/reader/frontmatter.ts';
import { MIN_FILES_FOR_WORKERS } from '../../src/lib/reader/read-in-workers.ts';
import { createBodyRenderer, MARKDOWN_SETTINGS } from '../../src/markdown/body-renderer.ts';
import { startBodyRendering } from '../../src/markdown/render-in-workers.ts';

const samples = readdirSync(PROPOSALS_DIR).map((name) => readFrontmatter(readFileSync(`${PROPOSALS_DIR}/${name}`, 'utf8')).body);

describe('body renderer', () => {
  const threads = process.env.PROPOSAL_RENDER_THREADS;
  afterEach(() => {
    if (threads === undefined) delete process.env.PROPOSAL_RENDER_THREADS;
    else process.env.PROPOSAL_RENDER_THREADS = threads;
  });

  it('is built from the settings Astro is given', () => {
    expect(astroConfig.markdown).toBe(MARKDOWN_SETTINGS);
  });

  it('renders with the site pipeline, then sanitises', async () => {
    const render = await createBodyRenderer();
    const { html, metadata } = await render('## 1) 摘要\n\n```java\nclass A {}\n```\n\n- [x] KIP-390 done\n\n<script>alert(1)</script>\n');
    // Shiki with both themes as custom properties only, the heading id Astro's contents link to,
    // the task-list label, a Kafka link, and no script.
    expect(html).toContain('--shiki-light:');
    expect(html).toContain('--shiki-dark:');
    expect(html).not.toMatch(/ style="[^"]*(?<!-)color:/);
    expect(html).toContain('<h2 id="1-摘要">');
    expect(html).toContain('aria-label="KIP-390 done"');
    expect(html).toContain('class="kafka-ref"');
    expect(html).not.toContain('<script');
    expect(metadata.headings).toEqual([{ depth: 2, slug: '1-摘要', text: '1) 摘要' }]);
  });

  it('gives the same HTML on worker threads as on this thread', async () => {
    const bodies = [...samples, ...generateProposals(MIN_FILES_FOR_WORKERS, 7).map((p) => readFrontmatter(p.text).body)];
    // Twice over, so that the samples come after the inline share and go to the workers too.
    const all = [...bodies, ...bodies];
    expect(all.length).toBeGreaterThan(2 * MIN_FILES_FOR_WORKERS);
    process.env.PROPOSAL_RENDER_THREADS = '2';
    const pooled = startBodyRendering();
    const onWorkers = await Promise.all(all.map((body) => pooled.render(body)));
    await pooled.close();
    process.env.PROPOSAL_RENDER_THREADS = '0';
    const inline = startBodyRendering();
    const here = await Promise.all(all.map((body) => inline.render(body)));
    await inline.close();
    expect(onWorkers).toEqual(here);
    // The second copy of each body was rendered on a worker: it equals the first, rendered here.
    expect(onWorkers.slice(bodies.length)).toEqual(here.slice(0, bodies.length));
    // Over 200 bodies rendered twice over, with two pools started: about 3 s alone, more on a busy machine.
  }, 30_000);

  it('reports a body the pipeline cannot render as an error, not a crash', async () => {
    process.env.PROPOSAL_RENDER_THREADS = '1';
    const pooled = startBodyRendering();
    const renders = Array.from({ length: MIN_FILES_FOR_WORKERS + 1 }, () => pooled.render('text'));
    // Not a string: the worker's pipeline throws on it, and the promise is rejected with its message.
    const bad = pooled.render(42 as unknown as string);
    await expect(bad).rejects.toThrow();
    await expect(Promise.all(renders)).resolves.toHaveLength(MIN_FILES_FOR_WORKERS + 1);
    await pooled.close();
  });
});
