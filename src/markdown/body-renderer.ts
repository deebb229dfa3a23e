/**
 * How a proposal body becomes the HTML on its page: Astro's Sätteri pipeline (Shiki, heading ids,
 * the site's hast plugins) with the site's Markdown settings, then the sanitiser, then the site's own
 * markup (a scrolling region around each table, a permalink beside each section heading). The settings are
 * one object, MARKDOWN_SETTINGS, which astro.config.mjs gives Astro as `markdown` and the body
 * renderer builds its pipeline from, so the two cannot differ.
 *
 * The loader renders bodies with this renderer rather than with the loader context's
 * `renderMarkdown`, because this one also runs on worker threads (render-in-workers.ts): rendering
 * was the main thread's largest cost in a cold build while the cores beside it sat idle. It is
 * plain Node (no Vite, no `astro:` modules), so a worker can load it.
 *
 * Unlike the context's `renderMarkdown`, it does not strip a leading `---` block as frontmatter:
 * the loader passes the body alone, which the reader has already judged as Markdown, whatever its
 * first line.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { RENDER_FEATURES } from '../lib/markdown/parser/features.ts';
import { sanitizeHtml } from '../lib/reader/sanitize.ts';
import { headingAnchors } from './heading-anchors.ts';
import { scrollableTables } from './scrollable-tables.ts';
import { kafkaLinks } from './kafka-links.ts';
import { taskListLabels } from './task-list-labels.ts';

/**
 * The site's `markdown` settings, whole: every value Astro would otherwise fill in with its default
 * is written out, so that the body renderer, which does not go through Astro's config, gets the
 * same pipeline.
 */
export const MARKDOWN_SETTINGS = {
  // kafkaLinks: KIP-/KAFKA- ids, Class#method and source paths in proposal bodies become links.
  // The syntax the build's reader judges (src/lib/markdown/parser/features.ts), so the content
  // policy and the completeness rules see what the page is rendered from.
  processor: satteri({ features: RENDER_FEATURES, hastPlugins: [taskListLabels, kafkaLinks] }),
  // Astro's default ('math' is left to a math renderer, and there is none: it stays plain code).
  syntaxHighlight: { type: 'shiki' as const, excludeLangs: ['math'] },
  shikiConfig: {
    // The "-default" GitHub themes keep every token, comments included, above 4.5:1 (github-dark's comments are 3:1).
    themes: { light: 'github-light-default', dark: 'github-dark-default' } as const,
    // Only custom properties, no inline default colour: global.css picks light or dark with light-dark().
    defaultColor: false as const,
    // Astro's defaults for the rest (`theme` is not used when `themes` is set).
    theme: 'github-dark' as const,
    langs: [],
    langAlias: {},
    wrap: false,
    transformers: [],
  },
};

/** A rendered body as the content store keeps it (the shape of the context's `renderMarkdown`). */
export interface RenderedBody {
  html: string;
  metadata: {
    headings: { depth: number; slug: string; text: string }[];
    localImagePaths: string[];
    remoteImagePaths: string[];
    imagePaths: string[];
    frontmatter: Record<string, unknown>;
  };
}

export type BodyRenderer = (markdown: string) => Promise<RenderedBody>;

/**
 * Astro's Sätteri pipeline with the site's settings, before the sanitiser: what the tests of the
 * sanitiser and of the site's plugins feed on. It loads Shiki's highlighter, so keep it.
 */
export function createMarkdownPipeline() {
  const { processor, syntaxHighlight, shikiConfig } = MARKDOWN_SETTINGS;
  // No image settings: proposals may show only https images (content-policy.ts), which Astro's
  // image service leaves alone without allowed domains, as here.
  return processor.createRenderer({ syntaxHighlight, shikiConfig, image: { domains: [], remotePatterns: [] } });
}

/** The site's pipeline, then the sanitiser; it loads Shiki's highlighter once, so keep it. */
export async function createBodyRenderer(): Promise<BodyRenderer> {
  const pipeline = await createMarkdownPipeline();
  return async (markdown) => {
    const { code, metadata } = await pipeline.render(markdown);
    const localImagePaths = metadata.localImagePaths ?? [];
    const remoteImagePaths = metadata.remoteImagePaths ?? [];
    return {
      html: sanitizeHtml(code, (tree) => headingAnchors(scrollableTables(tree))),
      metadata: {
        headings: metadata.headings ?? [],
        localImagePaths,
        remoteImagePaths,
        imagePaths: [...localImagePaths, ...remoteImagePaths],
        frontmatter: metadata.frontmatter ?? {},
      },
    };
  };
}
