/**
 * /proposals/table/ (issue 22): every proposal in a table, filtered by links that work one at a
 * time without JavaScript and combine with it, sorted by any column with it.
 */
import { expect, test, type Page } from '@playwright/test';
import { isAbout, proposals } from './catalogue.ts';
import { LANGUAGES } from './i18n.ts';

const visibleIds = (page: Page) => page.locator('[data-index-table] tbody tr').filter({ visible: true }).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-proposal-id')!));
const sorted = (ids: string[]) => [...ids].sort();

/** A status that some proposals have and others do not. */
const status = proposals.find((p) => proposals.some((q) => q.status !== p.status))!.status;
/** A component some proposals are about and others only relate to. */
const component = 'compaction';

for (const { locale, t, path } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test('lists every proposal, newest update first, each linking its page', async ({ page }) => {
      await page.goto(path('/proposals/table/'));
      const ids = await visibleIds(page);
      expect(ids).toEqual([...proposals].sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id)).map((p) => p.id));
      await expect(page.locator(`[data-proposal-id="${ids[0]}"] td.title a`)).toHaveAttribute('href', path(`/proposals/${ids[0]}/`));
      await expect(page.locator('th[aria-sort="descending"]')).toHaveAttribute('data-sort-key', 'updated');
      await expect(page.locator('[data-index-status]')).toHaveText(t('index.showing', { count: proposals.length, shown: proposals.length, total: proposals.length }));
    });

    test('filters combine, instantly, with counts, in the URL, and back undoes one', async ({ page }) => {
      await page.goto(path('/proposals/table/'));
      const nav = page.getByRole('navigation', { name: t('index.filters'), exact: true });
      await nav.locator(`a[data-index-filter="component"][data-value="${component}"]`).click();
      await expect(page).toHaveURL(`${path('/proposals/table/')}?component=${component}`);
      expect(sorted(await visibleIds(page))).toEqual(sorted(proposals.filter((p) => isAbout(p, component)).map((p) => p.id)));
      const statusLink = nav.locator(`a[data-index-filter="status"][data-value="${status}"]`);
      const both = proposals.filter((p) => isAbout(p, component) && p.status === status).map((p) => p.id);
      // The count beside a choice says what it would show with the other filters kept.
      await expect(statusLink.locator('[data-index-count]')).toHaveText(`(${both.length})`);
      await statusLink.click();
      await expect(page).toHaveURL(`${path('/proposals/table/')}?status=${status}&component=${component}`);
      await expect(statusLink).toHaveAttribute('aria-current', 'true');
      expect(sorted(await visibleIds(page))).toEqual(sorted(both));
      await page.goBack();
      await expect(page).toHaveURL(`${path('/proposals/table/')}?component=${component}`);
      expect(sorted(await visibleIds(page))).toEqual(sorted(proposals.filter((p) => isAbout(p, component)).map((p) => p.id)));
      // "All" clears the group.
      await nav.locator('a[data-index-filter="component"][data-value=""]').click();
      await expect(page).toHaveURL(path('/proposals/table/'));
      expect(await visibleIds(page)).toHaveLength(proposals.length);
    });

    test('a column header sorts, and again in the other order, said by aria-sort', async ({ page }) => {
      await page.goto(path('/proposals/table/'));
      const header = page.locator('th[data-sort-key="score"]');
      await header.getByRole('button').click();
      await expect(header).toHaveAttribute('aria-sort', 'descending');
      const scores = () => page.locator('[data-index-table] tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-score'))));
      const down = await scores();
      expect(down).toEqual([...down].sort((a, b) => b - a));
      await header.getByRole('button').click();
      await expect(header).toHaveAttribute('aria-sort', 'ascending');
      expect(await scores()).toEqual([...down].sort((a, b) => a - b));
      await expect(page).toHaveURL(`${path('/proposals/table/')}?sort=score&order=asc`);
      await expect(page.locator('th[data-sort-key="updated"]')).not.toHaveAttribute('aria-sort', /./);
    });

    test('a link shared from a page without JavaScript, a filter fragment, opens as that filter', async ({ page }) => {
      await page.goto(path(`/proposals/table/#f-lang-en`));
      await expect(page).toHaveURL(`${path('/proposals/table/')}?lang=en`);
      expect(sorted(await visibleIds(page))).toEqual(sorted(proposals.filter((p) => p.lang === 'en').map((p) => p.id)));
    });

    test.describe('without JavaScript', () => {
      test.use({ javaScriptEnabled: false });

      test('each filter is a link that shows only its rows, one at a time, and "All" shows every row again', async ({ page }) => {
        await page.goto(path('/proposals/table/'));
        const nav = page.getByRole('navigation', { name: t('index.filters'), exact: true });
        await nav.locator(`a[data-index-filter="component"][data-value="${component}"]`).click();
        await expect(page).toHaveURL(new RegExp(`#f-component-${component}$`));
        expect(sorted(await visibleIds(page))).toEqual(sorted(proposals.filter((p) => isAbout(p, component)).map((p) => p.id)));
        await nav.locator(`a[data-index-filter="lang"][data-value="en"]`).click();
        expect(sorted(await visibleIds(page))).toEqual(sorted(proposals.filter((p) => p.lang === 'en').map((p) => p.id)));
        await nav.locator('a[data-index-filter="lang"][data-value=""]').click();
        expect(await visibleIds(page)).toHaveLength(proposals.length);
        // Sorting needs the script: its buttons are not shown, the column names are.
        await expect(page.locator('button[data-sort]').first()).toBeHidden();
        await expect(page.locator('th[data-sort-key="score"]')).toHaveText(t('index.column.score'), { useInnerText: true });
      });
    });
  });
}

test('/proposals/ links the table', async ({ page }) => {
  await page.goto('/proposals/');
  await page.locator('[data-index-table-link]').click();
  await expect(page).toHaveURL('/proposals/table/');
  await expect(page.locator('[data-index-table] tbody tr')).toHaveCount(proposals.length);
});
