/**
 * What a proposal's body may contain. Proposals arrive by pull request and are published as pages,
 * so the body is Markdown and nothing that runs: every allowance below is an allow-list, checked
 * when the file is read (a refusal is a `file:line` error that stops the build), and the rendered
 * HTML is sanitised again with the same lists (sanitize.ts), so a gap here still cannot run script.
 *
 * - Raw HTML: only the elements in `RAW_HTML_ELEMENTS`, written without attributes (`<details open>`
 *   aside), and HTML comments. No `style`, no event handlers, no `src`.
 * - Link URLs: https:, http:, mailto:, relative paths and #anchors, in every Markdown link form
 *   (inline, reference definitions, autolinks). Image URLs: https: only (the proposals folder
 *   holds proposals, not images, and the site's Content-Security-Policy loads no other).
 * - MDX: no `import`/`export`, no `{expressions}`, and JSX only for the raw-HTML elements above
 *   (no component of the project's: none is needed yet, and each would be rendered here);
 *   the MDX is turned into Markdown here and rendered as Markdown, so no contributed module is
 *   ever compiled or evaluated.
 */
import type { Html, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** Raw HTML a proposal may use, and the attributes each may carry. Everything else is refused. */
export const RAW_HTML_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  details: ['open'],
  summary: [],
  sup: [],
  sub: [],
  br: [],
  kbd: [],
};

/** Schemes a link may use; a URL without a scheme (a relative path, `#anchor`) is always allowed. */
export const LINK_SCHEMES = ['https', 'http', 'mailto'] as const;
/** Schemes an image may use. */
export const IMAGE_SCHEMES = ['https'] as const;

export type PolicyRuleId = 'content.html' | 'content.url' | 'content.mdx' | 'content.limits';

/** The policy's rules as the /rules/ page and the README describe them; the checks below enforce them. */
export const CONTENT_POLICY_RULES: readonly { id: PolicyRuleId; title: string; allowed: string; why: string }[] = [
  {
    id: 'content.html',
    title: 'Raw HTML only from a short allow-list',
    allowed: `${Object.keys(RAW_HTML_ELEMENTS).map((name) => `\`<${name}>\``).join(', ')}, without attributes (\`<details open>\` aside), and HTML comments.`,
    why: 'Anything else can run script (`<script>`, `onerror=`), load content (`<iframe>`, `<object>`) or restyle the page (`<style>`); Markdown says the rest.',
  },
  {
    id: 'content.url',
    title: 'Links and images only to safe addresses',
    allowed: `Links: ${LINK_SCHEMES.map((s) => `\`${s}:\``).join(', ')}, relative paths and \`#anchors\`, in every Markdown link form. Images: \`https:\` only.`,
    why: 'A `javascript:` or `data:` link runs or shows whatever it holds when clicked; the proposals folder holds no images of its own.',
  },
  {
    id: 'content.mdx',
    title: 'MDX without code',
    allowed: 'No `import` or `export`, no `{expressions}`, and JSX only for the raw HTML allowed above.',
    why: 'An MDX module is code the build would run. MDX proposals are read as Markdown and never compiled.',
  },
  {
    id: 'content.limits',
    title: 'A size and shape any proposal fits',
    allowed: 'At most 256 KB; paragraphs of at most 10,000 characters between blank lines, block quotes nested at most 16 deep, lines indented at most 200 columns (fenced code aside).',
    why: 'The Markdown parser slows down with the square of some pathological inputs, or runs out of stack: a pull request must not hang or crash the build that checks it. A filled template is about 10 KB.',
  },
];

export interface PolicyFinding {
  id: PolicyRuleId;
  /** 1-based line in the body. */
  line: number;
  message: string;
}

const ALLOWED_HTML = Object.keys(RAW_HTML_ELEMENTS)
  .map((name) => `<${name}>`)
  .join(', ');
const EXPECTED_HTML = `expected Markdown, or only these HTML elements, without attributes: ${ALLOWED_HTML} (<details open> is allowed)`;

