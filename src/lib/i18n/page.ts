/**
 * What a page or component needs to speak the reader's language, from the page's URL: its
 * language, `t`, internal links in that language, and vocabulary and dates in that language.
 * Components call it with `Astro.url`, so no page has to pass the language down.
 */
import { formatDate, getLocale, type Locale, type Localized } from './locales.ts';
import { localePath, splitLocale } from './routes.ts';
import { messageParts, type MessagePart } from './messages.ts';
import { DICTIONARIES, translator, type Translate, type UiKey } from './translate.ts';

export interface PageLanguage {
  locale: Locale;
  /** `zh-CN` or `en`, for `lang` attributes. */
  htmlLang: string;
  /** The page's path without its language prefix: the same for every language of a page. */
  path: string;
  t: Translate;
  /**
   * A message cut where markup goes: each `{name}` without a value becomes `{ slot: name }`, in the
   * place this language puts it (see Message.astro).
   */
  parts: (key: UiKey, values?: Readonly<Record<string, string | number>>) => MessagePart[];
  /** An internal link in this language, from the path the default language serves it at. */
  href: (path: string) => string;
  /** A vocabulary text (a status, a component, a rule) in this language. */
  text: <T>(localized: Localized<T>) => T;
  /** A `YYYY-MM-DD` date as this language writes it. */
  date: (isoDate: string) => string;
  /** What separates two sentences in this language: a space in English, nothing in Chinese. */
  sentenceGap: string;
  /** Sentences one after the other, the empty ones left out. */
  sentences: (...texts: string[]) => string;
}

/** Everything but the path depends on the language alone: built once per language, shared by every page. */
const languages = new Map<Locale, Omit<PageLanguage, 'path'>>();

function languageOf(locale: Locale): Omit<PageLanguage, 'path'> {
  let language = languages.get(locale);
  if (!language) {
    const { htmlLang, sentenceGap } = getLocale(locale);
    const t = translator(locale);
    language = {
      locale,
      htmlLang,
      t,
      parts: (key, values = {}) => messageParts(t, key, values, DICTIONARIES[locale][key]),
      href: (to) => localePath(locale, to),
      text: (localized) => localized[locale],
      date: (isoDate) => formatDate(isoDate, locale),
      sentenceGap,
      sentences: (...texts) => texts.filter((text) => text !== '').join(sentenceGap),
    };
    languages.set(locale, language);
  }
  return language;
}

export function pageLanguage(url: URL): PageLanguage {
  const { locale, path } = splitLocale(url.pathname);
  return { ...languageOf(locale), path };
}
