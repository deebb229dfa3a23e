/**
 * The Definition of Done on the built pages (issue 14): every proposal page says what the engine
 * computes from the proposal's file (read here with the site's own reader), in words, in a table and
 * in a chart with an accessible name; /template/ documents reporting results with an example the
 * engine judges. Expectations come from the engine, not from figures written here.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { dodChart } from '../../src/lib/dod/chart.ts';
import { assessExample } from '../../src/lib/dod/example.ts';
import type { DodAssessment } from '../../src/lib/dod/types.ts';
import { dodOutcome, dodVerdict } from '../../src/lib/vocabulary/dod-verdicts.ts';
import { LANGUAGE_IDS } from '../../src/lib/vocabulary/languages.ts';
import { proposals } from './catalogue.ts';
import { LANGUAGES, shownWords, type Locale } from './i18n.ts';

/** The proposal with the most to show: results charted, and verdicts with reasons. */
const charted = proposals
  .filter((p) => p.dod.rows.length > 0)
  .sort((a, b) => b.dod.verdicts.filter((v) => v.reason).length - a.dod.verdicts.filter((v) => v.reason).length || b.dod.total - a.dod.total)[0]!;

/** The accessible name of each chart the page should have, as the engine and the dictionaries give it. */
function chartNames(assessment: DodAssessment, locale: Locale, t: (typeof LANGUAGES)[number]['t']): string[] {
  return dodChart(assessment).panels.map((panel) => t('dod.chart.title', { metric: panel.name[locale], count: panel.rows.length }));
}

/** Checks a verdict table against the assessment it was drawn from. */
async function expectVerdictTable(table: Locator, assessment: DodAssessment, locale: Locale) {
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(assessment.verdicts.length);
  const byThreshold = assessment.thresholds.map((_, index) => assessment.verdicts.filter((v) => v.threshold === index));
  let i = 0;
  for (const [index, verdicts] of byThreshold.entries()) {
    if (verdicts.length === 0) continue;
    await expect(table.locator(`tbody[data-threshold="${index}"] th[scope="rowgroup"]`)).toContainText(assessment.thresholds[index]!.text);
    for (const verdict of verdicts) {
      const row = rows.nth(i++);
      await expect(row).toHaveAttribute('data-dod-outcome', verdict.outcome);
      await expect(row).toHaveAttribute('data-scenario', verdict.scenario);
      // The outcome in words, not colour alone.
      await expect(row.locator('.outcome .word')).toContainText(dodOutcome(verdict.outcome).label[locale]);
      if (verdict.reason) await expect(row.locator('.outcome')).toContainText(shownWords(verdict.reason[locale]));
    }
  }
}

