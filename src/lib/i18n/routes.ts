/**
 * Where every page and file of the site is served: under the site's base path (BASE_PATH, `/` unless
 * set), the default language at the base, the others under `<base><id>/`. Every internal URL, links,
 * assets, the search index and the template files, is built here: `localePath` for a page in a
 * language, `sitePath` for a file that has no language. So a page, its language switch and its
 * `hreflang` alternates agree, and the site can be served from any folder.
 */
import { DEFAULT_LOCALE, LOCALE_IDS, isLocale, type Locale } from './locales.ts';

/**
 * The base path this build is served under, `/` or `/kafka-proposals/`: Astro's `base`
 * (astro.config.mjs, from BASE_PATH), which Vite gives pages and browser scripts as
 * `import.meta.env.BASE_URL`. Outside Vite (Node scripts, Playwright's tests) there is none, and
 * paths are the site's own, from `/`.
 */
export const BASE_PATH: string = withTrailingSlash(import.meta.env?.BASE_URL ?? '/');

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * The URL of a file or page of the site from its path at the site's root: `sitePath('/pagefind/pagefind.js')`
 * is `/kafka-proposals/pagefind/pagefind.js` under that base, and itself at `/`.
 */
export function sitePath(path: string, base: string = BASE_PATH): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`An internal path starts with one "/": found "${path}".`);
  return `${withTrailingSlash(base).slice(0, -1)}${path}`;
}

/** A URL's path from the site's root: the inverse of `sitePath`; a path outside the base is returned as it is. */
export function withoutBase(pathname: string, base: string = BASE_PATH): string {
  const prefix = withTrailingSlash(base).slice(0, -1);
  if (prefix === '') return pathname;
  if (pathname === prefix) return '/';
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}

/** The `[...locale]` route parameter of a page in this language: none for the default. */
export function localeParam(locale: Locale): string | undefined {
  return locale === DEFAULT_LOCALE ? undefined : locale;
}

/** The language of a page from its `[...locale]` parameter; anything else is a programming error. */
export function localeFromParam(param: string | undefined): Locale {
  if (param === undefined) return DEFAULT_LOCALE;
  if (isLocale(param) && param !== DEFAULT_LOCALE) return param;
  throw new Error(`No interface language is served under "/${param}/".`);
}

/** `getStaticPaths` for a page that exists once per language. */
export function localeStaticPaths(): { params: { locale: string | undefined } }[] {
  return LOCALE_IDS.map((locale) => ({ params: { locale: localeParam(locale) } }));
}

/**
 * The URL of a page of the site in a language, from its path as the default language serves it at
 * the site's root: `localePath('en', '/proposals/')` is `/en/proposals/`, and `/proposals/` stays as
 * it is in Chinese; under a base path, both start with it. A query or fragment is kept.
 */
export function localePath(locale: Locale, path: string, base: string = BASE_PATH): string {
  if (!path.startsWith('/')) throw new Error(`An internal path starts with "/": found "${path}".`);
  const prefix = localeParam(locale);
  return sitePath(prefix === undefined ? path : `/${prefix}${path}`, base);
}

/** Where the 404 page is served in each language: its path as a page, as `splitLocale` gives it. */
export const NOT_FOUND_PATH = '/404/';

/**
 * The address of a page in a language, for links between languages (switch, `hreflang`): as
 * `localePath`, except that the default language's 404 page is the file static hosts serve for
 * every unknown address, `/404.html`, not a folder.
 */
export function alternatePath(locale: Locale, path: string, base: string = BASE_PATH): string {
  return locale === DEFAULT_LOCALE && path === NOT_FOUND_PATH ? sitePath('/404.html', base) : localePath(locale, path, base);
}

/**
 * A page's language and its path without the base or the language prefix: the inverse of
 * `localePath`, so `/kafka-proposals/en/rules/` under that base is English `/rules/`.
 */
export function splitLocale(fullPath: string, base: string = BASE_PATH): { locale: Locale; path: string } {
  const pathname = withoutBase(fullPath, base);
  const match = /^\/([^/?#]+)(?=[/?#]|$)(.*)$/.exec(pathname);
  const first = match?.[1];
  if (first !== undefined && isLocale(first) && first !== DEFAULT_LOCALE) return { locale: first, path: match![2] || '/' };
  return { locale: DEFAULT_LOCALE, path: pathname };
}
