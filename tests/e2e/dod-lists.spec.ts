/**
 * The Definition of Done verdict in the lists (issue 14): every list item's `data-dod-*` attributes
 * and its "DoD 5/6" mark, the filter on /proposals/ and its pages /proposals/dod/<verdict>/, and the
 * search filter. The expectations come from the engine itself, run over the sample files by the
 * site's own reader (./catalogue.ts), never from figures written here: the samples change.
 */
import { expect, test, type Page } from '@playwright/test';
import { dodMarkFigure, dodMarkSentence, showsDodMark } from '../../src/lib/dod/list-mark.ts';
import type { DodVerdict } from '../../src/lib/dod/types.ts';
import { dodFilterValue } from '../../src/lib/search-state.ts';
import { DOD_VERDICTS, dodVerdict } from '../../src/lib/vocabulary/dod-verdicts.ts';
import { STATUSES } from '../../src/lib/vocabulary/statuses.ts';
import { proposals } from './catalogue.ts';
import { LANGUAGES, messagePattern, type Locale } from './i18n.ts';

const withVerdict = (verdict: DodVerdict) => proposals.filter((p) => p.dod.verdict === verdict);
const sorted = (ids: readonly string[]) => [...ids].sort();

const listed = (page: Page) => page.locator('main [data-proposal-id]');
const ids = (page: Page) => listed(page).evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')!));

/** A checkbox is named by its label, then the count of its matches once the index has loaded: "Met (2)". */
const filterName = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: \\(\\d+\\))?$`);

test('the samples give every verdict a list can filter by, so these tests test something', () => {
  for (const verdict of ['met', 'missed', 'inconclusive'] as const) expect(withVerdict(verdict).length, verdict).toBeGreaterThan(0);
});

/**
 * Every proposal item in `scope` carries the engine's verdict and figures, and the mark exactly when
 * something was judged: its sign and figure to see, its sentence to hear, a link to the verdict table.
 */
async function expectMarks(page: Page, scope: string, locale: Locale, t: (typeof LANGUAGES)[number]['t'], path: (p: string) => string, only?: readonly string[]) {
  const shown = only ?? proposals.map((p) => p.id);
  for (const id of shown) {
    const p = proposals.find((q) => q.id === id)!;
    const item = page.locator(`${scope} [data-proposal-id="${p.id}"]`);
    await expect(item, p.id).toHaveAttribute('data-dod-verdict', p.dod.verdict);
    await expect(item, p.id).toHaveAttribute('data-dod-met', String(p.dod.met));
    await expect(item, p.id).toHaveAttribute('data-dod-total', String(p.dod.total));
    const mark = item.locator('.dod-mark');
    if (!showsDodMark(p.dod)) {
      await expect(mark, p.id).toHaveCount(0);
      continue;
    }
    const verdict = dodVerdict(p.dod.verdict);
    const sentence = dodMarkSentence(t, p.dod, verdict.label[locale]);
    await expect(mark, p.id).toBeVisible();
    await expect(mark, p.id).toHaveAttribute('data-dod-mark', p.dod.verdict);
    await expect(mark.locator('[aria-hidden="true"]'), p.id).toHaveText(`${verdict.icon} ${dodMarkFigure(p.dod)}`);
    await expect(mark, p.id).toHaveAccessibleName(sentence);
    await expect(mark, p.id).toHaveAttribute('title', sentence);
    await expect(mark, p.id).toHaveAttribute('href', path(`/proposals/${p.id}/#dod-heading`));
  }
}