async function violations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return violations.map((v) => ({ rule: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test('the catalogue’s samples meet, miss and leave inconclusive their Definitions of Done', () => {
  const verdicts = new Set(proposals.map((p) => p.dod.verdict));
  for (const verdict of ['met', 'missed', 'inconclusive'] as const) expect([...verdicts], verdict).toContain(verdict);
});

for (const { locale, t, path } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test('every proposal page carries its verdict, and says it in words with its tally', async ({ page }) => {
      test.slow();
      for (const proposal of proposals) {
        const { dod } = proposal;
        await page.goto(path(`/proposals/${proposal.id}/`));
        const article = page.locator(`article[data-proposal-id="${proposal.id}"]`);
        await expect(article, proposal.id).toHaveAttribute('data-dod-verdict', dod.verdict);
        await expect(article, proposal.id).toHaveAttribute('data-dod-met', String(dod.met));
        await expect(article, proposal.id).toHaveAttribute('data-dod-total', String(dod.total));

        const results = page.locator('[data-dod-results]');
        await expect(results.getByRole('heading', { level: 2, name: t('dod.heading'), exact: true })).toBeVisible();
        if (dod.verdict === 'none') {
          await expect(results.locator('[data-dod-none]')).toBeVisible();
          await expect(results.locator('[data-dod-summary]')).toHaveCount(0);
        } else {
          const verdict = dodVerdict(dod.verdict);
          await expect(results.locator('[data-dod-summary]'), proposal.id).toContainText(t('dod.verdict', { verdict: `${verdict.icon} ${verdict.label[locale]}`, met: dod.met, total: dod.total }));
        }
        if (dod.verdicts.length > 0) await expectVerdictTable(results.locator('[data-dod-verdicts]'), dod, locale);
        else await expect(results.locator('[data-dod-verdicts]')).toHaveCount(0);

        // Every line that could not be read, with its line and why.
        const unreadable = results.locator('[data-dod-unreadable] li');
        await expect(unreadable).toHaveCount(dod.unreadable.length);
        for (const [n, item] of dod.unreadable.entries()) {
          const shown = unreadable.nth(n);
          await expect(shown).toContainText(t(item.source === 'dod' ? 'dod.unreadable.dod' : 'dod.unreadable.table', { line: item.line }));
          await expect(shown.locator('[data-line-text]')).toHaveText(item.text);
          await expect(shown).toContainText(shownWords(item.reason[locale]));
        }

        // One chart per metric, named by what it shows.
        const names = chartNames(dod, locale, t);
        await expect(results.getByRole('img')).toHaveCount(names.length);
        for (const name of names) await expect(results.getByRole('img', { name, exact: true }), proposal.id).toBeVisible();
      }
    });

    test('the chart draws each scenario, marks each threshold and describes both', async ({ page }) => {
      await page.goto(path(`/proposals/${charted.id}/`));
      const chart = dodChart(charted.dod);
      expect(chart.panels.length).toBeGreaterThan(0);
      for (const panel of chart.panels) {
        const name = t('dod.chart.title', { metric: panel.name[locale], count: panel.rows.length });
        const image = page.getByRole('img', { name, exact: true });
        await expect(image.locator('.row')).toHaveCount(panel.rows.length);
        await expect(image.locator('.target-mark')).toHaveCount(panel.rows.reduce((sum, row) => sum + row.targets.length, 0));
        // The legend is in words, and each bar carries its role and value in text.
        for (const row of panel.rows) {
          await expect(image.locator(`[data-row="${row.row}"] .baseline text`)).toHaveText(`${t('dod.chart.baseline')} ${row.baseline.label}`);
          await expect(image.locator(`[data-row="${row.row}"] .candidate text`)).toHaveText(`${t('dod.chart.candidate')} ${row.candidate.label}`);
          const words = page.locator('figure', { has: image }).locator('[data-chart-description] li').nth(panel.rows.indexOf(row));
          await expect(words).toContainText(t('dod.chart.descRow', { scenario: row.scenario, baseline: row.baseline.label, candidate: row.candidate.label }));
          await expect(words.locator(`[lang="${charted.lang === 'zh' ? 'zh-CN' : 'en'}"]`)).toHaveText(row.scenario);
        }
      }
      await expect(page.locator('[data-dod-chart] .legend')).toContainText(t('dod.chart.legendCandidate'));
      // Drawn at build time: no script on the page draws it.
      expect(await page.locator('[data-dod-chart] script').count()).toBe(0);
    });

    test('a proposal with nothing to judge says so and points to how results are reported', async ({ page }) => {
      const nothing = proposals.find((p) => p.dod.verdict === 'none' && p.dod.rows.length === 0 && p.dod.thresholds.length === 0) ?? proposals.find((p) => p.dod.verdict === 'none');
      expect(nothing, 'a proposal without a verdict').toBeDefined();
      await page.goto(path(`/proposals/${nothing!.id}/`));
      const none = page.locator('[data-dod-none]');
      await expect(none).toBeVisible();
      await expect(page.locator('[data-dod-results] [data-dod-verdicts]')).toHaveCount(0);
      const link = none.getByRole('link', { name: t('dod.howToReport'), exact: true });
      // To /template/ in the proposal's own template language, at its "Reporting results".
      const templatePath = path(nothing!.lang === 'zh' ? '/template/' : `/template/${nothing!.lang}/`);
      await expect(link).toHaveAttribute('href', `${templatePath}#reporting-results`);
      await link.click();
      await expect(page.locator('#reporting-results')).toBeInViewport();
      await expect(page.getByRole('heading', { level: 2, name: t('template.results.heading'), exact: true })).toBeVisible();
    });

    for (const lang of LANGUAGE_IDS) {
      test(`/template/ documents reporting results with the ${lang} example, judged by the engine`, async ({ page }) => {
        await page.goto(path(lang === 'zh' ? '/template/' : `/template/${lang}/`));
        const section = page.locator('[data-reporting-results]');
        await expect(section.getByRole('heading', { level: 2, name: t('template.results.heading'), exact: true })).toBeVisible();
        const assessment = assessExample(lang);
        await expect(section.locator('[data-results-example]')).toContainText(assessment.thresholds[0]!.text);
        await expectVerdictTable(section.locator('[data-dod-verdicts]'), assessment, locale);
        // The example shows all three outcomes a reader can meet.
        for (const outcome of ['met', 'missed', 'inconclusive'] as const) await expect(section.locator(`[data-dod-verdicts] tr[data-dod-outcome="${outcome}"]`).first()).toBeVisible();
        for (const name of chartNames(assessment, locale, t)) await expect(section.getByRole('img', { name, exact: true })).toBeVisible();
        for (const outcome of ['met', 'missed', 'inconclusive', 'no-data'] as const) await expect(section.locator(`[data-dod-outcome-terms] dt[data-outcome="${outcome}"]`)).toContainText(dodOutcome(outcome).label[locale]);
      });
    }

    for (const scheme of ['light', 'dark'] as const) {
      test(`a proposal page with verdicts and a chart has no WCAG 2.2 AA violations (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path(`/proposals/${charted.id}/`));
        await expect(page.locator('[data-dod-chart] svg[role="img"]').first()).toBeVisible();
        await page.locator('details:not([open]) > summary').evaluateAll((summaries) => summaries.forEach((s) => ((s.parentElement as HTMLDetailsElement).open = true)));
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}
