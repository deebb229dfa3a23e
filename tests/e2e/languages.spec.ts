/**
 * Two interface languages: Chinese at /, English under /en/. Every kind of page exists in both, its
 * switch leads to the same page in the other language and back, `lang` and `hreflang` are right,
 * and the interface text holds no string of the other language.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { COMPLETENESS_LEVELS } from '../../src/lib/completeness/levels.ts';
import { RULES } from '../../src/lib/completeness/rules/index.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../src/lib/i18n/locales.ts';
import { localePath } from '../../src/lib/i18n/routes.ts';
import { SITEMAP_INDEX } from '../../src/lib/sitemap.ts';
import { DICTIONARIES } from '../../src/lib/i18n/translate.ts';
import { TEMPLATE_FILES } from '../../src/lib/template-files.ts';
import type { UiMessage } from '../../src/lib/i18n/translations/en.ts';
import { COMPONENTS } from '../../src/lib/vocabulary/components.ts';
import { STATUSES } from '../../src/lib/vocabulary/statuses.ts';
import { proposals } from './catalogue.ts';
import { PAGE_KINDS } from './i18n.ts';

const zhProposal = proposals.find((p) => p.lang === 'zh')!;
const enProposal = proposals.find((p) => p.lang === 'en')!;
const PAGES = PAGE_KINDS;

const other = (locale: Locale): Locale => (locale === 'zh' ? 'en' : 'zh');
const htmlLang = (locale: Locale) => LOCALES.find((l) => l.id === locale)!.htmlLang;

/**
 * The interface's words on the page: visible text and the names a screen reader hears (aria-label,
 * title, placeholder, alt), in elements whose language is the page's. Proposal titles, problems and
 * bodies carry their own `lang` when they differ; a proposal body is content, never interface.
 */
async function interfaceText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const found: string[] = [];
    const inInterface = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? pageLang) === pageLang && !el.closest('.prose, script, style, code, pre, kbd, textarea, [data-search-record]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && node.parentElement && inInterface(node.parentElement)) found.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (!inInterface(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name)?.trim();
        if (value) found.push(value);
      }
    }
    found.push(document.title);
    return found;
  });
}

const forms = (message: UiMessage) => (typeof message === 'string' ? [message] : [message.one, message.other]);

/**
 * The English words that must not show on a Chinese page: every fragment of an English message
 * (between its placeholders) that Chinese writes differently, and the English names of statuses,
 * components, levels and rules.
 */
