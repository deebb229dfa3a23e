import { expect, test } from '@playwright/test';
import { proposals } from './catalogue.ts';

const PAGES = ['/', '/proposals/', '/components/', '/components/compaction/', '/status/', '/status/draft/', `/proposals/${proposals[0]!.id}/`, '/404.html'];

test('the theme follows the system and can be switched and remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(17, 20, 24)');
  await page.getByLabel('Theme').selectOption('light');
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.reload();
  expect(await background()).toBe('rgb(255, 255, 255)');
  await expect(page.getByLabel('Theme')).toHaveValue('light');
  await page.getByLabel('Theme').selectOption('auto');
  expect(await background()).toBe('rgb(17, 20, 24)');
});

test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
  await page.goto('/proposals/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('main')).toBeFocused();
});

test('pages have landmarks: banner, main navigation, main and content info', async ({ page }) => {
  await page.goto(`/proposals/${proposals[0]!.id}/`);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
});

test.describe('at 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const path of PAGES) {
    test(`${path} has no horizontal scrolling`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

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
