/**
 * The Markdown an MDX proposal stands for, which is what the build renders: an MDX proposal is
 * never compiled as a module. Its allowed JSX elements (checked by the content policy, so without
 * attributes but `<details open>`) become the same raw HTML a Markdown proposal may write.
 *
 * Node only (the content loader): the browser checker reads MDX drafts but renders nothing.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { checkMdx } from './content-policy.ts';

const markdownWriter = unified().use(remarkGfm).use(remarkStringify);

/** The Markdown to render for an MDX body; undefined when the content policy refuses it. */
export function mdxAsMarkdown(body: string): string | undefined {
  const { tree } = checkMdx(body);
  return tree === undefined ? undefined : String(markdownWriter.stringify(jsxToHtml(tree)));
}

/** Block-level mdast nodes: any other child of a JSX element is phrasing (text, emphasis, links, inline JSX). */
const FLOW_TYPES = new Set(['blockquote', 'code', 'definition', 'footnoteDefinition', 'heading', 'html', 'list', 'listItem', 'paragraph', 'table', 'thematicBreak', 'mdxJsxFlowElement', 'mdxFlowExpression', 'mdxjsEsm']);

/**
 * Replaces each (checked, attribute-free) JSX element by raw HTML tags around its children.
 *
 * A JSX element alone on its line whose content is phrasing (`<summary>Title</summary>`) is a flow
 * element holding text for Sätteri, and a paragraph holding a text element for micromark. Either
 * way it becomes a paragraph of tags and text: phrasing laid out as blocks would run the blocks
 * around it together when written as Markdown.
 */
function jsxToHtml(tree: Root): Root {
  const convert = (nodes: RootContent[]): RootContent[] =>
    nodes.flatMap((node): RootContent[] => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const open = node.attributes.length > 0 ? `<${node.name} open>` : `<${node.name}>`;
        if (node.name === 'br') return [{ type: 'html', value: '<br>' }];
        const children = node.children as RootContent[];
        const converted: RootContent[] = [{ type: 'html', value: open }, ...convert(children), { type: 'html', value: `</${node.name}>` }];
        if (node.type === 'mdxJsxFlowElement' && children.length > 0 && !children.some((child) => FLOW_TYPES.has(child.type))) {
          return [{ type: 'paragraph', children: converted as PhrasingContent[] }];
        }
        return converted;
      }
      if ('children' in node) return [{ ...node, children: convert(node.children as RootContent[]) } as RootContent];
      return [node];
    });
  return { ...tree, children: convert(tree.children) };
}
