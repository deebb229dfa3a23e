import { expect, test, type Page } from '@playwright/test';
import { componentFilterValue, statusFilterValue } from '../../src/lib/search-state.ts';
import { COMPONENTS } from '../../src/lib/vocabulary/components.ts';
import { STATUSES } from '../../src/lib/vocabulary/statuses.ts';
import { readFileSync } from 'node:fs';
import { isAbout, proposals } from './catalogue.ts';
import { DICTIONARIES, LANGUAGES, messagePattern, type Locale } from './i18n.ts';

/** A proposal's body, without its frontmatter: the text its page shows and the index holds. */
const bodyOf = (file: string) => readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

const results = (page: Page) => page.locator('[data-search-results] [data-proposal-id]');
const status = (page: Page) => page.locator('[data-search-status]');

/** Waits for a finished search: the live region says, in the page's language, how many matched, or that none did. */
async function settled(page: Page, locale: Locale) {
  await expect(status(page)).toHaveText(messagePattern(locale, ['search.results', 'search.resultsWithin', 'search.noResults', 'search.noResultsWithin']));
}

/** A filter's checkbox is named by its label, then the count of its matches: "Draft (3)". */
const filterName = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\(\\d+\\))?$`);

const draft = STATUSES.find((s) => s.id === 'draft')!;
/** The filter values in URLs are the same in every language: the component ids and the frontmatter status names. */
const DRAFT = statusFilterValue(draft);

for (const { locale, t, path } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    const searchBox = (page: Page) => page.getByLabel(t('search.label'), { exact: true });
    const statusBox = (page: Page, status: (typeof STATUSES)[number]) => page.getByRole('group', { name: t('search.status'), exact: true }).getByRole('checkbox', { name: filterName(status.label[locale]) });

    test('a query finds the expected proposal, with its badge, status, component and a highlighted excerpt', async ({ page }) => {
      const target = proposals.find((p) => p.id === '2025-02-14-fetch-session-cache-sharding')!;
      await page.goto(path('/search/'));
      await searchBox(page).fill('FetchSessionCache');
      await settled(page, locale);
      const hit = results(page).filter({ has: page.locator(`[href="${path(`/proposals/${target.id}/`)}"]`) }).first();
      await expect(hit).toBeVisible();
      await expect(hit.getByRole('heading')).toHaveText(target.title);
      await expect(hit.locator('mark').first()).toContainText('FetchSessionCache');
      await expect(hit.locator('[data-completeness]')).toHaveAttribute('data-completeness', String(target.completeness.score));
      await expect(hit).toHaveAttribute('data-status', target.status);
      await expect(hit).toHaveAttribute('data-component', target.component);
      await expect(page).toHaveURL(new RegExp(`${path('/search/')}\\?q=FetchSessionCache$`));
    });

    test('a Chinese query finds the Chinese proposals that contain it, from the same box', async ({ page }) => {
      await page.goto(path('/search/?q=日志清理'));
      await settled(page, locale);
      const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(proposals.find((p) => p.id === id)!.lang).toBe('zh');
      expect(ids).toContain('2026-09-14-cleaner-lazy-batch-rewrite');
      await expect(results(page).first()).toContainText('日志清理');
    });

    test('a Chinese query matches its words as written, not its characters one by one', async ({ page }) => {
      // 压缩批次 is in some bodies; 压实 in none, though 压缩 and 实现 are everywhere.
      for (const query of ['压缩批次', '压实']) {
        await page.goto(path(`/search/?q=${query}`));
        await settled(page, locale);
        const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')!));
        const saying = proposals.filter((p) => bodyOf(p.file).includes(query)).map((p) => p.id);
        expect(ids.sort(), query).toEqual(saying.sort());
      }
    });

    test('an English query finds English proposals from the same page', async ({ page }) => {
      await page.goto(path('/search/?q=purgatory'));
      await settled(page, locale);
      const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')));
      expect(ids).toContain('2026-05-18-delayed-produce-keyed-completion');
    });

    test('a component filter narrows the results to that component, and shows counts', async ({ page }) => {
      await page.goto(path('/search/?q=压缩'));
      await settled(page, locale);
      const before = await results(page).count();
      const compression = COMPONENTS.find((c) => c.id === 'compression')!;
      const group = page.getByRole('group', { name: t('search.component'), exact: true });
      // Labelled in the page's language; the value, in the URL, is the same in every language.
      const box = group.getByRole('checkbox', { name: filterName(compression.name[locale]) });
      await expect(box).toHaveAttribute('value', componentFilterValue(compression));
      await box.check();
      await settled(page, locale);
      const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')!));
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.length).toBeLessThan(before);
      // Main or related: the proposals the component's page lists.
      for (const id of ids) expect(isAbout(proposals.find((p) => p.id === id)!, 'compression'), id).toBe(true);
      await expect(page).toHaveURL(/component=compression(&|$)/);
      await expect(group.locator(`[data-count="${componentFilterValue(compression)}"]`)).toHaveText(`(${ids.length})`);
    });

    test('a status filter alone lists exactly that status', async ({ page }) => {
      await page.goto(path(`/search/?status=${DRAFT}`));
      await settled(page, locale);
      await expect(statusBox(page, draft)).toBeChecked();
      const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')));
      expect(ids.sort()).toEqual(proposals.filter((p) => p.status === 'draft').map((p) => p.id).sort());
    });

    test('the URL restores a search, and back returns to the previous one', async ({ page }) => {
      await page.goto(path(`/search/?q=zstd&status=${DRAFT}`));
      await settled(page, locale);
      await expect(searchBox(page)).toHaveValue('zstd');
      await expect(statusBox(page, draft)).toBeChecked();
      const first = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-status')));
      expect(first.length).toBeGreaterThan(0);
      expect(new Set(first)).toEqual(new Set(['draft']));

      await statusBox(page, draft).uncheck();
      await settled(page, locale);
      await expect(page).toHaveURL(new RegExp(`${path('/search/')}\\?q=zstd$`));
      expect(await results(page).count()).toBeGreaterThan(first.length);

      await page.goBack();
      await expect(page).toHaveURL(new RegExp(`status=${DRAFT}`));
      await expect(statusBox(page, draft)).toBeChecked();
      await settled(page, locale);
      await expect(results(page)).toHaveCount(first.length);
    });

    test('an empty result says so', async ({ page }) => {
      await page.goto(path('/search/?q=qqqqzzzz'));
      await expect(status(page)).toHaveText(t('search.noResults', { what: t('search.query', { query: 'qqqqzzzz' }) }));
      await expect(results(page)).toHaveCount(0);
    });

    test('the whole flow works by keyboard: "/" from any page, type, Enter, filter, open a result', async ({ page }) => {
      await page.goto(path('/proposals/'));
      await page.keyboard.press('/');
      await expect(page.getByRole('searchbox', { name: t('layout.searchLabel'), exact: true })).toBeFocused();
      await page.keyboard.type('cleaner');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${path('/search/')}\\?q=cleaner$`));
      await settled(page, locale);
      // The page's own box has focus only when empty; move through the form to a status filter.
      const box = statusBox(page, draft);
      await searchBox(page).focus();
      for (let i = 0; i < 40 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      await expect(box).toBeFocused();
      await page.keyboard.press('Space');
      await expect(box).toBeChecked();
      await settled(page, locale);
      const firstLink = results(page).first().getByRole('heading').getByRole('link');
      for (let i = 0; i < 40 && !(await firstLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      await expect(firstLink).toBeFocused();
      const href = await firstLink.getAttribute('href');
      expect(href).toMatch(new RegExp(`^${path('/proposals/')}[^/]+/$`));
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(href!);
    });

    test('each component page links to the search with its filter applied', async ({ page }) => {
      const component = COMPONENTS.find((c) => c.id === 'compaction')!;
      await page.goto(path(`/components/${component.id}/`));
      await page.locator('[data-search-component]').click();
      await expect(page).toHaveURL(new RegExp(`${path('/search/')}\\?`));
      await settled(page, locale);
      await expect(page.getByRole('group', { name: t('search.component'), exact: true }).getByRole('checkbox', { name: filterName(component.name[locale]) })).toBeChecked();
      const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')));
      expect(ids.sort()).toEqual(proposals.filter((p) => isAbout(p, component.id)).map((p) => p.id).sort());
      await expect(page).toHaveURL(new RegExp(`\\?component=${component.id}$`));
    });

    test('a component filter finds the proposals related to it, with a status filter too', async ({ page }) => {
      // A proposal whose related components name compaction, in a status: the search must find it
      // as /components/compaction/ lists it.
      const related = proposals.find((p) => p.component !== 'compaction' && p.relatedComponents.includes('compaction'))!;
      expect(related, 'a sample proposal relates to compaction without being about it first').toBeDefined();
      const status = STATUSES.find((s) => s.id === related.status)!;
      await page.goto(path(`/search/?component=compaction&status=${encodeURIComponent(statusFilterValue(status))}`));
      await settled(page, locale);
      const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')!));
      expect(ids).toContain(related.id);
      expect(ids.sort()).toEqual(proposals.filter((p) => isAbout(p, 'compaction') && p.status === related.status).map((p) => p.id).sort());
    });

    test('a component is named by its id in the URL, and a link with its old English name still works', async ({ page }) => {
      const compaction = COMPONENTS.find((c) => c.id === 'compaction')!;
      const box = page.getByRole('group', { name: t('search.component'), exact: true }).getByRole('checkbox', { name: filterName(compaction.name[locale]) });
      const expected = proposals.filter((p) => isAbout(p, 'compaction')).map((p) => p.id).sort();
      for (const value of ['compaction', compaction.name.en]) {
        await page.goto(path(`/search/?component=${encodeURIComponent(value)}`));
        await settled(page, locale);
        await expect(box).toBeChecked();
        const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')!));
        expect(ids.sort(), value).toEqual(expected);
      }
    });

    test('the template pages a query finds are listed apart, and not counted as proposals', async ({ page }) => {
      // "compaction" is in the templates’ text: they are found, and counted apart from the proposals.
      await page.goto(path('/search/?q=compaction'));
      await settled(page, locale);
      const proposalHits = await results(page).count();
      const templates = page.locator('[data-search-templates]');
      await expect(templates).toBeVisible();
      await expect(templates.getByRole('heading', { level: 2 })).toHaveText(t('search.templatesHeading'));
      await expect(templates.locator('[data-template]').first()).toBeVisible();
      await expect(results(page).locator('[data-template]')).toHaveCount(0);
      await expect(page.locator('[data-search-results] [data-template]')).toHaveCount(0);
      await expect(status(page)).toHaveText(t('search.results', { count: proposalHits, what: t('search.query', { query: 'compaction' }) }));
    });

    test('the search code loads only when search is used', async ({ page }) => {
      const requested: string[] = [];
      page.on('request', (r) => requested.push(new URL(r.url()).pathname));
      await page.goto(path(`/proposals/${proposals[0]!.id}/`));
      await page.waitForLoadState('networkidle');
      expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
      await page.goto(path('/search/?q=zstd'));
      await settled(page, locale);
      // One index for every language, at the site's root.
      expect(requested).toContain('/pagefind/pagefind.js');
    });

    test.describe('without JavaScript', () => {
      test.use({ javaScriptEnabled: false });
      test('the search page says search needs it and points to the component and status pages', async ({ page }) => {
        await page.goto(path('/search/?q=zstd'));
        const notice = page.locator('main .no-js');
        await expect(notice).toBeVisible();
        const message = DICTIONARIES[locale]['search.noJs'] as string;
        await expect(notice).toContainText(message.split('[')[0]!.trim());
        const [, byComponent, byStatus] = /\[([^\]]+)\]\(\{componentsUrl\}\).*?\[([^\]]+)\]\(\{statusUrl\}\)/.exec(message)!;
        await expect(notice.getByRole('link', { name: byComponent, exact: true })).toHaveAttribute('href', path('/components/'));
        await expect(notice.getByRole('link', { name: byStatus, exact: true })).toHaveAttribute('href', path('/status/'));
        await expect(page.locator('proposal-search')).toBeHidden();
      });
    });
  });
}
