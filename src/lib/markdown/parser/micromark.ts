/**
 * The reader's parser in the browser checker: micromark, with its GFM extensions, turned into mdast
 * by mdast-util-from-markdown (what remark-parse and remark-gfm do, without their Markdown writers,
 * which the checker never uses): about 24 KB gzip, where Sätteri's WebAssembly build is 0.95 MB.
 * It reads the same syntax as satteri.ts (features.ts); tests/unit/parser-equivalence.test.ts
 * holds the two equal and says where they differ, and there the build's answer is the one that counts.
 *
 * The MDX parser (micromark's MDX extensions, with acorn) is as heavy again and only `.mdx` drafts
 * need it, so it is loaded on demand.
 */
import type { Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { MarkdownParser, MdxSyntaxError } from './types.ts';

const MARKDOWN: Options = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
let mdx: Options | undefined;
let loading: Promise<void> | undefined;

function syntaxError(error: unknown): MdxSyntaxError {
  const place = (error as { line?: number }).line;
  return { line: typeof place === 'number' ? place : undefined, reason: (error as { reason?: string }).reason ?? String(error) };
}

export const parser: MarkdownParser = {
  name: 'micromark',
  parseMarkdown: (body) => fromMarkdown(body, MARKDOWN),
  parseMdx(body) {
    if (!mdx) throw new Error('the MDX parser is not loaded: await loadMdxParser() before reading an .mdx file');
    try {
      return fromMarkdown(body, mdx) as Root;
    } catch (error) {
      return { error: syntaxError(error) };
    }
  },
  loadMdxParser() {
    loading ??= Promise.all([import('micromark-extension-mdxjs'), import('mdast-util-mdx')]).then(([{ mdxjs }, { mdxFromMarkdown }]) => {
      // As remark-mdx reads MDX: ESM, expressions and JSX, then GFM.
      mdx = { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] };
    });
    return loading;
  },
};
