/**
 * The Markdown syntax a proposal is written in, for the renderer (astro.config.mjs) and the build's
 * reader (satteri.ts) alike: what the content policy and the completeness rules judge is the syntax
 * the page is rendered from. The browser's reader (micromark.ts) parses the same syntax with
 * remark-gfm, and tests/unit/parser-equivalence.test.ts holds the two equal.
 *
 * Plain data with no import, so astro.config.mjs can read it before anything is bundled.
 */
export const MARKDOWN_FEATURES = {
  /** Tables, task lists, strikethrough, autolink literals and footnotes, as GitHub renders a pull request. */
  gfm: true,
  /**
   * Off: the reader has already taken the frontmatter off the file (src/lib/reader/frontmatter.ts).
   * A body that starts with a second `---` block is Markdown, shown and judged, never hidden as data.
   */
  frontmatter: false,
  math: false,
  directive: false,
  headingAttributes: false,
  wikilinks: false,
  definitionList: false,
  superscript: false,
  subscript: false,
  rawHtml: false,
} as const;

/**
 * Curly quotes and dashes on the page (Astro's default), but not in the reader: they change text,
 * never structure, and the rules read text as the author wrote it (`{{...}}` stays a placeholder).
 */
export const RENDER_FEATURES = { ...MARKDOWN_FEATURES, smartPunctuation: true } as const;
export const READ_FEATURES = { ...MARKDOWN_FEATURES, smartPunctuation: false } as const;