function englishOnlyPhrases(): string[] {
  const phrases = new Set<string>();
  for (const [key, message] of Object.entries(DICTIONARIES.en)) {
    const zh = forms(DICTIONARIES.zh[key as keyof typeof DICTIONARIES.zh]).join(' ');
    for (const text of forms(message))
      for (const fragment of text.split(/\{\w+\}/)) {
        const phrase = fragment.replace(/^[\s,.;:()]+|[\s,.;:()]+$/g, '');
        if (/[A-Za-z]{3}/.test(phrase) && !zh.includes(phrase)) phrases.add(phrase);
      }
  }
  const vocabulary = [...STATUSES.map((s) => s.label), ...COMPONENTS.map((c) => c.name), ...COMPLETENESS_LEVELS.map((l) => l.name), ...RULES.map((r) => r.title)];
  for (const { zh, en } of vocabulary) if (zh !== en) phrases.add(en.replace(/[*`]/g, ''));
  return [...phrases];
}
const ENGLISH_ONLY = englishOnlyPhrases();
/** A phrase as words: not inside a longer word, a file name or a path (`template.zh.md`). */
const wholeWords = (phrase: string) => new RegExp(`(?<![\\w./-])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w./-])`);

/**
 * Words an interface may quote in the other language, as written: the Chinese template's own
 * headings, labels and markers (rules tell authors which heading to add), and a proposal's own text
 * (a rule's message quotes what it found, an author's name is a name).
 */
const TEMPLATE_ZH = [readFileSync(TEMPLATE_FILES.zh, 'utf8'), readFileSync('tests/fixtures/seed/proposal-template.zh.md', 'utf8')].join('\n');
const TEMPLATE_MARKERS = ['[Template note]', '【补…】', '【补】'];
/**
 * What a page quotes besides the Chinese template: the proposals it shows (a list quotes each one's
 * title and problem as written), and on the English template's page that template (its section names
 * label the guidance).
 */
const sourceOf = (path: string, shownIds: string[]) => [
  ...(path === '/template/en/' ? [readFileSync(TEMPLATE_FILES.en, 'utf8')] : []),
  ...proposals.filter((p) => path === `/proposals/${p.id}/` || shownIds.includes(p.id)).map((p) => readFileSync(p.file, 'utf8')),
].join('\n');

/** Chinese left in an English page's interface once the quotes are taken out. */
function chineseIn(texts: string[], quotable: string): string[] {
  return texts
    .map((text) => TEMPLATE_MARKERS.reduce((t, marker) => t.replaceAll(marker, ''), text))
    .filter((text) => (text.match(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/g) ?? []).some((run) => /[\u3400-\u9fff]/.test(run) && !quotable.includes(run)));
}

/** English phrases on a Chinese page, outside what it quotes. */
function englishIn(texts: string[], quotable: string): string[] {
  // Runs of Latin text between Chinese ones (and the title's "·"), dropped when the page quotes them.
  const joined = texts
    .map((text) => TEMPLATE_MARKERS.reduce((t, marker) => t.replaceAll(marker, ''), text))
    .map((text) =>
      text.replace(/[^\u3000-\u303f\u3400-\u9fff\uff00-\uffef·]+/g, (run) => {
        // The quotation marks around a quote are the interface's, not the quote's.
        const quote = run.trim().replace(/^[“‘"']+|[”’"']+$/g, '');
        return quote && quotable.includes(quote) ? ' ' : run;
      }),
    )
    .join('\n');
  return ENGLISH_ONLY.filter((phrase) => wholeWords(phrase).test(joined));
}

for (const locale of LOCALES.map((l) => l.id)) {
  test.describe(`${locale} interface`, () => {
    for (const path of PAGES) {
      const url = localePath(locale, path);

      test(`${url} is in ${locale}, links its alternates, and its switch round-trips`, async ({ page }) => {
        const response = await page.goto(url);
        expect(response?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', htmlLang(locale));

        const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), new URL(l.getAttribute('href')!).pathname]));
        expect(alternates).toEqual(expect.arrayContaining([...LOCALES.map((l) => [l.htmlLang, localePath(l.id, path)]), ['x-default', localePath(DEFAULT_LOCALE, path)]]));
        expect(new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).pathname).toBe(url);

        const switchLink = page.locator('[data-language-switch] a');
        await expect(switchLink).toHaveAttribute('hreflang', htmlLang(other(locale)));
        await switchLink.click();
        await expect(page).toHaveURL(localePath(other(locale), path));
        await expect(page.locator('html')).toHaveAttribute('lang', htmlLang(other(locale)));
        await page.locator('[data-language-switch] a').click();
        await expect(page).toHaveURL(url);
      });

      test(`${url} shows no interface string of the other language`, async ({ page }) => {
        await page.goto(url);
        if (path === '/check/') await expect(page.locator('[data-checker-score]')).toBeAttached();
        const text = await interfaceText(page);
        const shownIds = await page.locator('[data-proposal-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-proposal-id')!));
        // Quotes lose their Markdown on the page (a summary is quoted as plain text).
        const quotable = `${TEMPLATE_ZH}\n${sourceOf(path, shownIds)}`.replace(/[`*_]/g, '');
        expect(locale === 'en' ? chineseIn(text, quotable) : englishIn(text, quotable)).toEqual([]);
      });
    }

    test(`a reader of ${locale} stays in ${locale}: every internal link leads to a ${locale} page`, async ({ page }) => {
      for (const path of PAGES) {
        await page.goto(localePath(locale, path));
        const hrefs = await page.locator('a[href^="/"]:not([data-language-switch] a)').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
        // Some files have no language: the template (.md), the API and the sitemap. The feeds have one.
        const languageless = (href: string) => href.endsWith('.md') || href.startsWith('/api/') || href === `/${SITEMAP_INDEX}`;
        const wrong = hrefs.filter((href) => !languageless(href) && localePath(locale, href.replace(/^\/en(?=\/)/, '')) !== href);
        expect(wrong, path).toEqual([]);
      }
    });
  });
}

test('a proposal keeps the language it was written in, whatever the interface', async ({ page }) => {
  for (const locale of LOCALES.map((l) => l.id)) {
    for (const proposal of [zhProposal, enProposal]) {
      await page.goto(localePath(locale, `/proposals/${proposal.id}/`));
      await expect(page.locator('html')).toHaveAttribute('lang', htmlLang(locale));
      await expect(page.locator('article.proposal')).toHaveAttribute('lang', htmlLang(proposal.lang));
      await expect(page.locator('article.proposal h1')).toHaveText(proposal.title);
    }
  }
});

