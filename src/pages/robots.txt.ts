/**
 * robots.txt: every page may be crawled, and the sitemap says where they are, by absolute URL under
 * the site's origin and base path (SITE_URL, BASE_PATH). Crawlers read it at the origin's root only,
 * so under a base path it is for the host to serve or merge.
 */
import type { APIRoute } from 'astro';
import { sitePath } from '../lib/i18n/routes.ts';
import { SITEMAP_INDEX } from '../lib/sitemap.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(sitePath(`/${SITEMAP_INDEX}`), site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
