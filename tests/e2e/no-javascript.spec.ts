import { expect, test } from '@playwright/test';
import { proposals } from './catalogue.ts';

test.use({ javaScriptEnabled: false });

test('browsing works without JavaScript', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Status' }).click();
  await expect(page).toHaveURL('/status/');
  const draft = proposals.filter((p) => p.status === 'draft');
  await page.getByRole('row', { name: /Draft/ }).getByRole('link', { name: /Draft proposals/ }).click();
  await expect(page.locator('main [data-proposal-id]')).toHaveCount(draft.length);
  await page.locator('main [data-proposal-id]').first().getByRole('heading').getByRole('link').click();
  await expect(page).toHaveURL(/\/proposals\/[^/]+\/$/);
  await expect(page.locator('.prose h2').first()).toBeVisible();
  // The table of contents is plain links and works without scripts.
  await expect(page.getByRole('navigation', { name: 'Table of contents' }).filter({ visible: true }).getByRole('link').first()).toBeVisible();
});

test('the theme control, which needs JavaScript, is not shown without it', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('theme-select')).toBeHidden();
});
