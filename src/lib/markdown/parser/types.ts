/**
 * What the reader needs of a Markdown parser. Two implement it: Sätteri, the renderer's own parser,
 * in Node (satteri.ts), and micromark in the browser checker (micromark.ts), where Sätteri's
 * WebAssembly build would weigh 0.95 MB gzip. `#markdown-parser` (package.json `imports`) picks one
 * by the `browser` condition, so no caller chooses, and both return the same mdast with positions.
 */
import type { Root } from 'mdast';

/** MDX that does not parse: where and why, in the parser's own words. */
export interface MdxSyntaxError {
  /** 1-based line in the body, when the parser says. */
  line: number | undefined;
  reason: string;
}

export interface MarkdownParser {
  /** Which parser this is, for messages and for the differential test. */
  readonly name: 'satteri' | 'micromark';
  /** A Markdown body as mdast (GFM), with positions in the body's lines. */
  parseMarkdown(body: string): Root;
  /**
   * An MDX body as mdast with MDX nodes (ESM, expressions, JSX), or why it does not parse. In the
   * browser the MDX parser is loaded on demand: call `loadMdxParser` first.
   */
  parseMdx(body: string): Root | { error: MdxSyntaxError };
  /** Resolves once `parseMdx` can be called; at once where it always can. */
  loadMdxParser(): Promise<void>;
}