test('search is one index: an English reader finds Chinese and English proposals, linked in English', async ({ page }) => {
  await page.goto('/en/search/?q=FetchSessionCache');
  const hit = page.locator('[data-search-results] [data-proposal-id="2025-02-14-fetch-session-cache-sharding"]');
  await expect(hit).toBeVisible();
  await expect(hit.getByRole('heading').getByRole('link')).toHaveAttribute('href', '/en/proposals/2025-02-14-fetch-session-cache-sharding/');
  await expect(hit.locator('[data-status-pill]')).toHaveAttribute('href', /^\/en\/status\//);
  await page.goto('/search/?q=FetchSessionCache');
  await expect(page.locator('[data-search-results] [data-proposal-id="2025-02-14-fetch-session-cache-sharding"]').getByRole('heading').getByRole('link')).toHaveAttribute(
    'href',
    '/proposals/2025-02-14-fetch-session-cache-sharding/',
  );
});

test('the 404 page speaks the default language, and English has its own', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', htmlLang(DEFAULT_LOCALE));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DICTIONARIES[DEFAULT_LOCALE]['notFound.title'] as string);
  // The switch leads to the other language's 404 page, and back to the file static hosts serve.
  await page.locator('[data-language-switch] a').click();
  await expect(page).toHaveURL('/en/404/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('link[rel="alternate"][hreflang="zh-CN"]')).toHaveAttribute('href', /\/404\.html$/);
  await page.locator('[data-language-switch] a').click();
  await expect(page).toHaveURL('/404.html');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

/**
 * WCAG 3.1.2 (issue 22): a finding quotes the proposal's words ("Benefit: 原型中…") and a screen
 * reader must read them in the proposal's language, not the page's. On the English page of every
 * Chinese proposal, each run of Chinese in the completeness and DoD sections is inside an element
 * whose `lang` is Chinese (the proposal's words, and the Chinese template's labels that the English
 * rule texts name); on the Chinese page of an English proposal, the quote is marked English.
 */
test('text quoted from a proposal carries the proposal’s lang, on every proposal page', async ({ page }) => {
  const untagged = () =>
    page.locator('[data-completeness-breakdown], [data-dod-results]').evaluateAll((sections) => {
      const found: string[] = [];
      for (const section of sections) {
        const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const lang = node.parentElement!.closest('[lang]')!.getAttribute('lang');
          if (/[\u3400-\u9fff]/.test(node.textContent!) && lang !== 'zh-CN') found.push(node.textContent!.trim());
        }
      }
      return found;
    });
  let quotes = 0;
  for (const proposal of proposals.filter((p) => p.lang === 'zh')) {
    await page.goto(localePath('en', `/proposals/${proposal.id}/`));
    expect(await untagged(), proposal.id).toEqual([]);
    quotes += await page.locator('[data-completeness-breakdown] span[lang="zh-CN"]').count();
  }
  expect(quotes).toBeGreaterThan(0);

  await page.goto(localePath('zh', `/proposals/${enProposal.id}/`));
  const benefit = page.locator('[data-completeness-breakdown] [data-rule="summary-complete"] span[lang="en"]');
  await expect(benefit).toHaveCount(1);
  await expect(benefit).toHaveText(/\d/);
  // In the page's own language a quote needs no lang of its own.
  await page.goto(localePath('en', `/proposals/${enProposal.id}/`));
  await expect(page.locator('[data-completeness-breakdown] [data-rule="summary-complete"] span[lang]')).toHaveCount(0);
  await expect(page.locator('[data-completeness-breakdown] span[lang="en"]')).toHaveCount(0);
});

test('the checker marks a draft’s quoted words in the draft’s language', async ({ page }) => {
  const draft = readFileSync(TEMPLATE_FILES.en, 'utf8').replace(/^lang: .*$/m, 'lang: en');
  await page.goto(localePath('zh', '/check/'));
  await page.locator('[data-checker-input]').fill(draft);
  const quote = page.locator('[data-checker-result] [data-rule-id="sections-filled"] .message span[lang="en"]');
  await expect(quote.first()).toBeVisible();
  await expect(quote.first()).toHaveText(/^\d\) [A-Z]/);
  // No mark reaches the page as a character.
  expect(await page.locator('[data-checker-result]').textContent()).not.toMatch(/[\u2068\u2069]/);
});
