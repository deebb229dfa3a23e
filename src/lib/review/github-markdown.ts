/**
 * Text for a pull request's comment and step summary, which GitHub renders as its own Markdown.
 * Findings quote what an author wrote, and the author is whoever opened the pull request: in what
 * GitHub renders, their text must stay text. No link, image or HTML, no @mention that notifies
 * somebody, no markup that breaks out of a list item or a table cell.
 *
 * A finding's message is inline Markdown (`code` and **emphasis**, the author's words in code spans
 * or escaped): it is parsed with the reader's parser and written again keeping only code,
 * emphasis and text, each escaped.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { codeSpan } from '../completeness/text.ts';
import { parser } from '../markdown/parser/satteri.ts';

/**
 * Plain text as GitHub Markdown that shows exactly that text: Markdown's punctuation escaped, and a
 * zero-width space after `@` (as Renovate and Dependabot write it, so a name never notifies), after
 * `://` and after `www`, which GFM would otherwise turn into links whatever is escaped.
 */
export function githubText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&')
    .replaceAll('@', '@&#8203;')
    .replace(/\\:\/\//g, '\\:&#8203;//')
    .replace(/\bwww(?=\\\.)/gi, '$&&#8203;');
}

/** A finding's inline Markdown, with only code, emphasis and text kept (see above). */
export function githubInline(markdown: string): string {
  const root = parser.parseMarkdown(markdown) as Root;
  return root.children.map(anyNode).join(' ').trim();
}

/** Any node: phrasing as below; a block (a message that reads as a list or a heading) by its contents. */
function anyNode(node: RootContent): string {
  if (isPhrasing(node)) return phrasing(node);
  // A paragraph's phrasing is one run of text; blocks (list items, a heading and its paragraph) are separated.
  if ('children' in node) return (node.children as RootContent[]).map(anyNode).join(node.type === 'paragraph' || node.type === 'heading' ? '' : ' ');
  return 'value' in node && typeof node.value === 'string' ? githubText(node.value) : '';
}

const PHRASING = new Set(['text', 'inlineCode', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'image', 'imageReference', 'html', 'break', 'footnoteReference']);

function isPhrasing(node: RootContent): node is PhrasingContent {
  return PHRASING.has(node.type);
}

function phrasing(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
      return githubText(node.value);
    case 'inlineCode':
      // GitHub renders nothing inside a code span: no link, no mention. Line breaks would end the list item.
      return codeSpan(node.value.replace(/\s+/g, ' '));
    case 'emphasis':
      return `*${node.children.map(phrasing).join('')}*`;
    case 'strong':
      return `**${node.children.map(phrasing).join('')}**`;
    case 'delete':
    case 'link':
    case 'linkReference':
      // A link's words, never its target.
      return node.children.map(phrasing).join('');
    case 'image':
    case 'imageReference':
      return githubText(node.alt ?? '');
    case 'html':
      return githubText(node.value);
    case 'break':
      return ' ';
    default:
      return 'value' in node && typeof node.value === 'string' ? githubText(node.value) : '';
  }
}