for (const { locale, t, path } of LANGUAGES) {
  const label = (verdict: DodVerdict) => dodVerdict(verdict).label[locale];
  const filterNav = (page: Page) => page.getByRole('navigation', { name: t('dodFilter.label'), exact: true });
  const choice = (page: Page, verdict: DodVerdict) => filterNav(page).getByRole('link', { name: t('dodFilter.verdict', { verdict: label(verdict), count: withVerdict(verdict).length }), exact: true });

  test.describe(`in ${locale}`, () => {
    test('every item on /proposals/ carries its verdict, and a DoD mark when something was judged', async ({ page }) => {
      await page.goto(path('/proposals/'));
      await expect(listed(page)).toHaveCount(proposals.length);
      // The contract holds for every item, `none` and 0/0 included.
      await expect(page.locator('main [data-proposal-id]:not([data-dod-verdict])')).toHaveCount(0);
      await expectMarks(page, 'main', locale, t, path);
    });

    test('the mark is the same in the other lists: home and a status page', async ({ page }) => {
      const judged = proposals.find((p) => showsDodMark(p.dod))!;
      for (const listPath of ['/', `/status/${judged.status}/`]) {
        await page.goto(path(listPath));
        const shown = await ids(page);
        expect(shown.length, listPath).toBeGreaterThan(0);
        await expectMarks(page, 'main', locale, t, path, shown);
      }
    });

    test('the mark leads to the verdict table on the proposal page', async ({ page }) => {
      const judged = proposals.find((p) => showsDodMark(p.dod))!;
      await page.goto(path('/proposals/'));
      await page.locator(`main [data-proposal-id="${judged.id}"] .dod-mark`).click();
      await expect(page).toHaveURL(path(`/proposals/${judged.id}/#dod-heading`));
      await expect(page.locator('#dod-heading')).toBeVisible();
      await expect(page.locator('article.proposal')).toHaveAttribute('data-dod-verdict', judged.dod.verdict);
    });

    test('the DoD filter on /proposals/ counts each verdict and leads to its page and back', async ({ page }) => {
      await page.goto(path('/proposals/'));
      const all = filterNav(page).getByRole('link', { name: t('dodFilter.all'), exact: true });
      await expect(filterNav(page)).toContainText(t('dodFilter.show'));
      await expect(all).toHaveAttribute('aria-current', 'page');
      for (const verdict of DOD_VERDICTS) {
        await expect(choice(page, verdict.id)).toHaveAttribute('href', path(`/proposals/dod/${verdict.id}/`));
        await expect(choice(page, verdict.id)).not.toHaveAttribute('aria-current');
      }
      const missed = choice(page, 'missed');
      await missed.click();
      await expect(page).toHaveURL(path('/proposals/dod/missed/'));
      await expect(missed).toHaveAttribute('aria-current', 'page');
      await expect(all).not.toHaveAttribute('aria-current');
      await all.click();
      await expect(page).toHaveURL(path('/proposals/'));
      await expect(listed(page)).toHaveCount(proposals.length);
    });

    for (const verdict of DOD_VERDICTS) {
      test(`/proposals/dod/${verdict.id}/ lists exactly the proposals whose verdict is ${verdict.id}, or says none is`, async ({ page }) => {
        const expected = withVerdict(verdict.id);
        await page.goto(path('/proposals/'));
        const everyListed = await ids(page);
        await page.goto(path(`/proposals/dod/${verdict.id}/`));
        await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName(t('dodFilterPage.title', { verdict: label(verdict.id) }));
        await expect(page.locator('[data-dod-meaning]')).toContainText(verdict.meaning[locale]);
        await expect(page.locator('[data-dod-meaning]').getByRole('link', { name: t('dodFilterPage.templateLink'), exact: true })).toHaveAttribute('href', path('/template/'));
        await expect(choice(page, verdict.id)).toHaveAttribute('aria-current', 'page');
        if (expected.length === 0) {
          await expect(listed(page)).toHaveCount(0);
          await expect(page.locator('[data-dod-empty]')).toHaveText(t('dodFilterPage.none', { verdict: label(verdict.id) }));
          return;
        }
        await expect(page.locator('[data-dod-empty]')).toHaveCount(0);
        await expect(page.locator('[data-dod-count]')).toHaveText(t('dodFilterPage.count', { count: expected.length }));
        // /proposals/ filtered: the same proposals, in the same order, newest update first.
        expect(sorted(await ids(page))).toEqual(sorted(expected.map((p) => p.id)));
        expect(await ids(page)).toEqual(everyListed.filter((id) => expected.some((p) => p.id === id)));
        await expectMarks(page, 'main', locale, t, path, expected.map((p) => p.id));
      });
    }

    test('search with ?dod=<verdict> finds exactly the proposals with that verdict, each with its mark', async ({ page }) => {
      const status = page.locator('[data-search-status]');
      const results = page.locator('[data-search-results] [data-proposal-id]');
      for (const verdict of DOD_VERDICTS) {
        const expected = withVerdict(verdict.id);
        await page.goto(path(`/search/?dod=${dodFilterValue(verdict)}`));
        await expect(status).toHaveText(messagePattern(locale, ['search.results', 'search.noResults']));
        await expect(page.getByRole('group', { name: t('search.dod'), exact: true }).getByRole('checkbox', { name: filterName(label(verdict.id)) })).toBeChecked();
        await expect(results).toHaveCount(expected.length);
        expect(sorted(await results.evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')!)))).toEqual(sorted(expected.map((p) => p.id)));
        await expectMarks(page, '[data-search-results]', locale, t, path, expected.map((p) => p.id));
      }
    });

    test('the DoD checkboxes narrow a search, show their counts, and live in the URL', async ({ page }) => {
      const status = page.locator('[data-search-status]');
      const results = page.locator('[data-search-results] [data-proposal-id]');
      const group = page.getByRole('group', { name: t('search.dod'), exact: true });
      // Before any search, each verdict's box counts the whole catalogue's.
      await page.goto(path('/search/'));
      for (const verdict of DOD_VERDICTS) {
        const box = group.getByRole('checkbox', { name: filterName(label(verdict.id)) });
        await expect(box).toHaveAttribute('value', verdict.id);
        await expect(group.locator(`[data-count="${verdict.id}"]`)).toHaveText(`(${withVerdict(verdict.id).length})`);
      }

      // Every proposal, by its status: then a verdict narrows it to that verdict's proposals.
      const everyStatus = STATUSES.map((s) => `status=${encodeURIComponent(s.name)}`).join('&');
      await page.goto(path(`/search/?${everyStatus}`));
      await expect(status).toHaveText(messagePattern(locale, 'search.results'));
      await expect(results).toHaveCount(proposals.length);

      const met = withVerdict('met');
      await group.getByRole('checkbox', { name: filterName(label('met')) }).check();
      await expect(page).toHaveURL(new RegExp(`[?&]dod=met(?:&|$)`));
      await expect(status).toHaveText(messagePattern(locale, 'search.results', { count: met.length }));
      await expect(results).toHaveCount(met.length);
      expect(met.length).toBeLessThan(proposals.length);
      expect(new Set(await results.evaluateAll((items) => items.map((i) => i.getAttribute('data-dod-verdict'))))).toEqual(new Set(['met']));

      // Within a group, any of the chosen verdicts.
      const missed = withVerdict('missed');
      await group.getByRole('checkbox', { name: filterName(label('missed')) }).check();
      await expect(page).toHaveURL(/dod=met&dod=missed$/);
      await expect(results).toHaveCount(met.length + missed.length);
      expect(sorted(await results.evaluateAll((items) => items.map((i) => i.getAttribute('data-proposal-id')!)))).toEqual(sorted([...met, ...missed].map((p) => p.id)));

      // With a query, the live region names the verdicts as verdicts.
      await page.goto(path('/search/?q=Kafka&dod=missed'));
      await expect(status).toHaveText(messagePattern(locale, ['search.resultsWithin', 'search.noResultsWithin'], { filters: t('search.dodChosen', { verdict: label('missed') }) }));
      for (const verdict of await results.evaluateAll((items) => items.map((i) => i.getAttribute('data-dod-verdict')))) expect(verdict).toBe('missed');
    });
  });

  test.describe(`in ${locale}, without JavaScript`, () => {
    test.use({ javaScriptEnabled: false });

    test('the DoD filter is plain links, and each verdict page lists its proposals', async ({ page }) => {
      for (const verdict of DOD_VERDICTS) {
        await page.goto(path('/proposals/'));
        await choice(page, verdict.id).click();
        await expect(page).toHaveURL(path(`/proposals/dod/${verdict.id}/`));
        const expected = withVerdict(verdict.id);
        expect(sorted(await ids(page))).toEqual(sorted(expected.map((p) => p.id)));
        await expect(page.locator('[data-dod-empty]')).toHaveCount(expected.length === 0 ? 1 : 0);
        await expectMarks(page, 'main', locale, t, path, expected.map((p) => p.id));
      }
    });
  });
}
