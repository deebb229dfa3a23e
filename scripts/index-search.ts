/**
 * The second step of `npm run build`: indexes the built site (dist/, or OUT_DIR) with Pagefind into its pagefind/ folder, after
 * `astro build` has exited (src/lib/search/index-site.ts says why). A site without its index is not
 * a finished build, so any failure exits non-zero and the build fails.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexSite } from '../src/lib/search/index-site.ts';
import { readSiteSettings } from '../src/lib/site-settings.ts';

// The folder astro build wrote to, from the same settings as astro.config.mjs.
const site = resolve(readSiteSettings(process.env).outDir);
if (!existsSync(site)) {
  console.error(`[pagefind] Failed to run Pagefind: ${site} does not exist; run astro build first (npm run build does both).`);
  process.exit(1);
}
try {
  const { indexed, pages, ms } = await indexSite(site);
  console.log(`[pagefind] Indexed ${indexed} of ${pages} pages in ${ms} ms.`);
} catch (error) {
  console.error(`[pagefind] Failed to run Pagefind: ${(error as Error).message}`);
  process.exitCode = 1;
}
