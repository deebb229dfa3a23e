import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { proposals } from './catalogue.ts';
import { LANGUAGES, messagePattern, NOT_FOUND_PAGE, PAGE_KINDS } from './i18n.ts';

/** Every kind of page, search and the checker with results on them. */
const PAGES = PAGE_KINDS.map((path) => (path === '/search/' ? '/search/?q=压缩' : path === '/check/' ? '/check/?template=zh' : path));

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/** A desktop (Playwright's desktop Chrome) and a phone: tables, charts and the header change their layout on a phone. */
const SCREENS = [
  { name: '', viewport: undefined },
  { name: ', at 390 × 844', viewport: { width: 390, height: 844 } },
];

for (const { scheme, screen } of (['light', 'dark'] as const).flatMap((scheme) => SCREENS.map((screen) => ({ scheme, screen })))) {
  test.describe(`${scheme} theme${screen.name}`, () => {
    test.use({ colorScheme: scheme, ...(screen.viewport ? { viewport: screen.viewport } : {}) });
    for (const { locale, path: inLocale, htmlLang } of LANGUAGES) {
      // An unknown address gets the 404 page: the default language's at any address, another language's at its own.
      for (const url of [...PAGES.map(inLocale), locale === 'zh' ? '/no-such-page/' : NOT_FOUND_PAGE[locale]]) {
        test(`${url} has no WCAG 2.2 AA violations`, async ({ page }) => {
          await page.goto(url);
          await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
          // Wait for the results, in the page's language, before checking them.
          if (url.includes('/search/')) await expect(page.locator('[data-search-status]')).toHaveText(messagePattern(locale, ['search.results', 'search.resultsWithin']));
          if (url.includes('/check/')) await expect(page.locator('[data-checker-summary]')).toHaveText(messagePattern(locale, ['check.summaryAccepted', 'check.summaryRefused']));
          // Open every disclosure so that what it hides is checked too.
          await page.locator('details:not([open]) > summary').evaluateAll((summaries) => summaries.forEach((s) => (s.parentElement as HTMLDetailsElement).open = true));
          expect(await violations(page)).toEqual([]);
        });
      }

      test(`every proposal page in ${locale}, with its own tables, code and task lists, has no violations`, async ({ page }) => {
        test.slow();
        const found: Record<string, unknown> = {};
        for (const proposal of proposals) {
          await page.goto(inLocale(`/proposals/${proposal.id}/`));
          const result = await violations(page);
          if (result.length > 0) found[proposal.id] = result;
        }
        expect(found).toEqual({});
      });
    }
  });
}

for (const { locale, t, path: inLocale } of LANGUAGES) {
  test(`the theme chosen by the reader is checked too: dark chosen on a light system (${locale})`, async ({ page }) => {
    await page.goto(inLocale('/'));
    await page.getByLabel(t('theme.label')).selectOption('dark');
    await page.goto(inLocale(`/proposals/${proposals[0]!.id}/`));
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await violations(page)).toEqual([]);
  });
}
