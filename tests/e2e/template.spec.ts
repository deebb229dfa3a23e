import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { componentModules, fillTemplate } from '../../src/lib/template.ts';
import { TEMPLATE_FILES } from '../../src/lib/template-files.ts';
import { getComponent } from '../../src/lib/vocabulary/components.ts';
import { TEMPLATE_SECTIONS } from '../../src/lib/vocabulary/sections.ts';

const raw = { zh: readFileSync(TEMPLATE_FILES.zh, 'utf8'), en: readFileSync(TEMPLATE_FILES.en, 'utf8') };

test.describe('with clipboard permission', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  for (const [lang, path] of [['zh', '/template/'], ['en', '/template/en/']] as const) {
    test(`"Copy template" puts exactly the raw ${lang} file on the clipboard, and says so`, async ({ page }) => {
      await page.goto(path);
      await page.getByRole('button', { name: 'Copy template' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toContainText(`Copied the ${lang === 'zh' ? '中文' : 'English'} template`);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(raw[lang]);
    });
  }

  test('the button works by keyboard', async ({ page }) => {
    await page.goto('/template/');
    const button = page.getByRole('button', { name: 'Copy template' });
    for (let i = 0; i < 30 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(raw.zh);
  });

  test('"Start a proposal for <component>" copies the template with the component and its modules filled in', async ({ page }) => {
    const zhButton = page.getByRole('button', { name: 'Start a proposal for Log compaction', exact: true });
    const component = getComponent('compaction');
    await page.goto(`/components/${component.id}/`);
    await page.getByRole('button', { name: `Start a proposal for ${component.name} in English` }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toContainText(`the English template for ${component.name}`);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(fillTemplate(raw.en, { component: component.id, modules: componentModules(component) }));
    expect(copied).toContain('component: compaction');
    await zhButton.click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied the 中文 template for Log compaction' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fillTemplate(raw.zh, { component: component.id, modules: componentModules(component) }));
  });
});

test.describe('when the clipboard is denied or missing', () => {
  test('a denied write falls back to the text, selected, with a message', async ({ page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.goto('/template/');
    await page.getByRole('button', { name: 'Copy template' }).click();
    const box = page.locator('copy-template textarea');
    await expect(box).toBeVisible();
    await expect(box).toHaveValue(raw.zh);
    expect(await box.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd, el === document.activeElement])).toEqual([0, raw.zh.length, true]);
    await expect(page.getByRole('status').filter({ hasText: /Copied|press Ctrl\+C/ })).toBeVisible();
  });

  test('a browser without the Clipboard API gets the same fallback', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    await page.goto('/template/en/');
    await page.getByRole('button', { name: 'Copy template' }).click();
    await expect(page.locator('copy-template textarea')).toHaveValue(raw.en);
  });
});


test('the raw files are served byte for byte, and link from the page', async ({ page, request }) => {
  for (const lang of ['zh', 'en'] as const) {
    const response = await request.get(`/template.${lang}.md`);
    expect(response.ok()).toBe(true);
    expect(Buffer.compare(await response.body(), readFileSync(TEMPLATE_FILES[lang]))).toBe(0);
  }
  await page.goto('/template/');
  await expect(page.getByRole('link', { name: 'Download template.zh.md' })).toHaveAttribute('download', 'proposal-template.zh.md');
});

test('the template page guides each section with the completeness rules, in both languages', async ({ page }) => {
  for (const path of ['/template/', '/template/en/']) {
    await page.goto(path);
    await expect(page.locator('[data-template-section]')).toHaveCount(TEMPLATE_SECTIONS.length);
    for (const key of ['summary', 'motivation', 'proposal', 'performance']) {
      const guidance = page.locator(`[data-template-section="${key}"] aside`);
      await expect(guidance.getByRole('heading', { name: 'What a complete answer has' })).toBeVisible();
      expect(await guidance.locator('[data-rule]').count()).toBeGreaterThan(0);
    }
  }
  await page.goto('/template/');
  await page.getByRole('navigation', { name: 'Template language' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL('/template/en/');
  await expect(page.locator('[data-template-section="summary"] h2')).toHaveText('1) Summary (three things only)');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the copy button is hidden and the raw file still downloads, byte for byte', async ({ page }) => {
    await page.goto('/template/');
    await expect(page.getByRole('button', { name: 'Copy template' })).toBeHidden();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download template.zh.md' }).click()]);
    expect(download.suggestedFilename()).toBe('proposal-template.zh.md');
    expect(Buffer.compare(readFileSync(await download.path()), readFileSync(TEMPLATE_FILES.zh))).toBe(0);
  });
});
