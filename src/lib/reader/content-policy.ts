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
 *   the MDX is turned into Markdown (mdx-markdown.ts) and rendered as Markdown, so no contributed module is
 *   ever compiled or evaluated.
 */
import type { Html, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { parser } from '#markdown-parser';
import { walk } from '../markdown/walk.ts';
import type { Localized } from '../i18n/locales.ts';

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
export const CONTENT_POLICY_RULES: readonly { id: PolicyRuleId; title: Localized; allowed: Localized; why: Localized }[] = [
  {
    id: 'content.html',
    title: { zh: '原始 HTML 只允许白名单中的少数元素', en: 'Raw HTML only from a short allow-list' },
    allowed: {
      zh: `${Object.keys(RAW_HTML_ELEMENTS).map((name) => `\`<${name}>\``).join('、')}，均不带属性（\`<details open>\` 除外），以及 HTML 注释。`,
      en: `${Object.keys(RAW_HTML_ELEMENTS).map((name) => `\`<${name}>\``).join(', ')}, without attributes (\`<details open>\` aside), and HTML comments.`,
    },
    why: {
      zh: '其余元素可以执行脚本（`<script>`、`onerror=`）、加载外部内容（`<iframe>`、`<object>`）或改写页面样式（`<style>`）；其他内容用 Markdown 写即可。',
      en: 'Anything else can run script (`<script>`, `onerror=`), load content (`<iframe>`, `<object>`) or restyle the page (`<style>`); Markdown says the rest.',
    },
  },
  {
    id: 'content.url',
    title: { zh: '链接和图片只能指向安全地址', en: 'Links and images only to safe addresses' },
    allowed: {
      zh: `链接：${LINK_SCHEMES.map((s) => `\`${s}:\``).join('、')}、相对路径和 \`#锚点\`，各种 Markdown 链接写法都适用。图片：只允许 \`https:\`。`,
      en: `Links: ${LINK_SCHEMES.map((s) => `\`${s}:\``).join(', ')}, relative paths and \`#anchors\`, in every Markdown link form. Images: \`https:\` only.`,
    },
    why: {
      zh: '`javascript:` 或 `data:` 链接一点击就会执行或展示其中的内容；提案目录本身也不存放图片。',
      en: 'A `javascript:` or `data:` link runs or shows whatever it holds when clicked; the proposals folder holds no images of its own.',
    },
  },
  {
    id: 'content.mdx',
    title: { zh: 'MDX 中不能有代码', en: 'MDX without code' },
    allowed: {
      zh: '不能有 `import` 或 `export`，不能有 `{表达式}`；JSX 只能用于上面允许的 HTML 元素。',
      en: 'No `import` or `export`, no `{expressions}`, and JSX only for the raw HTML allowed above.',
    },
    why: {
      zh: 'MDX 模块是构建时会执行的代码。MDX 提案一律按 Markdown 读取，从不编译。',
      en: 'An MDX module is code the build would run. MDX proposals are read as Markdown and never compiled.',
    },
  },
  {
    id: 'content.limits',
    title: { zh: '大小和结构限制（正常提案都在范围内）', en: 'A size and shape any proposal fits' },
    allowed: {
      zh: '文件不超过 256 KB；空行之间的段落不超过 10,000 个字符，引用块嵌套不超过 16 层，行缩进不超过 200 列（围栏代码块除外）。',
      en: 'At most 256 KB; paragraphs of at most 10,000 characters between blank lines, block quotes nested at most 16 deep, lines indented at most 200 columns (fenced code aside).',
    },
    why: {
      zh: '某些病态输入会让 Markdown 解析器的耗时按平方增长，甚至栈溢出：一个 pull request 不能把负责检查它的构建拖死或搞崩。填满的模板大约 10 KB。',
      en: 'The Markdown parser slows down with the square of some pathological inputs, or runs out of stack: a pull request must not hang or crash the build that checks it. A filled template is about 10 KB.',
    },
  },
];

export interface PolicyFinding {
  id: PolicyRuleId;
  /** 1-based line in the body. */
  line: number;
  message: Localized;
}

const ALLOWED_HTML_TAGS = Object.keys(RAW_HTML_ELEMENTS).map((name) => `<${name}>`);
const ALLOWED_HTML: Localized = { zh: ALLOWED_HTML_TAGS.join('、'), en: ALLOWED_HTML_TAGS.join(', ') };

