import { expect, test } from '@playwright/test';
import { proposals } from './catalogue.ts';
import { LANGUAGES, NOT_FOUND_PAGE } from './i18n.ts';

/** Pages of each kind, by their path in the default language; each language's 404 page is added below. */
const PAGES = ['/', '/proposals/', '/components/', '/components/compaction/', '/status/', '/status/draft/', `/proposals/${proposals[0]!.id}/`];

for (const { locale, t, path } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test('the theme follows the system and can be switched and remembered', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(path('/'));
      const theme = page.getByLabel(t('theme.label'));
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(await background()).toBe('rgb(17, 20, 24)');
      // The choices are named in the page's language.
      expect(await theme.locator('option').evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim()]))).toEqual([
        ['auto', t('theme.auto')],
        ['light', t('theme.light')],
        ['dark', t('theme.dark')],
      ]);
      await theme.selectOption('light');
      expect(await background()).toBe('rgb(255, 255, 255)');
      await page.reload();
      expect(await background()).toBe('rgb(255, 255, 255)');
      await expect(theme).toHaveValue('light');
      await theme.selectOption('auto');
      expect(await background()).toBe('rgb(17, 20, 24)');
    });

    test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
      await page.goto(path('/proposals/'));
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: t('layout.skipToContent'), exact: true });
      await expect(skip).toBeFocused();
      await expect(skip).toBeInViewport();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#main$/);
      await expect(page.locator('main')).toBeFocused();
    });

    test('pages have landmarks: banner, main navigation, main and content info', async ({ page }) => {
      await page.goto(path(`/proposals/${proposals[0]!.id}/`));
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('navigation', { name: t('layout.mainNavigation'), exact: true })).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
    });

    test.describe('at 360 px wide', () => {
      test.use({ viewport: { width: 360, height: 740 } });
      for (const url of [...PAGES.map(path), NOT_FOUND_PAGE[locale]]) {
        test(`${url} has no horizontal scrolling`, async ({ page }) => {
          await page.goto(url);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow).toBeLessThanOrEqual(0);
        });
      }
    });
  });
}

test('a focused link shows a visible outline', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});
