/**
 * Where each language's pages live: the default language at `/`, the others under `/<id>/`. Every
 * internal link is built by `localePath`, so that a page, its language switch and its `hreflang`
 * alternates agree, and so that the site's base path (issue 13) has one place to go.
 */
import { DEFAULT_LOCALE, LOCALE_IDS, isLocale, type Locale } from './locales.ts';

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
 * The URL of a page of the site in a language, from its path as the default language serves it:
 * `localePath('en', '/proposals/')` is `/en/proposals/`, and `/proposals/` stays as it is in Chinese.
 * A query or fragment is kept.
 */
export function localePath(locale: Locale, path: string): string {
  if (!path.startsWith('/')) throw new Error(`An internal path starts with "/": found "${path}".`);
  const prefix = localeParam(locale);
  return prefix === undefined ? path : `/${prefix}${path}`;
}

/** Where the 404 page is served in each language: its path as a page, as `splitLocale` gives it. */
export const NOT_FOUND_PATH = '/404/';

/**
 * The address of a page in a language, for links between languages (switch, `hreflang`): as
 * `localePath`, except that the default language's 404 page is the file static hosts serve for
 * every unknown address, `/404.html`, not a folder.
 */
export function alternatePath(locale: Locale, path: string): string {
  return locale === DEFAULT_LOCALE && path === NOT_FOUND_PATH ? '/404.html' : localePath(locale, path);
}

/** A page's language and its path without the language prefix: the inverse of `localePath`. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  const match = /^\/([^/?#]+)(?=[/?#]|$)(.*)$/.exec(pathname);
  const first = match?.[1];
  if (first !== undefined && isLocale(first) && first !== DEFAULT_LOCALE) return { locale: first, path: match![2] || '/' };
  return { locale: DEFAULT_LOCALE, path: pathname };
}
