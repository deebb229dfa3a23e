/**
 * Markdown to HTML for short pieces the site shows outside the content collection, such as one
 * section of the template on /template/. Proposals themselves are rendered by Astro.
 */
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { markdownToHast } from 'satteri';
import { markLanguages } from '../../markdown/quoted-runs.ts';
import { sanitizeTree } from '../reader/sanitize.ts';
import type { TextLanguages } from './inline-runs.ts';
import { READ_FEATURES } from './parser/features.ts';

/**
 * Parsed by Sätteri, the renderer's parser, in the syntax the reader judges (GFM, no curly quotes,
 * raw HTML not parsed), and sanitised like proposal bodies: findings quote what an author wrote, so
 * these texts are contributed content too (a placeholder can hold a `javascript:` link).
 *
 * Findings name their lines, so most differ from page to page and the cache below misses: with
 * remark and rehype this was 1.1 s of a 1,000-proposal build; Sätteri gives the same HTML on every
 * rule text, interface string, template section and finding of the samples and 200 generated
 * proposals, 7× faster. Node only, as pages are.
 */
const OPTIONS = { features: READ_FEATURES, position: false } as const;

/** @param finish a step on the sanitised tree before it is written out (the site's own markup only) */
export function markdownToHtml(markdown: string, finish: (tree: Root) => Root = (tree) => tree): string {
  return toHtml(finish(sanitizeTree(markdownToHast(markdown, OPTIONS) as Root)));
}

/**
 * One line of Markdown as inline HTML, without the paragraph around it: rule titles, hints and
 * findings are written with `code` and **emphasis** for the terminal and shown formatted on the site.
 * `languages` says which `lang` to give the quotes and the Han runs in it (src/markdown/quoted-runs.ts);
 * without it the quote marks are removed and nothing else changes.
 */
export function inlineMarkdownToHtml(text: string, languages: TextLanguages = {}): string {
  const key = `${languages.quoteLang ?? ''}\u0000${languages.hanLang ?? ''}\u0000${text}`;
  let html = inlineCache.get(key);
  if (html === undefined) {
    html = markdownToHtml(text, (tree) => markLanguages(tree, languages))
      .trim()
      .replace(/^<p>([\s\S]*)<\/p>$/, '$1');
    inlineCache.set(key, html);
  }
  return html;
}

/**
 * Every proposal page shows the same rule titles and hints, and many of the same findings: a full
 * unified run for each was most of a page's render time at 10,000 proposals. The texts are few.
 */
const inlineCache = new Map<string, string>();
