/**
 * Filling in an interface message: shared by the site (with whole dictionaries) and by page scripts
 * in the browser (with the few strings their page gave them), so both word things alike.
 */
import { getLocale, isLocale, type Locale } from './locales.ts';
import type { UiDictionary, UiKey, UiMessage } from './translations/en.ts';

export type Translate = (key: UiKey, values?: Readonly<Record<string, string | number>>) => string;

/**
 * A message with `one`/`other` forms is chosen by `count` with the language's plural rules; `{name}`
 * is replaced by the value of the same name. A key or a value that is missing is an error, so a page
 * never shows a bare key or placeholder.
 */
export function translatorFrom(dictionary: Partial<UiDictionary>, locale: Locale): Translate {
  const plurals = new Intl.PluralRules(getLocale(locale).htmlLang);
  return (key, values = {}) => {
    const message = dictionary[key];
    if (message === undefined) throw new Error(`No interface string "${key}" was given to this page.`);
    return fill(pick(message, values.count, plurals), values, key);
  };
}

/** A page's script's language, as its page gave it (`scriptLanguageAttributes` in translate.ts). */
export interface ScriptLanguage {
  locale: Locale;
  t: Translate;
  /** A message cut where markup goes, as `messageParts`. */
  parts: (key: UiKey, values?: Readonly<Record<string, string | number>>) => MessagePart[];
}

/**
 * Reads back, in the browser, the language and strings a page handed its script in `data-locale`
 * and `data-strings`: every script that words things (copy button, search, /check/) starts here.
 */
export function scriptLanguage(element: { dataset: DOMStringMap }): ScriptLanguage {
  const { locale, strings } = element.dataset;
  if (!isLocale(locale) || strings === undefined) throw new Error('This element was not given its language: set it with scriptLanguageAttributes.');
  const dictionary = JSON.parse(strings) as Partial<UiDictionary>;
  const t = translatorFrom(dictionary, locale);
  const parts: ScriptLanguage['parts'] = (key, values = {}) => {
    const template = dictionary[key];
    if (template === undefined) throw new Error(`No interface string "${key}" was given to this page.`);
    return messageParts(t, key, values, template);
  };
  return { locale, t, parts };
}

/**
 * A message cut at the placeholders that have no value, for a page to put markup there (a link, a
 * code span): `Also {byStatus}.` → `['Also ', { slot: 'byStatus' }, '.']`.
 */
export type MessagePart = string | { slot: string };

export function messageParts(t: Translate, key: UiKey, values: Readonly<Record<string, string | number>>, template: UiMessage): MessagePart[] {
  const forms = typeof template === 'string' ? [template] : [template.one, template.other];
  const slots = forms.flatMap((form) => pieces(form).filter((_, i) => i % 2 === 1)).filter((name) => values[name] === undefined);
  const filled = t(key, { ...values, ...Object.fromEntries(slots.map((name) => [name, `\u0000${name}\u0000`])) });
  return filled.split('\u0000').flatMap((piece, i): MessagePart[] => (i % 2 === 1 ? [{ slot: piece }] : piece === '' ? [] : [piece]));
}

function pick(message: UiMessage, count: string | number | undefined, plurals: Intl.PluralRules): string {
  if (typeof message === 'string') return message;
  return typeof count === 'number' && plurals.select(count) === 'one' ? message.one : message.other;
}

function fill(text: string, values: Readonly<Record<string, string | number>>, key: string): string {
  const cut = pieces(text);
  let filled = cut[0]!;
  for (let i = 1; i < cut.length; i += 2) {
    const value = values[cut[i]!];
    if (value === undefined) throw new Error(`Interface string "${key}" needs a value for {${cut[i]}}.`);
    filled += String(value) + cut[i + 1]!;
  }
  return filled;
}

/**
 * A message's text cut at its placeholders, once: literal, name, literal, …, literal. A page asks
 * for the same few hundred messages tens of thousands of times (every card in every list); a
 * regular expression run on each call was a second of a 1,000-proposal build.
 */
function pieces(text: string): readonly string[] {
  let cut = piecesOf.get(text);
  if (cut === undefined) {
    cut = text.split(/\{(\w+)\}/);
    piecesOf.set(text, cut);
  }
  return cut;
}
const piecesOf = new Map<string, readonly string[]>();
