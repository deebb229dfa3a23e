// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import sitemap from '@astrojs/sitemap';
import { MARKDOWN_SETTINGS } from './src/markdown/body-renderer.ts';
import { readSiteSettings } from './src/lib/site-settings.ts';
import { isSitemapPage, SITEMAP_I18N } from './src/lib/sitemap.ts';

/**
 * Where the site is published and the day it is built as of: SITE_URL, BASE_PATH, BUILD_DATE,
 * STALE_AFTER_DAYS, OUT_DIR and REPOSITORY_URL, read once here (src/lib/site-settings.ts lists them and their defaults).
 * A setting that cannot be used stops the build with its name, what was found and what is expected.
 */
const settings = readSiteSettings(process.env);

/**
 * Astro hashes the scripts and styles it bundles, but not `is:inline` ones. The one we have, the
 * theme script BaseLayout inlines before first paint, is hashed here from the same file.
 */
const themeInit = readFileSync(new URL('./src/scripts/theme-init.js', import.meta.url), 'utf8');
const sha256 = (/** @type {string} */ text) => /** @type {const} */ (`sha256-${createHash('sha256').update(text).digest('base64')}`);

export default defineConfig({
  site: settings.siteUrl,
  base: settings.basePath,
  outDir: settings.outDir,
  trailingSlash: 'always',
  // A rebuild copies each proposal page from the last build when its cache key and its code are
  // unchanged; the key covers everything the page shows (src/lib/page-cache-keys.ts). Other pages
  // return no key and are always rendered.
  experimental: { incrementalBuild: true },
  // Four pages at a time: each page waits on its own file writes (and, with incremental builds, on
  // the copy Astro keeps for the next build), which another page's rendering can use. Measured at
  // 1,000 proposals: page phase 15.8/15.1 s against 19.2/18.3 s one at a time.
  build: { concurrency: 4 },
  // The search index is built after Astro exits, by npm run build (src/lib/search/index-site.ts).
  integrations: [mdx(), sitemap({ filter: isSitemapPage, i18n: SITEMAP_I18N })],
  vite: {
    // Pages read these through src/lib/build-info.ts: one date for the whole build.
    define: {
      'import.meta.env.BUILD_DATE': JSON.stringify(settings.buildDate),
      'import.meta.env.REPOSITORY_URL': JSON.stringify(settings.repositoryUrl ?? ''),
      'import.meta.env.STALE_AFTER_DAYS': JSON.stringify(String(settings.staleAfterDays)),
    },
  },
  security: {
    // A <meta http-equiv="content-security-policy"> on every page. Scripts and style elements run
    // only from this origin or by hash: nothing injected into a proposal's HTML can run.
    csp: {
      directives: [
        "default-src 'self'",
        // Proposals may show images from anywhere on https.
        "img-src 'self' https:",
        // Pagefind's index and fragments, and the copy button's template file.
        "connect-src 'self'",
        // Pagefind searches in a worker (dist/pagefind/pagefind-worker.js) when it can.
        "worker-src 'self'",
        "form-action 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
      ],
      scriptDirective: {
        // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly; it does not allow eval() or new Function().
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [sha256(themeInit)],
      },
      styleDirective: {
        // style-src keeps Astro's default, 'self' plus the hashes of its <style> elements. Shiki
        // colours code with style="--shiki-light:…" attributes: only attributes are let through,
        // with style-src-attr. ('self' is not listed: Astro adds it, and warns that it would not
        // apply to attributes if listed.)
        resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }],
      },
    },
  },
  // One object for Astro and for the loader's body renderer, which renders proposals on worker
  // threads with the same pipeline (src/markdown/body-renderer.ts).
  markdown: MARKDOWN_SETTINGS,
});
