import { expect, test } from '@playwright/test';
import { STATUSES } from '../../src/lib/vocabulary/statuses.ts';
import { COMPONENTS } from '../../src/lib/vocabulary/components.ts';
import { proposals } from './catalogue.ts';
import { DEFAULT_LOCALE, LANGUAGES, NOT_FOUND_PAGE } from './i18n.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const { locale, t, path } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test('home → component → proposal, by clicking', async ({ page }) => {
      const target = proposals[0]!;
      const component = COMPONENTS.find((c) => c.id === target.component)!;
      await page.goto(path('/'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('site.title'));
      await page.getByRole('region', { name: t('home.byComponent') }).getByRole('link', { name: new RegExp(`^${escapeRegExp(component.name[locale])}`) }).click();
      await expect(page).toHaveURL(path(`/components/${component.id}/`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(component.name[locale]);
      await page.locator(`[data-proposal-id="${target.id}"]`).getByRole('link', { name: target.title }).click();
      await expect(page).toHaveURL(path(`/proposals/${target.id}/`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.title);
    });

    test('the home page counts proposals by status and by component', async ({ page }) => {
      await page.goto(path('/'));
      for (const status of STATUSES) {
        const expected = proposals.filter((p) => p.status === status.id).length;
        await expect(page.getByRole('region', { name: t('home.byStatus') }).locator(`a[href="${path(`/status/${status.id}/`)}"] .count`)).toHaveText(String(expected));
      }
      for (const component of COMPONENTS) {
        const expected = proposals.filter((p) => p.component === component.id).length;
        await expect(page.getByRole('region', { name: t('home.byComponent') }).locator(`a[href="${path(`/components/${component.id}/`)}"] .count`)).toHaveText(String(expected));
      }
    });

    for (const status of STATUSES) {
      test(`the ${status.name} page lists exactly the ${status.name} proposals`, async ({ page }) => {
        await page.goto(path(`/status/${status.id}/`));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(status.label[locale]);
        const listed = await page.locator('main [data-proposal-id]').evaluateAll((items) => items.map((i) => [i.getAttribute('data-proposal-id'), i.getAttribute('data-status')]));
        const expected = proposals.filter((p) => p.status === status.id).map((p) => p.id);
        expect(listed.map(([id]) => id).sort()).toEqual(expected.sort());
        expect(listed.every(([, s]) => s === status.id)).toBe(true);
      });
    }

    test(`${path('/proposals/')} lists every proposal, newest update first, with the data attributes`, async ({ page }) => {
      await page.goto(path('/proposals/'));
      const items = page.locator('main [data-proposal-id]');
      await expect(items).toHaveCount(proposals.length);
      const dates = await items.locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
      expect(dates).toEqual([...dates].sort().reverse());
      for (const p of proposals) {
        const item = page.locator(`main [data-proposal-id="${p.id}"]`);
        await expect(item).toHaveAttribute('data-component', p.component);
        await expect(item).toHaveAttribute('data-status', p.status);
      }
    });

    test('a proposal page shows its metadata, contents and an illustration notice', async ({ page }) => {
      const target = proposals.find((p) => p.illustration)!;
      await page.goto(path(`/proposals/${target.id}/`));
      const meta = page.locator('dl.meta');
      for (const term of [t('meta.status'), t('meta.component'), t('meta.modules'), t('meta.dates'), t('meta.kip'), t('meta.jira'), t('meta.featureFlag'), t('meta.changes')]) {
        await expect(meta.getByText(term, { exact: true })).toBeVisible();
      }
      await expect(page.locator('[data-illustration="true"]')).toContainText(t('notice.illustration'));
      // Every entry in the table of contents leads to a heading on the page.
      const toc = page.getByRole('navigation', { name: t('toc.label'), exact: true }).filter({ visible: true });
      const hrefs = await toc.getByRole('link').evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThanOrEqual(10);
      for (const href of hrefs) await expect(page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`)).toHaveCount(1);
    });

    test('the KIP reference links to the KIP', async ({ page }) => {
      const target = proposals.find((p) => p.kip)!;
      await page.goto(path(`/proposals/${target.id}/`));
      const kip = page.locator('dl.meta div', { has: page.getByText(t('meta.kip'), { exact: true }) }).getByRole('link');
      await expect(kip).toHaveAttribute('href', target.kip!.link);
      await expect(kip).toHaveText(target.kip!.number ? `KIP-${target.kip!.number}` : t('meta.kipUnnumbered'));
    });

    test('the 404 page says so and shows ways back', async ({ page }) => {
      await page.goto(NOT_FOUND_PAGE[locale]);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('notFound.title'));
      await expect(page.getByRole('link', { name: t('notFound.allProposals'), exact: true })).toHaveAttribute('href', path('/proposals/'));
    });
  });
}

test('JIRA ids link to the Apache JIRA', async ({ page }) => {
  const target = proposals.find((p) => p.jira.length > 0)!;
  await page.goto(`/proposals/${target.id}/`);
  const jiraLinks = await page.locator('dl.meta a[href^="https://issues.apache.org/jira/browse/"]').evaluateAll((links) => links.map((l) => [l.textContent, l.getAttribute('href')]));
  expect(jiraLinks).toEqual(target.jira.map((id) => [id, `https://issues.apache.org/jira/browse/${id}`]));
});

test('the 404 page answers unknown addresses with status 404, in the default language, and ways back', async ({ page }) => {
  const { t } = LANGUAGES.find((l) => l.locale === DEFAULT_LOCALE)!;
  const response = await page.goto('/proposals/no-such-proposal/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('notFound.title'));
  await expect(page.getByRole('link', { name: t('notFound.allProposals'), exact: true })).toBeVisible();
});
