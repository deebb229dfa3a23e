import { expect, test } from '@playwright/test';
import { STATUSES } from '../../src/lib/vocabulary/statuses.ts';
import { COMPONENTS } from '../../src/lib/vocabulary/components.ts';
import { proposals } from './catalogue.ts';

test('home → component → proposal, by clicking', async ({ page }) => {
  const target = proposals[0]!;
  const component = COMPONENTS.find((c) => c.id === target.component)!;
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kafka Broker Proposals');
  await page.getByRole('region', { name: 'By component' }).getByRole('link', { name: new RegExp(`^${component.name.replace(/[&]/g, '\\$&')}`) }).click();
  await expect(page).toHaveURL(`/components/${component.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(component.name);
  await page.locator(`[data-proposal-id="${target.id}"]`).getByRole('link', { name: target.title }).click();
  await expect(page).toHaveURL(`/proposals/${target.id}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.title);
});

test('the home page counts proposals by status and by component', async ({ page }) => {
  await page.goto('/');
  for (const status of STATUSES) {
    const expected = proposals.filter((p) => p.status === status.id).length;
    await expect(page.getByRole('region', { name: 'By status' }).locator(`a[href="/status/${status.id}/"] .count`)).toHaveText(String(expected));
  }
  for (const component of COMPONENTS) {
    const expected = proposals.filter((p) => p.component === component.id).length;
    await expect(page.getByRole('region', { name: 'By component' }).locator(`a[href="/components/${component.id}/"] .count`)).toHaveText(String(expected));
  }
});

for (const status of STATUSES) {
  test(`the ${status.name} page lists exactly the ${status.name} proposals`, async ({ page }) => {
    await page.goto(`/status/${status.id}/`);
    const listed = await page.locator('main [data-proposal-id]').evaluateAll((items) => items.map((i) => [i.getAttribute('data-proposal-id'), i.getAttribute('data-status')]));
    const expected = proposals.filter((p) => p.status === status.id).map((p) => p.id);
    expect(listed.map(([id]) => id).sort()).toEqual(expected.sort());
    expect(listed.every(([, s]) => s === status.id)).toBe(true);
  });
}

test('/proposals/ lists every proposal, newest update first, with the data attributes', async ({ page }) => {
  await page.goto('/proposals/');
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
  await page.goto(`/proposals/${target.id}/`);
  const meta = page.locator('dl.meta');
  for (const term of ['Status', 'Component', 'Modules', 'Dates', 'KIP', 'JIRA', 'Feature flag', 'Changes']) {
    await expect(meta.getByText(term, { exact: true })).toBeVisible();
  }
  await expect(page.locator('[data-illustration="true"]')).toContainText('Illustration.');
  // Every entry in the table of contents leads to a heading on the page.
  const toc = page.getByRole('navigation', { name: 'Table of contents' }).filter({ visible: true });
  const hrefs = await toc.getByRole('link').evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThanOrEqual(10);
  for (const href of hrefs) await expect(page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`)).toHaveCount(1);
});

test('JIRA ids link to the Apache JIRA', async ({ page }) => {
  const target = proposals.find((p) => p.jira.length > 0)!;
  await page.goto(`/proposals/${target.id}/`);
  const jiraLinks = await page.locator('dl.meta a[href^="https://issues.apache.org/jira/browse/"]').evaluateAll((links) => links.map((l) => [l.textContent, l.getAttribute('href')]));
  expect(jiraLinks).toEqual(target.jira.map((id) => [id, `https://issues.apache.org/jira/browse/${id}`]));
});

test('the KIP reference links to the KIP', async ({ page }) => {
  const target = proposals.find((p) => p.kip)!;
  await page.goto(`/proposals/${target.id}/`);
  const kip = page.locator('dl.meta div', { has: page.getByText('KIP', { exact: true }) }).getByRole('link');
  await expect(kip).toHaveAttribute('href', target.kip!.link);
  await expect(kip).toHaveText(target.kip!.number ? `KIP-${target.kip!.number}` : 'KIP (not yet numbered)');
});

test('the 404 page answers unknown addresses with status 404 and ways back', async ({ page }) => {
  const response = await page.goto('/proposals/no-such-proposal/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('link', { name: 'All proposals' })).toBeVisible();
});
