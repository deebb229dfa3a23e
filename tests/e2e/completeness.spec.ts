import { expect, test } from '@playwright/test';
import { RULES } from '../../src/lib/completeness/rules/index.ts';
import { proposals } from './catalogue.ts';

/** Rule texts are written in Markdown (`code`, **bold**) and shown formatted: compare their words. */
const plain = (text: string) => text.replace(/`|\*\*/g, '');

const unfinished = proposals.filter((p) => p.completeness.score < 100).sort((a, b) => a.completeness.score - b.completeness.score)[0]!;
const complete = proposals.find((p) => p.completeness.score === 100)!;

test('an unfinished proposal shows its score and exactly the rules it misses, with fix hints and lines', async ({ page }) => {
  await page.goto(`/proposals/${unfinished.id}/`);
  const breakdown = page.locator('[data-completeness-breakdown]');
  await expect(breakdown.locator('[data-completeness]').first()).toHaveAttribute('data-completeness', String(unfinished.completeness.score));
  const failed = unfinished.completeness.checks.filter((c) => !c.passed);
  expect(failed.length).toBeGreaterThan(0);
  await expect(breakdown.locator('[data-passed="false"]')).toHaveCount(failed.length);
  for (const check of failed) {
    const item = breakdown.locator(`[data-rule="${check.id}"][data-passed="false"]`);
    await expect(item).toContainText(plain(check.message));
    await expect(item).toContainText(`line ${check.line}`);
    await expect(item).toContainText(plain(RULES.find((r) => r.id === check.id)!.fix));
    await expect(item.getByRole('link')).toHaveAttribute('href', `/rules/#${check.id}`);
  }
  await expect(breakdown.locator('[data-passed="true"]')).toHaveCount(RULES.length - failed.length);
});

test('a complete proposal says every rule passes', async ({ page }) => {
  await page.goto(`/proposals/${complete.id}/`);
  const breakdown = page.locator('[data-completeness-breakdown]');
  await expect(breakdown).toContainText('Every rule passes');
  await expect(breakdown.locator('[data-completeness="100"]')).toContainText('Complete');
});

test('every proposal in every list carries its badge', async ({ page }) => {
  for (const path of ['/', '/proposals/', '/status/draft/', `/components/${unfinished.component}/`, '/proposals/completeness/']) {
    await page.goto(path);
    const items = page.locator('main [data-proposal-id]');
    const count = await items.count();
    expect(count, path).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const item = items.nth(i);
      const id = await item.getAttribute('data-proposal-id');
      const expected = proposals.find((p) => p.id === id)!.completeness.score;
      await expect(item.locator('[data-completeness]')).toHaveAttribute('data-completeness', String(expected));
    }
  }
});

test('/proposals/completeness/ orders proposals from most to least complete', async ({ page }) => {
  await page.goto('/proposals/completeness/');
  const scores = await page.locator('main [data-proposal-id] [data-completeness]').evaluateAll((badges) => badges.map((b) => Number(b.getAttribute('data-completeness'))));
  expect(scores).toHaveLength(proposals.length);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
});

test('/rules/ documents every rule from the same list, with why and how to fix', async ({ page }) => {
  await page.goto('/rules/');
  await expect(page.locator('[data-rule]')).toHaveCount(RULES.length);
  for (const rule of RULES) {
    const entry = page.locator(`#${rule.id}`);
    await expect(entry.getByRole('heading')).toHaveText(plain(rule.title));
    await expect(entry).toContainText(plain(rule.why));
    await expect(entry).toContainText(plain(rule.fix));
    await expect(entry).toContainText(`weight ${rule.weight}`);
  }
});
