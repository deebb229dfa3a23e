/**
 * Markdown to HTML for short pieces the site shows outside the content collection, such as one
 * section of the template on /template/. Proposals themselves are rendered by Astro.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { sanitizeTree } from '../reader/sanitize.ts';

/**
 * Sanitised like proposal bodies: findings quote what an author wrote, so these texts are
 * contributed content too (a placeholder can hold a `javascript:` link).
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(() => sanitizeTree)
  .use(rehypeStringify);

export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

/**
 * One line of Markdown as inline HTML, without the paragraph around it: rule titles, hints and
 * findings are written with `code` and **emphasis** for the terminal and shown formatted on the site.
 */
export function inlineMarkdownToHtml(text: string): string {
  let html = inlineCache.get(text);
  if (html === undefined) {
    html = markdownToHtml(text)
      .trim()
      .replace(/^<p>([\s\S]*)<\/p>$/, '$1');
    inlineCache.set(text, html);
  }
  return html;
}

/**
 * Every proposal page shows the same rule titles and hints, and many of the same findings: a full
 * unified run for each was most of a page's render time at 10,000 proposals. The texts are few.
 */
const inlineCache = new Map<string, string>();
