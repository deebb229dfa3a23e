/**
 * The reader's parser in Node (the build, `astro dev`, `npm run check` and its worker threads):
 * Sätteri, the Rust parser Astro renders every proposal with, so the content policy and the
 * completeness rules judge the very tree the page is made from. About 25× faster than micromark on
 * a filled template (README, "Benchmark").
 */
import type { Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { READ_FEATURES } from './features.ts';
import type { MarkdownParser, MdxSyntaxError } from './types.ts';

const OPTIONS = { features: READ_FEATURES, position: true } as const;

/** Sätteri names the place first: "5:4: Could not parse expression with oxc: …". */
const PLACE = /^(\d+):(\d+):\s*/;
/** …and its rule last, " (mdx-jsx:unexpected-character)", which micromark keeps apart from the reason. */
const RULE = /\s*\([a-z-]+:[a-z-]+\)$/;

function syntaxError(error: unknown): MdxSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const place = PLACE.exec(message);
  return { line: place ? Number(place[1]) : undefined, reason: message.replace(PLACE, '').replace(RULE, '') };
}

export const parser: MarkdownParser = {
  name: 'satteri',
  parseMarkdown: (body) => markdownToMdast(body, OPTIONS) as Root,
  parseMdx(body) {
    try {
      return mdxToMdast(body, OPTIONS) as Root;
    } catch (error) {
      return { error: syntaxError(error) };
    }
  },
  loadMdxParser: () => Promise.resolve(),
};
