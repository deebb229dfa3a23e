/**
 * The interface languages. The default one is served at `/`, every other one under `/<id>/`.
 *
 * To make English the default, change DEFAULT_LOCALE to 'en': Chinese then moves to `/zh/`, and
 * `npm run check` prints English unless told `--lang zh`.
 */

export const LOCALES = [
  // sentenceGap: what goes between two sentences; Chinese sets them side by side after 。
  { id: 'zh', htmlLang: 'zh-CN', name: '中文', intlLocale: 'zh-CN', sentenceGap: '' },
  { id: 'en', htmlLang: 'en', name: 'English', intlLocale: 'en-GB', sentenceGap: ' ' },
] as const;

export type Locale = (typeof LOCALES)[number]['id'];

export const DEFAULT_LOCALE: Locale = 'zh';

export const LOCALE_IDS = LOCALES.map((l) => l.id) as [Locale, ...Locale[]];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALE_IDS as readonly string[]).includes(value);
}

export function getLocale(id: Locale) {
  return LOCALES.find((l) => l.id === id)!;
}

/**
 * A text in every interface language: vocabulary (status, component and level names), rule texts
 * and rule results are data of this shape, so a missing translation is a type error.
 */
export type Localized<T = string> = { readonly [L in Locale]: T };

/** The same text built once per language, for messages assembled from parts. */
export function inEveryLocale<T>(build: (locale: Locale) => T): Localized<T> {
  return Object.fromEntries(LOCALE_IDS.map((l) => [l, build(l)])) as unknown as Localized<T>;
}

/** A list of phrases as each language writes one: "a, b and c" / "a、b 和 c". */
export function joinList(items: readonly string[], locale: Locale): string {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(getLocale(locale).intlLocale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(items);
}

/** One list formatter per language, as for dates below. */
const listFormats = new Map<Locale, Intl.ListFormat>();

/**
 * One formatter per language: building an Intl.DateTimeFormat costs far more than using one (a
 * formatter per date took 2.2 s of a 1,000-proposal build, where every list shows dates). Using
 * one still costs: each date is formatted once per language (every card in every list shows one,
 * and a catalogue has far fewer days than cards), a third of a second of such a build.
 */
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const formattedDates = new Map<string, string>();

/** `2026-03-02` as a reader of this language writes a date: "2 Mar 2026" / "2026年3月2日". */
export function formatDate(isoDate: string, locale: Locale): string {
  const key = `${locale} ${isoDate}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    formatted = formatUncached(isoDate, locale);
    formattedDates.set(key, formatted);
  }
  return formatted;
}

function formatUncached(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(getLocale(locale).intlLocale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}
