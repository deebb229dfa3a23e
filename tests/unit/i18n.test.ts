import { describe, expect, it } from 'vitest';
import { COMPLETENESS_LEVELS } from '../../src/lib/completeness/levels.ts';
import { RULES } from '../../src/lib/completeness/rules/index.ts';
import { DEFAULT_LOCALE, formatDate, joinList, LOCALE_IDS, type Localized } from '../../src/lib/i18n/locales.ts';
import { messageParts, scriptLanguage, translatorFrom } from '../../src/lib/i18n/messages.ts';
import { localePath, localeStaticPaths, splitLocale } from '../../src/lib/i18n/routes.ts';
import { DICTIONARIES, scriptLanguageAttributes, stringsFor, translator } from '../../src/lib/i18n/translate.ts';
import type { UiMessage } from '../../src/lib/i18n/translations/en.ts';
import { COMPONENTS } from '../../src/lib/vocabulary/components.ts';
import { STATUSES } from '../../src/lib/vocabulary/statuses.ts';

const CJK = /[\u3400-\u9fff]/;
const forms = (message: UiMessage) => (typeof message === 'string' ? [message] : [message.one, message.other]);
const placeholders = (message: UiMessage) => new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));

describe('the interface dictionaries', () => {
  const [first, ...others] = LOCALE_IDS;
  const keys = (locale: (typeof LOCALE_IDS)[number]) => Object.keys(DICTIONARIES[locale]).sort();

  it.each(others)('%s has exactly the keys of the first language', (locale) => {
    expect(keys(locale)).toEqual(keys(first));
  });

  it.each(LOCALE_IDS)('%s has no empty message, and every message uses the same placeholders as English', (locale) => {
    for (const [key, message] of Object.entries(DICTIONARIES[locale])) {
      for (const text of forms(message)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(message), `${locale} ${key}`).toEqual(placeholders(DICTIONARIES.en[key as keyof typeof DICTIONARIES.en]));
    }
  });

  it('writes Chinese in Chinese: every zh message that differs from English has Chinese characters', () => {
    const latinOnly = Object.entries(DICTIONARIES.zh).filter(([key, message]) => forms(message).some((text) => !CJK.test(text)) && message !== DICTIONARIES.en[key as keyof typeof DICTIONARIES.en]);
    // Punctuation-only messages (a separator, a colon) are the only exceptions.
    expect(latinOnly.filter(([, message]) => forms(message).some((text) => /[A-Za-z]/.test(text.replace(/\{\w+\}/g, ''))))).toEqual([]);
  });
});

describe('vocabulary in both languages', () => {
  const localized = (what: string, value: Localized) => {
    for (const locale of LOCALE_IDS) expect(value[locale]?.trim(), `${what} (${locale})`).toBeTruthy();
    expect(value.zh, `${what} (zh)`).toMatch(CJK);
  };

  it('every status has a label and a meaning in each language', () => {
    for (const s of STATUSES) {
      localized(`status ${s.id} label`, s.label);
      localized(`status ${s.id} meaning`, s.meaning);
    }
  });

  it('every component has a name and a description in each language', () => {
    for (const c of COMPONENTS) {
      localized(`component ${c.id} name`, c.name);
      localized(`component ${c.id} description`, c.description);
    }
  });

  it('every completeness level has a name and a meaning in each language', () => {
    for (const level of COMPLETENESS_LEVELS) {
      localized(`level ${level.id} name`, level.name);
      localized(`level ${level.id} meaning`, level.meaning);
    }
  });

  it('every completeness rule has a title, why and fix in each language', () => {
    for (const rule of RULES) {
      localized(`rule ${rule.id} title`, rule.title);
      localized(`rule ${rule.id} why`, rule.why);
      localized(`rule ${rule.id} fix`, rule.fix);
    }
  });
});

describe('t', () => {
  it('chooses plural forms by count with each language’s rules', () => {
    expect(translator('en')('badge.rulesNotMet', { count: 1 })).toBe('1 rule not met');
    expect(translator('en')('badge.rulesNotMet', { count: 3 })).toBe('3 rules not met');
    expect(translator('zh')('badge.rulesNotMet', { count: 1 })).toBe('1 条规则未满足');
  });

  it('refuses a placeholder without a value, and a key its page was not given', () => {
    expect(() => translator('en')('badge.rulesNotMet')).toThrow(/needs a value for \{count\}/);
    expect(() => translatorFrom(stringsFor('zh', ['badge.hidden']), 'zh')('badge.sentence', { score: 1, level: 'x' })).toThrow(/No interface string "badge.sentence"/);
    expect(translatorFrom(stringsFor('zh', ['badge.hidden']), 'zh')('badge.hidden')).toBe(DICTIONARIES.zh['badge.hidden']);
  });

  it('hands a page script its language and strings, and reads them back the same', () => {
    for (const locale of LOCALE_IDS) {
      const attributes = scriptLanguageAttributes(locale, ['card.updated', 'badge.rulesNotMet']);
      const dataset = { locale: attributes['data-locale'], strings: attributes['data-strings'] };
      const script = scriptLanguage({ dataset });
      expect(script.locale).toBe(locale);
      expect(script.t('badge.rulesNotMet', { count: 2 })).toBe(translator(locale)('badge.rulesNotMet', { count: 2 }));
      expect(script.parts('card.updated')).toEqual(messageParts(translator(locale), 'card.updated', {}, DICTIONARIES[locale]['card.updated']));
      expect(() => script.parts('card.noProblem')).toThrow(/No interface string "card.noProblem"/);
    }
    expect(() => scriptLanguage({ dataset: { strings: '{}' } })).toThrow(/not given its language/);
  });

  it('cuts a message at the placeholders left for markup, wherever the language puts them', () => {
    for (const locale of LOCALE_IDS) {
      const parts = messageParts(translator(locale), 'breakdown.notMet', { failed: 2, total: 16 }, DICTIONARIES[locale]['breakdown.notMet']);
      expect(parts.filter((p) => typeof p !== 'string')).toEqual([{ slot: 'file' }]);
      expect(parts.filter((p) => typeof p === 'string').join('')).toMatch(/2/);
    }
  });
});

describe('routes', () => {
  it('serves the default language at / and the others under their prefix', () => {
    for (const locale of LOCALE_IDS) {
      const path = localePath(locale, '/proposals/x/?q=1#top');
      expect(path).toBe(locale === DEFAULT_LOCALE ? '/proposals/x/?q=1#top' : `/${locale}/proposals/x/?q=1#top`);
      expect(splitLocale(path)).toEqual({ locale, path: '/proposals/x/?q=1#top' });
      expect(splitLocale(localePath(locale, '/'))).toEqual({ locale, path: '/' });
    }
    expect(localeStaticPaths().map((p) => p.params.locale)).toEqual(LOCALE_IDS.map((l) => (l === DEFAULT_LOCALE ? undefined : l)));
  });

  it('does not take a path that merely starts like a language for one', () => {
    expect(splitLocale('/english/')).toEqual({ locale: DEFAULT_LOCALE, path: '/english/' });
    expect(() => localePath('en', 'proposals/')).toThrow(/starts with "\/"/);
  });
});

describe('dates and lists', () => {
  it('writes dates as each language does', () => {
    expect(formatDate('2026-03-02', 'zh')).toBe('2026年3月2日');
    expect(formatDate('2026-03-02', 'en')).toBe('2 Mar 2026');
  });

  it('joins lists as each language does', () => {
    expect(joinList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(joinList(['甲', '乙', '丙'], 'zh')).toBe('甲、乙和丙');
  });
});
