/**
 * The interface languages as the tests use them: every page kind is visited in each, at the path
 * `localePath` gives, and expected interface text comes from the site's own dictionaries.
 */
import { withoutQuoteMarks } from '../../src/lib/completeness/text.ts';
import { DEFAULT_LOCALE, getLocale, LOCALE_IDS, type Locale } from '../../src/lib/i18n/locales.ts';
import { alternatePath, localePath, NOT_FOUND_PATH } from '../../src/lib/i18n/routes.ts';
import { DICTIONARIES, translator, type UiKey } from '../../src/lib/i18n/translate.ts';
import type { UiMessage } from '../../src/lib/i18n/translations/en.ts';
import { STATUSES, type Status } from '../../src/lib/vocabulary/statuses.ts';
import { proposals } from './catalogue.ts';

export { DEFAULT_LOCALE, DICTIONARIES, LOCALE_IDS, localePath, translator, type Locale, type UiKey };

/** Every language, with its `t`, the path of a page in it and the `lang` of its pages. */
export const LANGUAGES = LOCALE_IDS.map((locale) => ({
  locale,
  t: translator(locale),
  path: (path: string) => localePath(locale, path),
  htmlLang: getLocale(locale).htmlLang,
}));

/** The 404 page of each language: the default one is the site's /404.html, the others have their own. */
export const NOT_FOUND_PAGE = Object.fromEntries(LOCALE_IDS.map((locale) => [locale, alternatePath(locale, NOT_FOUND_PATH)])) as Record<Locale, string>;

/** The open proposal left longest without an update: the one with a stale notice, whenever any proposal has one. */
const longestWaiting = proposals
  .filter((p) => STATUSES.some((s: Status) => s.id === p.status && s.canGoStale === true))
  .sort((a, b) => a.updated.localeCompare(b.updated))[0];

/** A proposal whose page charts results, the one with most verdicts that give a reason (inconclusive, no data) first. */
const charted = proposals
  .filter((p) => p.dod.rows.length > 0)
  .sort((a, b) => b.dod.verdicts.filter((v) => v.reason).length - a.dod.verdicts.filter((v) => v.reason).length || b.dod.total - a.dod.total)[0];

/** One page of every kind the site has (the 404 page aside), by its path in the default language; each once, should two kinds pick one proposal. */
export const PAGE_KINDS = [
  '/',
  '/proposals/',
  '/proposals/table/',
  '/proposals/completeness/',
  '/proposals/stale/',
  // A verdict page with proposals on it, and their DoD marks, whenever any proposal has been judged.
  `/proposals/dod/${proposals.find((p) => p.dod.verdict !== 'none')?.dod.verdict ?? 'none'}/`,
  `/proposals/${proposals.find((p) => p.lang === 'zh' && p.completeness.score < 100)!.id}/`,
  `/proposals/${proposals.find((p) => p.lang === 'en' && p.completeness.score === 100)!.id}/`,
  ...(longestWaiting ? [`/proposals/${longestWaiting.id}/`] : []),
  // A proposal with a results table: its DoD verdicts and chart, preferring one with a reason shown.
  ...(charted ? [`/proposals/${charted.id}/`] : []),
  '/components/',
  '/components/compaction/',
  '/status/',
  '/status/draft/',
  '/rules/',
  '/template/',
  '/template/en/',
  '/search/',
  '/check/',
].filter((path, i, paths) => paths.indexOf(path) === i);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const forms = (message: UiMessage) => (typeof message === 'string' ? [message] : [message.one, message.other]);

/**
 * The whole text of any of these messages in a language, in any of its plural forms: the given
 * values filled in, any other placeholder standing for some text. For waiting on a live region
 * ("3 proposals match …") without knowing its figures.
 */
export function messagePattern(locale: Locale, keys: UiKey | readonly UiKey[], values: Readonly<Record<string, string | number>> = {}): RegExp {
  const alternatives = (typeof keys === 'string' ? [keys] : keys).flatMap((key) =>
    forms(DICTIONARIES[locale][key]).map((form) =>
      form
        .split(/(\{\w+\})/)
        .map((part, i) => {
          if (i % 2 === 0) return escape(part);
          const value = values[part.slice(1, -1)];
          return value === undefined ? '.+?' : escape(String(value));
        })
        .join(''),
    ),
  );
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}

/**
 * A rule text or finding as its words read on a page: messages are inline Markdown (`code`,
 * **bold**) and quote the author between isolate marks, all of which the page shows as formatting.
 */
export const shownWords = (message: string) => withoutQuoteMarks(message).replace(/`|\*\*/g, '');
