import { expect, test } from '@playwright/test';
import { COMPLETENESS_LEVELS } from '../../src/lib/completeness/levels.ts';
import { RULES } from '../../src/lib/completeness/rules/index.ts';
import { proposals } from './catalogue.ts';
import { LANGUAGES, shownWords } from './i18n.ts';

const unfinished = proposals.filter((p) => p.completeness.score < 100).sort((a, b) => a.completeness.score - b.completeness.score)[0]!;
const complete = proposals.find((p) => p.completeness.score === 100)!;
const totalWeight = RULES.reduce((sum, rule) => sum + rule.weight, 0);

for (const { locale, t, path } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test('an unfinished proposal shows its score and exactly the rules it misses, with fix hints and lines', async ({ page }) => {
      await page.goto(path(`/proposals/${unfinished.id}/`));
      const breakdown = page.locator('[data-completeness-breakdown]');
      await expect(breakdown.locator('[data-completeness]').first()).toHaveAttribute('data-completeness', String(unfinished.completeness.score));
      const failed = unfinished.completeness.checks.filter((c) => !c.passed);
      expect(failed.length).toBeGreaterThan(0);
      await expect(breakdown.locator('[data-passed="false"]')).toHaveCount(failed.length);
      for (const check of failed) {
        const item = breakdown.locator(`[data-rule="${check.id}"][data-passed="false"]`);
        await expect(item).toContainText(shownWords(check.message[locale]));
        await expect(item).toContainText(t('breakdown.line', { line: check.line! }));
        await expect(item).toContainText(shownWords(RULES.find((r) => r.id === check.id)!.fix[locale]));
        await expect(item.getByRole('link')).toHaveAttribute('href', path(`/rules/#${check.id}`));
      }
      await expect(breakdown.locator('[data-passed="true"]')).toHaveCount(RULES.length - failed.length);
    });

    test('a complete proposal says every rule passes', async ({ page }) => {
      await page.goto(path(`/proposals/${complete.id}/`));
      const breakdown = page.locator('[data-completeness-breakdown]');
      await expect(breakdown).toContainText(t('breakdown.allPass'));
      await expect(breakdown.locator('[data-completeness="100"]')).toContainText(COMPLETENESS_LEVELS.find((l) => l.id === 'complete')!.name[locale]);
    });

    test('every proposal in every list carries its badge', async ({ page }) => {
      for (const list of ['/', '/proposals/', '/status/draft/', `/components/${unfinished.component}/`, '/proposals/completeness/'].map(path)) {
        await page.goto(list);
        const items = page.locator('main [data-proposal-id]');
        const count = await items.count();
        expect(count, list).toBeGreaterThan(0);
        for (let i = 0; i < count; i++) {
          const item = items.nth(i);
          const id = await item.getAttribute('data-proposal-id');
          const expected = proposals.find((p) => p.id === id)!.completeness.score;
          await expect(item.locator('[data-completeness]')).toHaveAttribute('data-completeness', String(expected));
        }
      }
    });

    test(`${path('/proposals/completeness/')} orders proposals from most to least complete`, async ({ page }) => {
      await page.goto(path('/proposals/completeness/'));
      const scores = await page.locator('main [data-proposal-id] [data-completeness]').evaluateAll((badges) => badges.map((b) => Number(b.getAttribute('data-completeness'))));
      expect(scores).toHaveLength(proposals.length);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    test(`${path('/rules/')} documents every rule from the same list, with why and how to fix`, async ({ page }) => {
      await page.goto(path('/rules/'));
      await expect(page.locator('[data-rule]')).toHaveCount(RULES.length);
      for (const rule of RULES) {
        const entry = page.locator(`#${rule.id}`);
        await expect(entry.getByRole('heading')).toHaveText(shownWords(rule.title[locale]));
        await expect(entry).toContainText(shownWords(rule.why[locale]));
        await expect(entry).toContainText(shownWords(rule.fix[locale]));
        await expect(entry).toContainText(t('rules.weight', { weight: rule.weight, total: totalWeight }));
      }
    });
  });
}
