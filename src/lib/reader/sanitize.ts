/**
 * The second line of defence: rendered HTML from proposal bodies and from inline Markdown (rule
 * texts and findings) is sanitised with an allow-list, so that a gap in the content policy, or a
 * difference between the policy's Markdown parser and the renderer's, still cannot run script.
 *
 * The allow-list is what Markdown itself produces (headings, lists, tables, code with Shiki's
 * colours, task-list checkboxes, footnotes) plus the raw HTML the content policy allows
 * (`RAW_HTML_ELEMENTS`), with the policy's URL schemes. GitHub's own sanitiser schema (the default
 * of hast-util-sanitize) is the model; this one is narrower.
 */
import type { Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { htmlToHast } from 'satteri';
import { IMAGE_SCHEMES, LINK_SCHEMES, RAW_HTML_ELEMENTS } from './content-policy.ts';

/** Shiki's inline colours, and nothing else, are allowed as `style` on code. */
const SHIKI_STYLE = /^(?:\s*(?:--shiki-[a-z-]+:\s*#[0-9a-fA-F]{3,8}|overflow-x:\s*auto|font-style:\s*italic|font-weight:\s*bold|text-decoration:\s*(?:underline|line-through))\s*;?)*\s*$/;

const MARKDOWN_ELEMENTS = [
  'a', 'blockquote', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'input', 'li', 'ol', 'p', 'pre',
  'section', 'span', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
];

const headingAttributes = ['id'];

export const SANITIZE_SCHEMA: Schema = {
  tagNames: [...new Set([...MARKDOWN_ELEMENTS, ...Object.keys(RAW_HTML_ELEMENTS)])],
  attributes: {
    // kafka-ref and data-kafka-ref: the links src/lib/markdown/kafka-links.ts makes of Kafka references.
    a: ['href', 'title', 'id', 'ariaDescribedBy', 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref', 'kafka-ref'], ['dataKafkaRef', 'kip', 'jira', 'class', 'path']],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
    h1: headingAttributes,
    h2: [...headingAttributes, ['className', 'sr-only']],
    h3: headingAttributes,
    h4: headingAttributes,
    h5: headingAttributes,
    h6: headingAttributes,
    pre: [['className', /^astro-code/, /^github-/, 'astro-code-themes'], ['style', SHIKI_STYLE], ['tabIndex', 0], 'dataLanguage'],
    code: [['className', /^language-[\w+#.-]+$/]],
    span: [['className', 'line'], ['style', SHIKI_STYLE]],
    input: [['type', 'checkbox'], ['disabled', true], 'checked', 'ariaLabel'],
    li: ['id', ['className', 'task-list-item']],
    ul: [['className', 'contains-task-list']],
    ol: ['start', ['className', 'contains-task-list']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    sup: [],
    td: [['align', 'left', 'center', 'right'], ['style', /^text-align:\s*(left|center|right);?$/]],
    th: [['align', 'left', 'center', 'right'], ['style', /^text-align:\s*(left|center|right);?$/]],
    details: ['open'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: [...LINK_SCHEMES], src: [...IMAGE_SCHEMES] },
  // Removed with their content, not unwrapped: their text is code or styling, never prose.
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext', 'math', 'svg'],
  // Ids stay as rendered: they are the heading anchors the table of contents links to.
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

export function sanitizeTree(tree: Root): Root {
  return sanitize(tree, SANITIZE_SCHEMA) as Root;
}

/**
 * A rendered proposal, made safe. The HTML is parsed with Sätteri's HTML parser (the renderer's
 * own, 2× parse5's speed: parsing was half of a proposal's render time); whatever it reads, only
 * allowed elements and attributes come out, written by hast-util-to-html. tests/unit/sanitize.test.ts
 * holds its output equal to parse5's on every sample and hostile fragment. Node only, as the loader is.
 * `finish` adds the site's own markup to the sanitised tree, which the allow-list need not admit.
 */
export function sanitizeHtml(html: string, finish: (tree: Root) => Root = (tree) => tree): string {
  return toHtml(finish(sanitizeTree(htmlToHast(html, { fragment: true }) as Root)));
}
