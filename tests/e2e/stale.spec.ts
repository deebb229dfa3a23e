/**
 * Stale proposals, as of the build. The build's date and setting are read from the site itself (its
 * JSON API publishes them), never from the test's clock: the site may have been built on another day
 * or with BUILD_DATE pinned. The expected stale set is then computed with the site's own `staleness`.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { formatDate, joinList } from '../../src/lib/i18n/locales.ts';
import { isCalendarDate } from '../../src/lib/schema/proposal.ts';
import { staleness, STATUSES_THAT_GO_STALE, type CatalogueClock } from '../../src/lib/stale.ts';
import { STATUSES, statusByName, type Status } from '../../src/lib/vocabulary/statuses.ts';
import { sitePath } from '../../src/lib/i18n/routes.ts';
import { proposals } from './catalogue.ts';
import { LANGUAGES, messagePattern } from './i18n.ts';

/** The build's clock, as the site publishes it: the top-level `buildDate` and `staleAfterDays` of the JSON API. */
async function siteClock(request: APIRequestContext): Promise<CatalogueClock> {
  const response = await request.get(sitePath('/api/v1/proposals.json'));
  expect(response.status()).toBe(200);
  const { buildDate, staleAfterDays } = (await response.json()) as { buildDate: unknown; staleAfterDays: unknown };
  expect(typeof buildDate === 'string' && isCalendarDate(buildDate), `build date ${JSON.stringify(buildDate)}`).toBe(true);
  expect(Number.isInteger(staleAfterDays) && (staleAfterDays as number) >= 1, `stale setting ${JSON.stringify(staleAfterDays)}`).toBe(true);
  return { buildDate: buildDate as string, staleAfterDays: staleAfterDays as number };
}

const statusOf = (id: string): Status => STATUSES.find((s) => s.id === id)!;

/** Every proposal with its staleness as of the build. */
function catalogueAsOf(clock: CatalogueClock) {
  return proposals.map((p) => ({ ...p, staleness: staleness(statusOf(p.status), p.updated, clock) }));
}

/** Ids to compare as sets; the order of a list is checked on its own. */
const sorted = (ids: readonly string[]) => [...ids].sort();

let clock: CatalogueClock;
let catalogue: ReturnType<typeof catalogueAsOf>;
let stale: typeof catalogue;

test.beforeAll(async ({ playwright }, testInfo) => {
  const request = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    clock = await siteClock(request);
  } finally {
    await request.dispose();
  }
  catalogue = catalogueAsOf(clock);
  stale = catalogue.filter((p) => p.staleness.stale);
});

const listed = (page: Page) => page.locator('main [data-proposal-id]');
const ids = (page: Page) => listed(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')!));
const staleIds = (page: Page) => page.locator('main [data-proposal-id][data-stale="true"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')!));

