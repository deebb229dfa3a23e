import { expect, test, type Page } from '@playwright/test';
import { COMPONENTS } from '../../src/lib/vocabulary/components.ts';
import { proposals } from './catalogue.ts';

const results = (page: Page) => page.locator('[data-search-results] [data-proposal-id]');
const status = (page: Page) => page.locator('[data-search-status]');

/** Waits for a finished search: the live region says how many matched, or that none did. */
async function settled(page: Page) {
  await expect(status(page)).toHaveText(/match|No proposals/);
}

test('a query finds the expected proposal, with its badge, status, component and a highlighted excerpt', async ({ page }) => {
  const target = proposals.find((p) => p.id === '2025-02-14-fetch-session-cache-sharding')!;
  await page.goto('/search/');
  await page.getByLabel('Search proposals, in 中文 or English').fill('FetchSessionCache');
  await settled(page);
  const hit = results(page).filter({ has: page.locator(`[href="/proposals/${target.id}/"]`) }).first();
  await expect(hit).toBeVisible();
  await expect(hit.getByRole('heading')).toHaveText(target.title);
  await expect(hit.locator('mark').first()).toContainText('FetchSessionCache');
  await expect(hit.locator('[data-completeness]')).toHaveAttribute('data-completeness', String(target.completeness.score));
  await expect(hit).toHaveAttribute('data-status', target.status);
  await expect(hit).toHaveAttribute('data-component', target.component);
  await expect(page).toHaveURL(/\/search\/\?q=FetchSessionCache$/);
});

test('a Chinese query finds the Chinese proposals that contain it, from the same box', async ({ page }) => {
  await page.goto('/search/?q=日志清理');
  await settled(page);
  const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')));
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(proposals.find((p) => p.id === id)!.lang).toBe('zh');
  expect(ids).toContain('2026-09-14-cleaner-lazy-batch-rewrite');
  await expect(results(page).first()).toContainText('日志清理');
});

test('an English query finds English proposals from the same page', async ({ page }) => {
  await page.goto('/search/?q=purgatory');
  await settled(page);
  const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')));
  expect(ids).toContain('2026-05-18-delayed-produce-keyed-completion');
});

test('a component filter narrows the results to that component, and shows counts', async ({ page }) => {
  await page.goto('/search/?q=压缩');
  await settled(page);
  const before = await results(page).count();
  const compression = COMPONENTS.find((c) => c.id === 'compression')!;
  const box = page.getByRole('group', { name: 'Component' }).getByRole('checkbox', { name: compression.name });
  await box.check();
  await settled(page);
  const components = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-component')));
  expect(components.length).toBeGreaterThan(0);
  expect(components.length).toBeLessThan(before);
  expect(new Set(components)).toEqual(new Set(['compression']));
  await expect(page).toHaveURL(/component=Compression\+codecs/);
  await expect(page.getByRole('group', { name: 'Component' }).locator(`[data-count="${compression.name}"]`)).toHaveText(`(${components.length})`);
});

test('a status filter alone lists exactly that status', async ({ page }) => {
  await page.goto('/search/?status=Draft');
  await settled(page);
  const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')));
  expect(ids.sort()).toEqual(proposals.filter((p) => p.status === 'draft').map((p) => p.id).sort());
});

test('the URL restores a search, and back returns to the previous one', async ({ page }) => {
  await page.goto('/search/?q=zstd&status=Draft');
  await settled(page);
  await expect(page.getByLabel('Search proposals, in 中文 or English')).toHaveValue('zstd');
  await expect(page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Draft' })).toBeChecked();
  const first = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-status')));
  expect(first.length).toBeGreaterThan(0);
  expect(new Set(first)).toEqual(new Set(['draft']));

  await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Draft' }).uncheck();
  await settled(page);
  await expect(page).toHaveURL(/\/search\/\?q=zstd$/);
  expect(await results(page).count()).toBeGreaterThan(first.length);

  await page.goBack();
  await expect(page).toHaveURL(/status=Draft/);
  await expect(page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Draft' })).toBeChecked();
  await settled(page);
  await expect(results(page)).toHaveCount(first.length);
});

test('an empty result says so', async ({ page }) => {
  await page.goto('/search/?q=qqqqzzzz');
  await expect(status(page)).toHaveText('No proposals match “qqqqzzzz”. Try fewer or other words, or remove a filter.');
  await expect(results(page)).toHaveCount(0);
});

test('the whole flow works by keyboard: "/" from any page, type, Enter, filter, open a result', async ({ page }) => {
  await page.goto('/proposals/');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search proposals' })).toBeFocused();
  await page.keyboard.type('cleaner');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=cleaner$/);
  await settled(page);
  // The page's own box has focus only when empty; move through the form to a status filter.
  const draft = page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: 'Draft' });
  await page.getByLabel('Search proposals, in 中文 or English').focus();
  for (let i = 0; i < 40 && !(await draft.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(draft).toBeFocused();
  await page.keyboard.press('Space');
  await expect(draft).toBeChecked();
  await settled(page);
  const firstLink = results(page).first().getByRole('heading').getByRole('link');
  for (let i = 0; i < 40 && !(await firstLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(firstLink).toBeFocused();
  const href = await firstLink.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href!);
});

test('each component page links to the search with its filter applied', async ({ page }) => {
  const component = COMPONENTS.find((c) => c.id === 'compaction')!;
  await page.goto(`/components/${component.id}/`);
  await page.locator('[data-search-component]').click();
  await settled(page);
  await expect(page.getByRole('group', { name: 'Component' }).getByRole('checkbox', { name: component.name })).toBeChecked();
  const ids = await results(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')));
  expect(ids.sort()).toEqual(proposals.filter((p) => p.component === component.id).map((p) => p.id).sort());
});

test('the search code loads only when search is used', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`/proposals/${proposals[0]!.id}/`);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
  await page.goto('/search/?q=zstd');
  await settled(page);
  expect(requested).toContain('/pagefind/pagefind.js');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page says search needs it and points to the component and status pages', async ({ page }) => {
    await page.goto('/search/?q=zstd');
    const notice = page.locator('main').getByText('Search runs in your browser and needs JavaScript.');
    await expect(notice).toBeVisible();
    await expect(page.locator('main').getByRole('link', { name: 'by component' })).toHaveAttribute('href', '/components/');
    await expect(page.locator('main').getByRole('link', { name: 'by status' })).toHaveAttribute('href', '/status/');
    await expect(page.locator('proposal-search')).toBeHidden();
  });
});