/** Shows a piece of contributed text in a message: one line, short, and inert as Markdown. */
export function quote(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine);
}

// ---------------------------------------------------------------------------------------------
// URLs

/**
 * Browsers drop ASCII tab and newline anywhere in a URL and control characters and spaces around it,
 * so `java\tscript:` is `javascript:`; the scheme is judged on what the browser will see.
 */
function schemeOf(url: string): string | undefined {
  const seen = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(seen)?.[1]?.toLowerCase();
}

export function isAllowedUrl(url: string, kind: 'link' | 'image'): boolean {
  const scheme = schemeOf(url);
  if (kind === 'image') return scheme !== undefined && (IMAGE_SCHEMES as readonly string[]).includes(scheme);
  return scheme === undefined || (LINK_SCHEMES as readonly string[]).includes(scheme);
}

/** Checks the URL of a link, a reference definition or an image, in Markdown and MDX alike. */
function checkUrl(node: { type: 'link' | 'definition' | 'image'; url: string }, line: number): PolicyFinding[] {
  const kind = node.type === 'image' ? 'image' : 'link';
  return isAllowedUrl(node.url, kind) ? [] : [urlFinding(node.url, kind, line)];
}

function urlFinding(url: string, kind: 'link' | 'image', line: number): PolicyFinding {
  const expected = kind === 'image' ? 'expected an https:// image URL' : 'expected an https:, http: or mailto: URL, a relative path or a #anchor';
  return { id: 'content.url', line, message: `found ${kind === 'image' ? 'an image' : 'a link'} to ${quote(url)}; ${expected}` };
}

// ---------------------------------------------------------------------------------------------
// Raw HTML

/**
 * Every tag, comment, declaration or processing instruction in a piece of raw HTML. A comment ends
 * where a browser ends it: at `-->`, at `--!>`, or at once for `<!-->` and `<!--->`, so that nothing
 * after the end can hide inside it.
 */
const HTML_TOKEN = /<!--(?:>|->|[\s\S]*?(?:--!?>|$))|<![\s\S]*?(?:>|$)|<\?[\s\S]*?(?:>|$)|<\/?([A-Za-z][^\s/>]*)([^>]*)(?:>|$)/g;

/** Checks one raw HTML fragment; `line` is the body line it starts on. */
export function checkRawHtml(html: string, line: number): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  for (const match of html.matchAll(HTML_TOKEN)) {
    const token = match[0];
    const at = line + (html.slice(0, match.index).match(/\n/g)?.length ?? 0);
    if (token.startsWith('<!--')) {
      if (!token.endsWith('>')) findings.push({ id: 'content.html', line: at, message: `found an HTML comment that is never closed; expected "<!--" … "-->"` });
      continue;
    }
    const name = match[1]?.toLowerCase();
    if (name === undefined) {
      findings.push({ id: 'content.html', line: at, message: `found ${quote(token)}; ${EXPECTED_HTML}` });
      continue;
    }
    const allowedAttributes = Object.hasOwn(RAW_HTML_ELEMENTS, name) ? RAW_HTML_ELEMENTS[name]! : undefined;
    if (allowedAttributes === undefined) {
      findings.push({ id: 'content.html', line: at, message: `found the HTML element <${name}>; ${EXPECTED_HTML}` });
      continue;
    }
    const attributes = (match[2] ?? '').replace(/\/\s*$/, '').trim();
    const closing = token.startsWith('</');
    if (!token.endsWith('>') || (attributes !== '' && (closing || !allowedAttributes.includes(attributes.toLowerCase())))) {
      findings.push({ id: 'content.html', line: at, message: `found ${quote(token)}; ${EXPECTED_HTML}` });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Markdown and MDX

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const markdownWriter = unified().use(remarkGfm).use(remarkStringify);

/**
 * Checks a body's syntax tree, Markdown or MDX: a Markdown tree has `html` nodes and no MDX ones, an
 * MDX tree the reverse, and both have links. A Markdown body's tree is the one the completeness
 * analysis reads, so the body is parsed once. Lines are the body's.
 */
export function checkTree(tree: Root): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'html':
        findings.push(...checkRawHtml((node as Html).value, line));
        break;
      case 'link':
      case 'definition':
      case 'image':
        findings.push(...checkUrl(node, line));
        break;
      case 'mdxjsEsm':
        findings.push({ id: 'content.mdx', line, message: `found ${quote(String(node.value))}; expected no import or export: a proposal cannot bring in code` });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        findings.push({ id: 'content.mdx', line, message: `found the JavaScript expression {${quote(String(node.value), 40).slice(1, -1)}}; expected no {expressions} (write \\{ for a literal brace)` });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        findings.push(...checkJsx(node, line));
        break;
    }
  });
  return once(findings);
}