for (const { locale, t, path } of LANGUAGES) {
  const statuses = joinList(
    STATUSES_THAT_GO_STALE.map((s) => s.label[locale]),
    locale,
  );

  test.describe(`in ${locale}`, () => {
    test('every list marks exactly the proposals stale as of the build, saying for how long', async ({ page }) => {
      for (const listPath of ['/proposals/', '/', `/status/${STATUSES_THAT_GO_STALE[0]!.id}/`]) {
        await page.goto(path(listPath));
        const shown = await ids(page);
        expect(shown.length, listPath).toBeGreaterThan(0);
        expect(sorted(await staleIds(page)), listPath).toEqual(sorted(stale.map((p) => p.id).filter((id) => shown.includes(id))));
      }
      await page.goto(path('/proposals/'));
      await expect(listed(page)).toHaveCount(catalogue.length);
      for (const p of catalogue) {
        const mark = page.locator(`main [data-proposal-id="${p.id}"] [data-stale-mark]`);
        if (!p.staleness.stale) {
          await expect(mark).toHaveCount(0);
          continue;
        }
        const detail = t('stale.markDetail', { count: p.staleness.daysSinceUpdate });
        await expect(mark).toBeVisible();
        await expect(mark.locator('[aria-hidden="true"]')).toHaveText(t('stale.mark'));
        await expect(mark).toHaveAttribute('title', detail);
        await expect(mark).toHaveAccessibleName(detail);
        await expect(mark).toHaveAttribute('href', path('/proposals/stale/'));
      }
    });

    test('a proposal page has the stale notice if and only if it is stale', async ({ page }) => {
      const dormant = statusByName('Dormant').label[locale];
      const withdrawn = statusByName('Withdrawn').label[locale];
      for (const p of catalogue) {
        await page.goto(path(`/proposals/${p.id}/`));
        const article = page.locator('article.proposal');
        const notice = page.locator('[data-stale-notice]');
        if (!p.staleness.stale) {
          await expect(article, p.id).not.toHaveAttribute('data-stale');
          await expect(notice, p.id).toHaveCount(0);
          continue;
        }
        await expect(article, p.id).toHaveAttribute('data-stale', 'true');
        await expect(notice).toBeVisible();
        await expect(notice).toContainText(t('stale.noticeTitle'));
        await expect(notice).toContainText(t('stale.notUpdated', { count: p.staleness.daysSinceUpdate, date: formatDate(p.updated, locale) }));
        await expect(notice).toContainText(t('stale.rule', { statuses, count: clock.staleAfterDays, buildDate: formatDate(clock.buildDate, locale) }));
        await expect(notice).toContainText(t('stale.whatToDo', { dormant, withdrawn }));
        await expect(notice.locator('time').first()).toHaveAttribute('datetime', p.updated);
        await expect(notice.locator(`time[datetime="${clock.buildDate}"]`)).toHaveCount(1);
      }
    });

    test('/proposals/stale/ lists exactly the stale proposals, or says that none is', async ({ page }) => {
      await page.goto(path('/proposals/stale/'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('stale.title'));
      // It says what stale means: the setting's days, the build date, and which statuses.
      const lede = page.locator('main .lede');
      await expect(lede).toContainText(t('stale.rule', { statuses, count: clock.staleAfterDays, buildDate: formatDate(clock.buildDate, locale) }));
      await expect(lede).toContainText(t('stale.otherStatuses'));
      if (stale.length === 0) {
        await expect(listed(page)).toHaveCount(0);
        await expect(page.locator('[data-stale-empty]')).toHaveText(t('stale.none', { statuses, count: clock.staleAfterDays }));
      } else {
        await expect(page.locator('[data-stale-empty]')).toHaveCount(0);
        await expect(page.getByText(t('stale.count', { count: stale.length }), { exact: true })).toBeVisible();
        // /proposals/ filtered: the same proposals in the same order, newest update first.
        await page.goto(path('/proposals/'));
        const everyListed = await ids(page);
        await page.goto(path('/proposals/stale/'));
        expect(sorted(await ids(page))).toEqual(sorted(stale.map((p) => p.id)));
        expect(await ids(page)).toEqual(everyListed.filter((id) => stale.some((p) => p.id === id)));
        expect(await staleIds(page)).toEqual(await ids(page));
      }
    });

    test('the filter on /proposals/ leads to the stale page and back, marking the current choice', async ({ page }) => {
      const nav = page.getByRole('navigation', { name: t('staleFilter.label'), exact: true });
      const all = nav.getByRole('link', { name: t('staleFilter.all', { count: catalogue.length }), exact: true });
      const staleOnly = nav.getByRole('link', { name: t('staleFilter.stale', { count: stale.length }), exact: true });

      await page.goto(path('/proposals/'));
      await expect(nav).toContainText(t('staleFilter.show'));
      await expect(all).toHaveAttribute('aria-current', 'page');
      await expect(staleOnly).not.toHaveAttribute('aria-current');
      await staleOnly.click();
      await expect(page).toHaveURL(path('/proposals/stale/'));
      await expect(staleOnly).toHaveAttribute('aria-current', 'page');
      await expect(all).not.toHaveAttribute('aria-current');
      await all.click();
      await expect(page).toHaveURL(path('/proposals/'));
      await expect(listed(page)).toHaveCount(catalogue.length);
    });

    test('a search result carries the same stale mark as the lists', async ({ page }) => {
      // Every proposal in a status that can go stale, by filter: stale or not, each result must say which.
      const open = catalogue.filter((p) => statusOf(p.status).canGoStale);
      await page.goto(path(`/search/?${STATUSES_THAT_GO_STALE.map((s) => `status=${encodeURIComponent(s.name)}`).join('&')}`));
      await expect(page.locator('[data-search-status]')).toHaveText(messagePattern(locale, ['search.results', 'search.resultsWithin']));
      const results = page.locator('[data-search-results] [data-proposal-id]');
      await expect(results).toHaveCount(open.length);
      for (const p of open) {
        const result = page.locator(`[data-search-results] [data-proposal-id="${p.id}"]`);
        const mark = result.locator('[data-stale-mark]');
        if (!p.staleness.stale) {
          await expect(result).not.toHaveAttribute('data-stale');
          await expect(mark).toHaveCount(0);
          continue;
        }
        const detail = t('stale.markDetail', { count: p.staleness.daysSinceUpdate });
        await expect(result).toHaveAttribute('data-stale', 'true');
        await expect(mark.locator('[aria-hidden="true"]')).toHaveText(t('stale.mark'));
        await expect(mark).toHaveAttribute('title', detail);
        await expect(mark).toHaveAccessibleName(detail);
        await expect(mark).toHaveAttribute('href', path('/proposals/stale/'));
      }
    });
  });

  test.describe(`in ${locale}, without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });

    test('the filter is plain links between two pages, and the stale page lists its proposals', async ({ page }) => {
      await page.goto(path('/proposals/'));
      await page
        .getByRole('navigation', { name: t('staleFilter.label'), exact: true })
        .getByRole('link', { name: t('staleFilter.stale', { count: stale.length }), exact: true })
        .click();
      await expect(page).toHaveURL(path('/proposals/stale/'));
      expect(sorted(await ids(page))).toEqual(sorted(stale.map((p) => p.id)));
      await expect(page.locator('[data-stale-empty]')).toHaveCount(stale.length === 0 ? 1 : 0);
      for (const p of stale) await expect(page.locator(`main [data-proposal-id="${p.id}"] [data-stale-mark]`)).toBeVisible();
    });
  });
}
