/**
 * What the sitemap lists (@astrojs/sitemap, in astro.config.mjs): every page of the site in every
 * language, but not the 404 pages, which are what a missing page looks like rather than a page to
 * visit. robots.txt points crawlers at it (src/pages/robots.txt.ts).
 */
import { DEFAULT_LOCALE, LOCALES } from './i18n/locales.ts';

/** The file @astrojs/sitemap writes at the root of the site, which links to its parts. */
export const SITEMAP_INDEX = 'sitemap-index.xml';

/** @param page an absolute URL of a built page, as the sitemap integration passes it */
export function isSitemapPage(page: string): boolean {
  return !/\/404(?:\.html|\/)?$/.test(new URL(page).pathname);
}

/** The sitemap's `hreflang` alternates: each language by its URL prefix, as routes.ts lays them out. */
export const SITEMAP_I18N = {
  defaultLocale: DEFAULT_LOCALE,
  locales: Object.fromEntries(LOCALES.map((l) => [l.id, l.htmlLang])),
};
