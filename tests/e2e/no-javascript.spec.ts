import { expect, test } from '@playwright/test';
import { STATUSES } from '../../src/lib/vocabulary/statuses.ts';
import { proposals } from './catalogue.ts';
import { LANGUAGES } from './i18n.ts';

test.use({ javaScriptEnabled: false });

const draftStatus = STATUSES.find((s) => s.id === 'draft')!;

for (const { locale, t, path } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test('browsing works without JavaScript', async ({ page }) => {
      await page.goto(path('/'));
      await page.getByRole('navigation', { name: t('layout.mainNavigation'), exact: true }).getByRole('link', { name: t('nav.status'), exact: true }).click();
      await expect(page).toHaveURL(path('/status/'));
      const draft = proposals.filter((p) => p.status === draftStatus.id);
      await page
        .getByRole('row', { name: new RegExp(draftStatus.label[locale]) })
        .getByRole('link', { name: new RegExp(t('status.countLabel', { status: draftStatus.label[locale] })) })
        .click();
      await expect(page).toHaveURL(path(`/status/${draftStatus.id}/`));
      await expect(page.locator('main [data-proposal-id]')).toHaveCount(draft.length);
      await page.locator('main [data-proposal-id]').first().getByRole('heading').getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`^https?://[^/]+${path('/proposals/')}[^/]+/$`));
      await expect(page.locator('.prose h2').first()).toBeVisible();
      // The table of contents is plain links and works without scripts.
      await expect(page.getByRole('navigation', { name: t('toc.label'), exact: true }).filter({ visible: true }).getByRole('link').first()).toBeVisible();
    });

    test('the theme control, which needs JavaScript, is not shown without it', async ({ page }) => {
      await page.goto(path('/'));
      await expect(page.locator('theme-select')).toBeHidden();
    });
  });
}
