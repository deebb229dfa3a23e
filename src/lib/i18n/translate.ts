/**
 * The interface's words, read through one typed `t(key)` per language. The English dictionary is the
 * schema: a key missing from another language, or a key no page knows, is a type error.
 *
 * Browser code does not import this module (it would bring every dictionary): a page hands its
 * script the few strings it needs with `scriptLanguageAttributes`, and the script reads them with
 * `scriptLanguage` (src/lib/i18n/messages.ts).
 */
import type { Locale } from './locales.ts';
import { translatorFrom, type Translate } from './messages.ts';
import { en, type UiDictionary, type UiKey } from './translations/en.ts';
import { zh } from './translations/zh.ts';

export type { Translate, UiKey };

export const DICTIONARIES: { readonly [L in Locale]: UiDictionary } = { zh, en };

/** `t('badge.rulesNotMet', { count: 2 })` in this language. */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = translatorFrom(DICTIONARIES[locale], locale);
    translators.set(locale, t);
  }
  return t;
}

/**
 * Every component of every page asks for its translator, and each new one builds an
 * Intl.PluralRules: a tenth of a second of a 1,000-proposal build. A translator holds no state.
 */
const translators = new Map<Locale, Translate>();

/**
 * The attributes that hand a page's script its language and the strings of these keys, read back in
 * the browser by `scriptLanguage`.
 */
export function scriptLanguageAttributes(locale: Locale, keys: readonly UiKey[]): { 'data-locale': Locale; 'data-strings': string } {
  return { 'data-locale': locale, 'data-strings': JSON.stringify(stringsFor(locale, keys)) };
}

/** The messages of these keys in this language, for a page to pass to its script as JSON. */
export function stringsFor<K extends UiKey>(locale: Locale, keys: readonly K[]): Pick<UiDictionary, K> {
  return Object.fromEntries(keys.map((key) => [key, DICTIONARIES[locale][key]])) as Pick<UiDictionary, K>;
}
