/**
 * The second line of defence, on its own: HTML that got past the content policy (a gap in it, or a
 * renderer that parses differently) is still made inert, while what Markdown renders is kept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { inlineMarkdownToHtml } from '../../src/lib/markdown/render.ts';
import { readFrontmatter } from '../../src/lib/reader/frontmatter.ts';
import { sanitizeHtml, sanitizeTree } from '../../src/lib/reader/sanitize.ts';
import { generateProposals } from '../../scripts/bench/synthetic-proposals.ts';
import { PROPOSALS_DIR } from '../../src/lib/proposal-files.ts';
import { createMarkdownPipeline } from '../../src/markdown/body-renderer.ts';

describe('sanitizeHtml', () => {
  const hostile: [string, string][] = [
    ['<script>alert(1)</script>ok', 'ok'],
    // A relative src is harmless (this origin); the handler is what goes.
    ['<img src=x onerror=alert(1)>', '<img src="x">'],
    ['<svg onload=alert(1)><circle/></svg>', ''],
    ['<iframe src="javascript:alert(1)"></iframe>', ''],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', ''],
    ['<style>body{display:none}</style>text', 'text'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="java&#x09;script:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="a">', '<img alt="a">'],
    ['<img src="http://example.org/x.png" alt="a">', '<img alt="a">'],
    ['<object data="x.swf"></object><embed src="x.swf">', ''],
    // An input may only be Markdown's disabled task-list checkbox.
    ['<form action="https://example.org"><input name="q"></form>', '<input type="checkbox" disabled>'],
    ['<details ontoggle="alert(1)" open><summary>s</summary></details>', '<details open><summary>s</summary></details>'],
    ['<kbd style="position:fixed;top:0">k</kbd>', '<kbd>k</kbd>'],
    ['<span style="background:url(javascript:alert(1))">s</span>', '<span>s</span>'],
    ['<meta http-equiv="refresh" content="0;url=https://example.org"><base href="https://example.org/">', ''],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', ''],
    ['<template><img src=x onerror=alert(1)></template>', ''],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', ''],
    ['<div onclick="alert(1)">d</div>', 'd'],
  ];
  it.each(hostile)('makes %s inert', (input, output) => {
    expect(sanitizeHtml(input)).toBe(output);
  });

  /**
   * sanitizeHtml parses with Sätteri's HTML parser for speed; parse5 (hast-util-from-html) is the
   * reference HTML parser. Their sanitised output must be the same on what the renderer makes of
   * every sample and of generated proposals (Shiki's markup included), and on every hostile fragment.
   */
  it('gives what sanitising a parse5 tree gives, on rendered proposals and hostile fragments', async () => {
    const renderer = await createMarkdownPipeline();
    const bodies = [
      ...readdirSync(PROPOSALS_DIR).map((name) => readFileSync(`${PROPOSALS_DIR}/${name}`, 'utf8')),
      readFileSync('tests/fixtures/sites/tricky/2026-03-02-tricky-but-allowed.md', 'utf8'),
      ...generateProposals(20, 11).map((p) => p.text),
    ].map((text) => readFrontmatter(text).body);
    const html = [...(await Promise.all(bodies.map(async (body) => (await renderer.render(body)).code))), ...hostile.map(([input]) => input)];
    expect(html.length).toBeGreaterThanOrEqual(50);
    for (const fragment of html) expect(sanitizeHtml(fragment)).toBe(toHtml(sanitizeTree(fromHtml(fragment, { fragment: true }))));
  });

  it('keeps what Markdown renders: Shiki colours, heading ids, task lists, tables, footnotes, links', () => {
    const rendered = [
      '<h2 id="1-summary">1) Summary</h2>',
      '<pre class="astro-code astro-code-themes github-light-default github-dark-default" style="--shiki-light:#1f2328;--shiki-dark:#e6edf3;--shiki-light-bg:#ffffff;--shiki-dark-bg:#0d1117; overflow-x: auto;" tabindex="0" data-language="java"><code><span class="line"><span style="--shiki-light:#CF222E;--shiki-dark:#FF7B72">public</span></span></code></pre>',
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled aria-label="Done"> Done</li></ul>',
      '<table><thead><tr><th style="text-align: left">a</th></tr></thead><tbody><tr><td style="text-align: left">1</td></tr></tbody></table>',
      '<p>x<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup> <a href="../other/">rel</a> <a href="mailto:a@example.org">m</a> <img src="https://kafka.apache.org/x.png" alt="i"></p>',
    ].join('');
    expect(sanitizeHtml(rendered)).toBe(rendered);
  });
});

describe('inline Markdown (rule texts and findings)', () => {
  it('renders code and emphasis, and never a javascript: link', () => {
    expect(inlineMarkdownToHtml('Use `Class#method` and **bold**.')).toBe('Use <code>Class#method</code> and <strong>bold</strong>.');
    expect(inlineMarkdownToHtml('[x](javascript:alert(1)) <img src=x onerror=alert(1)>')).toBe('<a>x</a> ');
  });
});