/** Each finding once: `<script>…</script>` on a line is one refusal, not two. */
function once(findings: PolicyFinding[]): PolicyFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.line} ${f.id} ${f.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/** The policy's verdict on a body, and the Markdown to render when it keeps to the policy. */
export interface PolicyReading {
  findings: PolicyFinding[];
  /** The body as plain Markdown to render (for MDX, the Markdown it stands for). */
  markdown: string | undefined;
}

/**
 * Checks an MDX body and, when it keeps to the policy, turns it into the Markdown it stands for:
 * allowed JSX elements become the same raw HTML a Markdown proposal may write.
 */
export function readMdx(body: string): PolicyReading {
  let tree: Root;
  try {
    tree = mdxParser.runSync(mdxParser.parse(body)) as Root;
  } catch (error) {
    const place = (error as { line?: number }).line;
    const reason = (error as { reason?: string }).reason ?? String(error);
    return { findings: [{ id: 'content.mdx', line: place ?? 1, message: `found MDX that cannot be parsed (${reason}); expected Markdown with only ${ALLOWED_HTML} as JSX` }], markdown: undefined };
  }
  const findings = checkTree(tree);
  if (findings.length > 0) return { findings, markdown: undefined };
  return { findings, markdown: String(markdownWriter.stringify(jsxToHtml(tree))) };
}

function checkJsx(node: MdxJsxFlowElement | MdxJsxTextElement, line: number): PolicyFinding[] {
  const name = node.name;
  const allowedAttributes = name !== null && Object.hasOwn(RAW_HTML_ELEMENTS, name) ? RAW_HTML_ELEMENTS[name]! : undefined;
  // No component of the project's is offered to MDX: an MDX proposal is rendered as Markdown, and a
  // component would need rendering here, from checked props, never by compiling the file.
  if (allowedAttributes === undefined) {
    return [{ id: 'content.mdx', line, message: `found the JSX element <${name ?? ''}>; ${EXPECTED_HTML}` }];
  }
  return node.attributes
    .filter((attribute) => attribute.type !== 'mdxJsxAttribute' || !allowedAttributes.includes(attribute.name) || (attribute.value !== null && attribute.value !== undefined))
    .map((attribute) => ({
      id: 'content.mdx' as const,
      line,
      message: `found the attribute ${attribute.type === 'mdxJsxAttribute' ? attribute.name : `{${attribute.value}}`} on <${name}>; ${EXPECTED_HTML}`,
    }));
}

/** Replaces each (checked, attribute-free) JSX element by raw HTML tags around its children. */
function jsxToHtml(tree: Root): Root {
  const convert = (nodes: RootContent[]): RootContent[] =>
    nodes.flatMap((node): RootContent[] => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const open = node.attributes.length > 0 ? `<${node.name} open>` : `<${node.name}>`;
        if (node.name === 'br') return [{ type: 'html', value: '<br>' }];
        return [{ type: 'html', value: open }, ...convert(node.children as RootContent[]), { type: 'html', value: `</${node.name}>` }];
      }
      if ('children' in node) return [{ ...node, children: convert(node.children as RootContent[]) } as RootContent];
      return [node];
    });
  return { ...tree, children: convert(tree.children) };
}