/** "found <what>; expected Markdown or the allowed HTML", for every HTML or JSX refusal. */
function notAllowedHtml(found: Localized): Localized {
  return {
    zh: `${found.zh}；应使用 Markdown，或仅使用以下不带属性的 HTML 元素：${ALLOWED_HTML.zh}（允许 <details open>）`,
    en: `${found.en}; expected Markdown, or only these HTML elements, without attributes: ${ALLOWED_HTML.en} (<details open> is allowed)`,
  };
}

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
  const message: Localized =
    kind === 'image'
      ? { zh: `实际为指向 ${quote(url)} 的图片；应为 https:// 图片 URL`, en: `found an image to ${quote(url)}; expected an https:// image URL` }
      : {
          zh: `实际为指向 ${quote(url)} 的链接；应为 https:、http: 或 mailto: URL，相对路径，或 #锚点`,
          en: `found a link to ${quote(url)}; expected an https:, http: or mailto: URL, a relative path or a #anchor`,
        };
  return { id: 'content.url', line, message };
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
      if (!token.endsWith('>')) {
        findings.push({ id: 'content.html', line: at, message: { zh: 'HTML 注释没有闭合；应为 "<!--" … "-->"', en: 'found an HTML comment that is never closed; expected "<!--" … "-->"' } });
      }
      continue;
    }
    const name = match[1]?.toLowerCase();
    if (name === undefined) {
      findings.push({ id: 'content.html', line: at, message: notAllowedHtml({ zh: `实际为 ${quote(token)}`, en: `found ${quote(token)}` }) });
      continue;
    }
    const allowedAttributes = Object.hasOwn(RAW_HTML_ELEMENTS, name) ? RAW_HTML_ELEMENTS[name]! : undefined;
    if (allowedAttributes === undefined) {
      findings.push({ id: 'content.html', line: at, message: notAllowedHtml({ zh: `实际为 HTML 元素 <${name}>`, en: `found the HTML element <${name}>` }) });
      continue;
    }
    const attributes = (match[2] ?? '').replace(/\/\s*$/, '').trim();
    const closing = token.startsWith('</');
    if (!token.endsWith('>') || (attributes !== '' && (closing || !allowedAttributes.includes(attributes.toLowerCase())))) {
      findings.push({ id: 'content.html', line: at, message: notAllowedHtml({ zh: `实际为 ${quote(token)}`, en: `found ${quote(token)}` }) });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Markdown and MDX

/**
 * Checks a body's syntax tree, Markdown or MDX: a Markdown tree has `html` nodes and no MDX ones, an
 * MDX tree the reverse, and both have links. A Markdown body's tree is the one the completeness
 * analysis reads, so the body is parsed once. Lines are the body's.
 */
export function checkTree(tree: Root): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  walk(tree, (unknownNode) => {
    const node = unknownNode as Root | RootContent;
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
        findings.push({
          id: 'content.mdx',
          line,
          message: {
            zh: `实际为 ${quote(String(node.value))}；不允许 import 或 export：提案不能引入代码`,
            en: `found ${quote(String(node.value))}; expected no import or export: a proposal cannot bring in code`,
          },
        });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const expression = quote(String(node.value), 40).slice(1, -1);
        findings.push({
          id: 'content.mdx',
          line,
          message: {
            zh: `实际为 JavaScript 表达式 {${expression}}；不允许 {表达式}（花括号本身请写作 \\{）`,
            en: `found the JavaScript expression {${expression}}; expected no {expressions} (write \\{ for a literal brace)`,
          },
        });
        break;
      }
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
    const key = `${f.line} ${f.id} ${f.message.en}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/**
 * Checks an MDX body: parsed as MDX (in the browser, once `parser.loadMdxParser()` has resolved),
 * never compiled. The tree is returned when the body keeps to the policy, for mdx-markdown.ts to
 * turn into the Markdown it stands for.
 */
export function checkMdx(body: string): { findings: PolicyFinding[]; tree: Root | undefined } {
  const parsed = parser.parseMdx(body);
  if ('error' in parsed) {
    const { line, reason } = parsed.error;
    const message: Localized = {
      zh: `MDX 无法解析（${reason}）；应为 Markdown，JSX 只能用 ${ALLOWED_HTML.zh}`,
      en: `found MDX that cannot be parsed (${reason}); expected Markdown with only ${ALLOWED_HTML.en} as JSX`,
    };
    return { findings: [{ id: 'content.mdx', line: line ?? 1, message }], tree: undefined };
  }
  const findings = checkTree(parsed);
  return { findings, tree: findings.length > 0 ? undefined : parsed };
}

function checkJsx(node: MdxJsxFlowElement | MdxJsxTextElement, line: number): PolicyFinding[] {
  const name = node.name;
  const allowedAttributes = name !== null && Object.hasOwn(RAW_HTML_ELEMENTS, name) ? RAW_HTML_ELEMENTS[name]! : undefined;
  // No component of the project's is offered to MDX: an MDX proposal is rendered as Markdown, and a
  // component would need rendering here, from checked props, never by compiling the file.
  if (allowedAttributes === undefined) {
    return [{ id: 'content.mdx', line, message: notAllowedHtml({ zh: `实际为 JSX 元素 <${name ?? ''}>`, en: `found the JSX element <${name ?? ''}>` }) }];
  }
  return node.attributes
    .filter((attribute) => attribute.type !== 'mdxJsxAttribute' || !allowedAttributes.includes(attribute.name) || (attribute.value !== null && attribute.value !== undefined))
    .map((attribute) => {
      const shown = attribute.type === 'mdxJsxAttribute' ? attribute.name : `{${attribute.value}}`;
      return { id: 'content.mdx' as const, line, message: notAllowedHtml({ zh: `实际为 <${name}> 上的属性 ${shown}`, en: `found the attribute ${shown} on <${name}>` }) };
    });
}
