/**
 * /check/: the browser checker gives what `npm run check -- --json` gives, for every sample and for the
 * raw template; it lists frontmatter errors and refused content without running any of it; the
 * draft survives a reload and never leaves the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slugify } from '../../src/lib/template.ts';
import { TEMPLATE_FILES } from '../../src/lib/template-files.ts';
import { HOSTILE_PAYLOADS } from '../fixtures/reader-cases.ts';
import type { Localized } from '../../src/lib/i18n/locales.ts';
import { proposals } from './catalogue.ts';
import { recordDialogs } from './dialogs.ts';
import { DEFAULT_LOCALE, LANGUAGES, messagePattern, shownWords } from './i18n.ts';

/**
 * An entry of `npm run check -- --json`: each error and check has `message` in the language of
 * `--lang` (the default one here) and `messages` in every language.
 */
interface CheckEntry {
  file: string;
  valid: boolean;
  errors: { rule: string; field: string; line: number; message: string; messages: Localized }[];
  completeness: { score: number; checks: { id: string; passed: boolean; message: string; messages: Localized }[] } | null;
}

/** `npm run check -- --json` over a folder, as a contributor would run it. */
function checkJson(dir: string): CheckEntry[] {
  const run = spawnSync(process.execPath, ['scripts/check.ts', '--json', '--no-cache', '--dir', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(run.stdout) as CheckEntry[];
}

const failedIds = (entry: CheckEntry) => entry.completeness!.checks.filter((c) => !c.passed).map((c) => c.id);

/** The interface of /check/ in the default language, for the tests whose point is not the wording. */
const { t, path: inDefault } = LANGUAGES.find((l) => l.locale === DEFAULT_LOCALE)!;

async function paste(page: Page, text: string) {
  await page.locator('[data-checker-input]').fill(text);
}

const result = (page: Page) => page.locator('[data-checker-result]');
const shownFailedIds = (page: Page) => page.locator('[data-checker-result] [data-rule-id]').evaluateAll((items) => items.map((i) => i.getAttribute('data-rule-id')));
/** The message shown under each rule not met, in the order shown. */
const shownRuleMessages = (page: Page) => page.locator('[data-checker-result] [data-rule-id] .message').evaluateAll((items) => items.map((i) => i.textContent));
const failedMessages = (entry: CheckEntry, locale: keyof Localized) => entry.completeness!.checks.filter((c) => !c.passed).map((c) => shownWords(c.messages[locale]));

for (const { locale, path } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test('every sample scores on /check/ what npm run check --json gives it, rule for rule and message for message', async ({ page }) => {
      const cli = checkJson('src/content/proposals');
      expect(cli).toHaveLength(proposals.length);
      // --json gives `message` in the language of --lang, the default one unless told.
      for (const check of cli.flatMap((e) => e.completeness!.checks)) expect(check.message).toBe(check.messages[DEFAULT_LOCALE]);
      await page.goto(path('/check/'));
      for (const entry of cli) {
        await paste(page, readFileSync(entry.file, 'utf8'));
        await expect(result(page), entry.file).toHaveAttribute('data-checker-score', String(entry.completeness!.score));
        await expect(result(page)).toHaveAttribute('data-checker-valid', 'true');
        expect(await shownFailedIds(page), entry.file).toEqual(failedIds(entry));
        expect(await shownRuleMessages(page), entry.file).toEqual(failedMessages(entry, locale));
      }
    });

    test('the raw templates, opened with ?template=, score what the CLI gives them', async ({ page }) => {
      const dir = mkdtempSync(join(tmpdir(), 'kbp-check-template-'));
      try {
        for (const lang of ['zh', 'en'] as const) writeFileSync(join(dir, `template-${lang}.md`), readFileSync(TEMPLATE_FILES[lang], 'utf8'));
        const cli = checkJson(dir);
        for (const lang of ['zh', 'en'] as const) {
          const entry = cli.find((e) => e.file.endsWith(`template-${lang}.md`))!;
          await page.goto(path(`/check/?template=${lang}`));
          await expect(page.locator('[data-checker-input]')).toHaveValue(readFileSync(TEMPLATE_FILES[lang], 'utf8'));
          await expect(result(page)).toHaveAttribute('data-checker-score', String(entry.completeness!.score));
          expect(await shownFailedIds(page)).toEqual(failedIds(entry));
          expect(await shownRuleMessages(page)).toEqual(failedMessages(entry, locale));
          // The template's frontmatter is placeholders: invalid, like the CLI says, field for field and in the same words.
          await expect(result(page)).toHaveAttribute('data-checker-valid', String(entry.errors.every((e) => !e.rule.startsWith('frontmatter'))));
          const frontmatterErrors = entry.errors.filter((e) => e.rule.startsWith('frontmatter'));
          expect(frontmatterErrors.length).toBeGreaterThan(0);
          for (const error of frontmatterErrors) {
            await expect(page.locator(`[data-checker-result] [data-field="${error.field}"]`).filter({ hasText: shownWords(error.messages[locale]) }), `${lang} ${error.field}`).toHaveCount(1);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

const sample = proposals.find((p) => p.lang === 'en')!;
const sampleText = readFileSync(sample.file, 'utf8');

for (const { locale, path } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test('a frontmatter error names its field, what was found and what is expected, in the words of npm run check', async ({ page }) => {
      const broken = sampleText.replace(/^component: .*$/m, 'component: no-such-component');
      const dir = mkdtempSync(join(tmpdir(), 'kbp-check-frontmatter-'));
      let cliError: CheckEntry['errors'][number] | undefined;
      try {
        writeFileSync(join(dir, sample.file.split('/').pop()!), broken);
        cliError = checkJson(dir)[0]!.errors.find((e) => e.field === 'component');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(cliError?.messages[locale]).toContain('no-such-component');
      await page.goto(path('/check/'));
      await paste(page, broken);
      await expect(result(page)).toHaveAttribute('data-checker-valid', 'false');
      const error = page.locator('[data-checker-result] [data-field="component"]');
      await expect(error).toContainText('no-such-component');
      await expect(error).toContainText(shownWords(cliError!.messages[locale]));
      await expect(page.locator('[data-checker-summary]')).toHaveText(messagePattern(locale, 'check.summaryRefused', { count: 1 }));
    });

    test('hostile content is listed by the content policy and never runs', async ({ page }) => {
      const dialogs = recordDialogs(page);
      await page.goto(path('/check/'));
      await paste(page, `${sampleText}\n<img src=x onerror="window.__checkerPwned = 1; alert(1)">\n\n[click](javascript:window.__checkerPwned=2)\n\n<script>window.__checkerPwned = 3</script>\n`);
      await expect(page.locator('[data-checker-result] [data-finding-id="content.html"]').first()).toBeVisible();
      await expect(page.locator('[data-checker-result] [data-finding-id="content.url"]')).toContainText('javascript:');
      await expect(page.locator('[data-checker-summary]')).toHaveText(messagePattern(locale, 'check.summaryRefused'));
      // Everything it quotes is text: no element of the payload exists, and nothing ran.
      expect(await page.locator('[data-checker-result] img, [data-checker-result] script, [data-checker-result] a[href^="javascript"]').count()).toBe(0);
      await page.locator('[data-checker-result] .line-link').first().click();
      expect(await page.evaluate(() => (window as unknown as { __checkerPwned?: number }).__checkerPwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
    });
  });
}

test('every hostile payload of the reader’s suite is listed with the rule the build gives it', async ({ page }) => {
  const dialogs = recordDialogs(page);
  await page.goto(inDefault('/check/'));
  const cases = HOSTILE_PAYLOADS.filter((c) => c.files.length === 1 && c.files[0]!.name === 'p.md');
  expect(cases.length).toBeGreaterThan(20);
  for (const testCase of cases) {
    await paste(page, testCase.files[0]!.text);
    for (const expected of testCase.expected) {
      const listed = page.locator(`[data-checker-result] [data-finding-id="${expected.id}"], [data-checker-result] [data-field="${expected.id.replace(/^frontmatter\.?/, '') || 'frontmatter'}"]`);
      await expect(listed.filter({ hasText: t('check.line', { line: expected.line }) }).first(), testCase.name).toBeVisible();
    }
  }
  expect(await page.evaluate(() => (window as unknown as { __checkerPwned?: number }).__checkerPwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('a file opened with the button or dropped on the editor is checked, its name included', async ({ page }) => {
  await page.goto(inDefault('/check/'));
  await page.locator('[data-checker-file]').setInputFiles({ name: 'My Draft.md', mimeType: 'text/markdown', buffer: Buffer.from(sampleText) });
  await expect(page.locator('[data-checker-input]')).toHaveValue(sampleText);
  // The name is not an id: the build would refuse it, and says why.
  await expect(page.locator('[data-checker-result] [data-finding-id="file"]')).toContainText('My Draft.md');
  await page.getByRole('button', { name: t('check.clear'), exact: true }).click();
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], '2026-01-01-dropped.md', { type: 'text/markdown' }));
    return transfer;
  }, sampleText);
  await page.locator('[data-checker-input]').dispatchEvent('drop', { dataTransfer });
  await expect(page.locator('[data-checker-input]')).toHaveValue(sampleText);
  await expect(result(page)).toHaveAttribute('data-checker-score', String(sample.completeness.score));
  await expect(page.locator('[data-checker-result] [data-finding-id]')).toHaveCount(0);
});

test('an .mdx draft is read as MDX, with the MDX parser fetched only then, and refused as the build refuses it', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(inDefault('/check/'));
  await paste(page, sampleText);
  await expect(result(page)).toHaveAttribute('data-checker-score', String(sample.completeness.score));
  // A Markdown draft never needs the MDX parser (acorn), most of the checker's weight.
  const mdxChunk = /micromark-extension-mdxjs/;
  expect(scripts.filter((url) => mdxChunk.test(url))).toEqual([]);
  const cases = HOSTILE_PAYLOADS.filter((c) => c.files.length === 1 && c.files[0]!.name === 'p.mdx');
  expect(cases.length).toBeGreaterThanOrEqual(8);
  for (const testCase of cases) {
    await page.locator('[data-checker-file]').setInputFiles({ name: '2026-03-02-draft.mdx', mimeType: 'text/markdown', buffer: Buffer.from(testCase.files[0]!.text) });
    for (const expected of testCase.expected) {
      const listed = page.locator(`[data-checker-result] [data-finding-id="${expected.id}"]`);
      await expect(listed.filter({ hasText: t('check.line', { line: expected.line }) }).first(), testCase.name).toBeVisible();
    }
  }
  expect(scripts.filter((url) => mdxChunk.test(url))).toHaveLength(1);
  expect(await page.evaluate(() => (window as unknown as { __checkerPwned?: number }).__checkerPwned)).toBeUndefined();
});

test('a reload keeps the draft, Clear forgets it, and no request carries it', async ({ page }) => {
  const marker = 'draft-marker-7c1d9e';
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
  await page.goto(inDefault('/check/'));
  await paste(page, sampleText.replace('## ', `${marker}\n\n## `));
  await expect(result(page)).not.toHaveAttribute('data-checker-score', '0');
  await page.reload();
  await expect(page.locator('[data-checker-input]')).toHaveValue(new RegExp(marker));
  await expect(result(page)).toHaveAttribute('data-checker-score', String(sample.completeness.score));
  expect(requests.filter((r) => r.includes(marker))).toEqual([]);
  await page.getByRole('button', { name: t('check.clear'), exact: true }).click();
  await expect(page.locator('[data-checker-input]')).toHaveValue('');
  await page.reload();
  await expect(page.locator('[data-checker-input]')).toHaveValue('');
  await expect(result(page)).toHaveAttribute('data-checker-score', '0');
});

test('"Download as file" saves the draft under the name npm run new would give it', async ({ page }) => {
  await page.goto(inDefault('/check/'));
  await paste(page, sampleText);
  await expect(result(page)).toHaveAttribute('data-checker-score', String(sample.completeness.score));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t('check.download'), exact: true }).click()]);
  const created = /^created: (\S+)$/m.exec(sampleText)![1];
  expect(download.suggestedFilename()).toBe(`${created}-${slugify(sample.title)}.md`);
  expect(readFileSync(await download.path(), 'utf8')).toBe(sampleText);
});

test('keyboard only: type a draft, then a rule’s line selects that line in the editor', async ({ page }) => {
  const draft = proposals.find((p) => p.completeness.score < 100)!;
  const text = readFileSync(draft.file, 'utf8');
  await page.goto(inDefault('/check/'));
  const input = page.locator('[data-checker-input]');
  for (let i = 0; i < 40 && !(await input.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(input).toBeFocused();
  await page.keyboard.insertText(text);
  await expect(result(page)).toHaveAttribute('data-checker-score', String(draft.completeness.score));
  const lineButton = page.locator('[data-checker-result] [data-rule-id] .line-link').first();
  const line = Number(await lineButton.getAttribute('data-line'));
  for (let i = 0; i < 80 && !(await lineButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(lineButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(input).toBeFocused();
  const selected = await input.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe(text.split('\n')[line - 1]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const { locale, t, path } of LANGUAGES) {
    test(`the page says the checker needs it and points to npm run check (${locale})`, async ({ page }) => {
      await page.goto(path('/check/'));
      await expect(page.locator('.no-js')).toContainText('npm run check');
      await expect(page.locator('.no-js')).toContainText(t('check.noJs').split('`')[0]!);
      await expect(page.locator('[data-checker-input]')).toBeHidden();
    });
  }
});
