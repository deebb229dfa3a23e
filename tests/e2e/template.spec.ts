import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { componentModules, fillTemplate } from '../../src/lib/template.ts';
import { TEMPLATE_FILES } from '../../src/lib/template-files.ts';
import { getComponent } from '../../src/lib/vocabulary/components.ts';
import { TEMPLATE_SECTIONS } from '../../src/lib/vocabulary/sections.ts';
import { DEFAULT_LOCALE, LANGUAGES, messagePattern } from './i18n.ts';

const raw = { zh: readFileSync(TEMPLATE_FILES.zh, 'utf8'), en: readFileSync(TEMPLATE_FILES.en, 'utf8') };
const TEMPLATE_LANGS = ['zh', 'en'] as const;
/** The template page of each template language, by its path in the default interface language. */
const TEMPLATE_PAGE = { zh: '/template/', en: '/template/en/' } as const;

const defaultLanguage = LANGUAGES.find((l) => l.locale === DEFAULT_LOCALE)!;

/** The live region of the copy button with this name. */
const statusOf = (page: Page, name: string) => page.locator('copy-template', { has: page.getByRole('button', { name, exact: true }) }).getByRole('status');

test.describe('with clipboard permission', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  for (const { locale, t, path, htmlLang } of LANGUAGES) {
    for (const lang of TEMPLATE_LANGS) {
      test(`"Copy template" on ${path(TEMPLATE_PAGE[lang])} puts exactly the raw ${lang} file on the clipboard, and says so`, async ({ page }) => {
        await page.goto(path(TEMPLATE_PAGE[lang]));
        await page.getByRole('button', { name: t('template.copy'), exact: true }).click();
        const what = t('copy.what', { language: t(`copy.language.${lang}`) });
        await expect(statusOf(page, t('template.copy'))).toHaveText(t('copy.copied', { what, count: raw[lang].length.toLocaleString(htmlLang) }));
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(raw[lang]);
      });
    }

    test(`"Start a proposal for <component>" copies the template with the component and its modules filled in (${locale})`, async ({ page }) => {
      const component = getComponent('compaction');
      const name = component.name[locale];
      const enButton = t('component.startInEnglishLabel', { component: name });
      const zhButton = t('component.start', { component: name });
      await page.goto(path(`/components/${component.id}/`));
      await page.getByRole('button', { name: enButton, exact: true }).click();
      const filled = (lang: 'zh' | 'en') => fillTemplate(raw[lang], { component: component.id, modules: componentModules(component) });
      const what = (lang: 'zh' | 'en') => t('copy.whatForComponent', { language: t(`copy.language.${lang}`), component: name });
      await expect(statusOf(page, enButton)).toHaveText(t('copy.copied', { what: what('en'), count: filled('en').length.toLocaleString(htmlLang) }));
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(filled('en'));
      expect(copied).toContain('component: compaction');
      await page.getByRole('button', { name: zhButton, exact: true }).click();
      await expect(statusOf(page, zhButton)).toHaveText(t('copy.copied', { what: what('zh'), count: filled('zh').length.toLocaleString(htmlLang) }));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(filled('zh'));
    });
  }

  test('the button works by keyboard', async ({ page }) => {
    const { t, path } = defaultLanguage;
    await page.goto(path('/template/'));
    const button = page.getByRole('button', { name: t('template.copy'), exact: true });
    for (let i = 0; i < 30 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(statusOf(page, t('template.copy'))).toHaveText(messagePattern(DEFAULT_LOCALE, 'copy.copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(raw.zh);
  });
});

test.describe('when the clipboard is denied or missing', () => {
  for (const { locale, t, path } of LANGUAGES) {
    test(`a denied write falls back to the text, selected, with a message (${locale})`, async ({ page }) => {
      await page.addInitScript(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      });
      await page.goto(path('/template/'));
      await page.getByRole('button', { name: t('template.copy'), exact: true }).click();
      const box = page.locator('copy-template textarea');
      await expect(box).toBeVisible();
      await expect(box).toHaveValue(raw.zh);
      expect(await box.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd, el === document.activeElement])).toEqual([0, raw.zh.length, true]);
      const what = t('copy.what', { language: t('copy.language.zh') });
      await expect(statusOf(page, t('template.copy'))).toHaveText(messagePattern(locale, ['copy.copiedShort', 'copy.selected'], { what }));
      await expect(page.locator('copy-template .copy-fallback')).toContainText(t('copy.fallback'));
    });
  }

  test('a browser without the Clipboard API gets the same fallback', async ({ page }) => {
    const { t, path } = LANGUAGES.find((l) => l.locale === 'en')!;
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    await page.goto(path('/template/en/'));
    await page.getByRole('button', { name: t('template.copy'), exact: true }).click();
    await expect(page.locator('copy-template textarea')).toHaveValue(raw.en);
  });
});

test('the raw files are served byte for byte, and link from the page', async ({ page, request }) => {
  for (const lang of TEMPLATE_LANGS) {
    const response = await request.get(`/template.${lang}.md`);
    expect(response.ok()).toBe(true);
    expect(Buffer.compare(await response.body(), readFileSync(TEMPLATE_FILES[lang]))).toBe(0);
  }
  // Every page of the template, in every interface language, links its own raw file, the same one.
  for (const { t, path } of LANGUAGES) {
    for (const lang of TEMPLATE_LANGS) {
      await page.goto(path(TEMPLATE_PAGE[lang]));
      const link = page.getByRole('link', { name: t('template.download', { file: `template.${lang}.md` }), exact: true });
      await expect(link).toHaveAttribute('href', `/template.${lang}.md`);
      await expect(link).toHaveAttribute('download', `proposal-template.${lang}.md`);
    }
  }
});

for (const { locale, t, path } of LANGUAGES) {
  test(`the template page guides each section with the completeness rules, in both template languages (${locale})`, async ({ page }) => {
    for (const lang of TEMPLATE_LANGS) {
      await page.goto(path(TEMPLATE_PAGE[lang]));
      await expect(page.locator('[data-template-section]')).toHaveCount(TEMPLATE_SECTIONS.length);
      for (const key of ['summary', 'motivation', 'proposal', 'performance']) {
        const guidance = page.locator(`[data-template-section="${key}"] aside`);
        await expect(guidance.getByRole('heading', { name: t('template.guidanceHeading'), exact: true })).toBeVisible();
        expect(await guidance.locator('[data-rule]').count()).toBeGreaterThan(0);
      }
    }
    await page.goto(path('/template/'));
    await page.getByRole('navigation', { name: t('template.languages'), exact: true }).getByRole('link', { name: t('template.languageName.en'), exact: true }).click();
    await expect(page).toHaveURL(path('/template/en/'));
    // The sections are the English template's, whatever the interface language.
    await expect(page.locator('[data-template-section="summary"] h2')).toHaveText('1) Summary (three things only)');
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the copy button is hidden and the raw file still downloads, byte for byte', async ({ page }) => {
    const { t, path } = defaultLanguage;
    await page.goto(path('/template/'));
    await expect(page.getByRole('button', { name: t('template.copy'), exact: true })).toBeHidden();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('template.download', { file: 'template.zh.md' }), exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('proposal-template.zh.md');
    expect(Buffer.compare(readFileSync(await download.path()), readFileSync(TEMPLATE_FILES.zh))).toBe(0);
  });
});
