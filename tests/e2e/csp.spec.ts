/**
 * The Content-Security-Policy (security.csp in astro.config.mjs): every built page carries one, it
 * lets no injected script run, and the site's own scripts, styles, search and copy button work
 * under it without a single violation.
 */
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'parse5';
import { attr, DIST, elements, htmlFiles, type Element, type Node } from './dist-html.ts';
import { TEMPLATE_FILES } from '../../src/lib/template-files.ts';
import { DEFAULT_LOCALE, LANGUAGES, messagePattern } from './i18n.ts';

const defaultLanguage = LANGUAGES.find((l) => l.locale === DEFAULT_LOCALE)!;

const text = (el: Element) => el.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
const isCspMeta = (el: Element) => el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy';

/** "a x y; b z" → { a: [x, y], b: [z] }. A repeated directive is kept as its first, as browsers do. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), sources);
  }
  return map;
}

const sha256 = (content: string) => `'sha256-${createHash('sha256').update(content).digest('base64')}'`;

const pages = htmlFiles(DIST);

test.describe('the policy in the built pages', () => {
  test('the built site has pages to check', () => {
    expect(pages.length).toBeGreaterThan(30);
  });

  test('every page has exactly one CSP meta in its head: no inline or eval scripts, no plugins, no foreign <base>', () => {
    const problems: string[] = [];
    for (const file of pages) {
      const els = elements(parse(readFileSync(file, 'utf8')) as unknown as Node);
      const metas = els.filter(isCspMeta);
      if (metas.length !== 1) {
        problems.push(`${file}: ${metas.length} CSP meta elements`);
        continue;
      }
      const head = els.find((el) => el.tagName === 'head')!;
      if (metas[0]!.parentNode !== head) problems.push(`${file}: the CSP meta is not a child of <head>`);
      const policy = directives(attr(metas[0]!, 'content') ?? '');
      const scriptSrc = policy.get('script-src');
      if (!scriptSrc) problems.push(`${file}: no script-src`);
      for (const name of ['script-src', 'script-src-elem', 'script-src-attr']) {
        for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'"]) if (policy.get(name)?.includes(unsafe)) problems.push(`${file}: ${name} has ${unsafe}`);
      }
      // 'unsafe-inline' only for style attributes (Shiki); style elements are hashed.
      for (const name of ['default-src', 'style-src', 'style-src-elem']) if (policy.get(name)?.includes("'unsafe-inline'")) problems.push(`${file}: ${name} has 'unsafe-inline'`);
      if (policy.get('object-src')?.join(' ') !== "'none'") problems.push(`${file}: object-src is ${policy.get('object-src')?.join(' ')}, not 'none'`);
      if (policy.get('base-uri')?.join(' ') !== "'self'") problems.push(`${file}: base-uri is ${policy.get('base-uri')?.join(' ')}, not 'self'`);
      if (policy.get('default-src')?.join(' ') !== "'self'") problems.push(`${file}: default-src is ${policy.get('default-src')?.join(' ')}, not 'self'`);
      // Every inline script and style element is let through by its hash, not by a blanket allowance.
      for (const el of els) {
        if ((el.tagName !== 'script' && el.tagName !== 'style') || attr(el, 'src') !== undefined || text(el) === '') continue;
        const directive = el.tagName === 'script' ? (policy.get('script-src-elem') ?? scriptSrc) : (policy.get('style-src-elem') ?? policy.get('style-src'));
        if (!directive?.includes(sha256(text(el)))) problems.push(`${file}: no hash for <${el.tagName}> ${JSON.stringify(text(el).trim().slice(0, 60))}…`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** A proposal page with highlighted code, whose colours come from style="--shiki-light:…" attributes. */
const codeProposal = pages
  .filter((file) => /^proposals[\\/][^\\/]+[\\/]index\.html$/.test(relative(DIST, file)) && readFileSync(file, 'utf8').includes('style="--shiki-light:'))
  .map((file) => '/' + relative(DIST, file).split('\\').join('/').replace(/index\.html$/, ''))[0];

/**
 * Collects every CSP violation while the test runs: the `securitypolicyviolation` events of each
 * document (listened for before any of the page's own scripts run), console errors about the
 * policy, and uncaught errors (a blocked script often shows as one).
 */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction('reportCspViolation', (report: string) => problems.push(report));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (r: string) => void }).reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /content.security.policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/**
 * A <meta> policy governs only what comes after it, and Astro puts its meta at the end of <head>,
 * after the theme script. Sent as a header as well, the same policy covers the whole document, so
 * the theme script's hash is checked too. (Both apply; content must pass both.)
 */
async function sendPolicyAsHeaderToo(page: Page, problems: string[]) {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const body = await response.text();
    const policy = elements(parse(body) as unknown as Node).find(isCspMeta);
    if (!policy) problems.push(`no CSP meta in ${route.request().url()}`);
    const headers = policy ? { ...response.headers(), 'content-security-policy': attr(policy, 'content')! } : response.headers();
    await route.fulfill({ response, body, headers });
  });
}

for (const delivery of ['meta', 'meta and header'] as const) {
  test.describe(`under the policy, sent as ${delivery}`, () => {
    test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
    let violations: string[];

    test.beforeEach(async ({ page }) => {
      violations = await watchViolations(page);
      if (delivery === 'meta and header') await sendPolicyAsHeaderToo(page, violations);
    });

    test.afterEach(() => {
      expect(violations).toEqual([]);
    });

    for (const { locale, t, path } of LANGUAGES) {
      test(`the home page runs its scripts, and the theme select switches and remembers the theme (${locale})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.goto(path('/'));
        // Set by the inline theme script, before first paint.
        await expect(page.locator('html')).toHaveAttribute('data-js', 'on');
        const theme = page.getByLabel(t('theme.label'));
        await expect(theme).toBeVisible(); // The component's script ran: it unhides the control.
        const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(await background()).toBe('rgb(17, 20, 24)');
        await theme.selectOption('light');
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
        expect(await background()).toBe('rgb(255, 255, 255)');
        await page.reload();
        // Only the inline theme script applies the stored theme on load.
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
        expect(await background()).toBe('rgb(255, 255, 255)');
        await expect(theme).toHaveValue('light');
      });

      test(`the proposals list loads with its scripts and styles (${locale})`, async ({ page }) => {
        await page.goto(path('/proposals/'));
        await expect(page.locator('html')).toHaveAttribute('data-js', 'on');
        await expect(page.getByLabel(t('theme.label'))).toBeVisible();
        await expect(page.locator('.proposal-card').first()).toBeVisible();
        // The bundled stylesheet applies: a card has its border.
        expect(await page.locator('.proposal-card').first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
      });

      test(`search loads Pagefind and its WebAssembly, and shows results (${locale})`, async ({ page }) => {
        await page.goto(path('/search/?q=cleaner'));
        await expect(page.locator('[data-search-status]')).toHaveText(messagePattern(locale, 'search.results'));
        expect(await page.locator('[data-search-results] [data-proposal-id]').count()).toBeGreaterThan(0);
        await expect(page.locator('[data-search-results] mark').first()).toContainText(/cleaner/i);
      });
    }

    test('a proposal page shows its highlighted code in colour: style attributes are allowed', async ({ page }) => {
      expect(codeProposal, 'a built proposal page with highlighted code').toBeDefined();
      await page.goto(codeProposal!);
      await expect(page.locator('html')).toHaveAttribute('data-js', 'on');
      const token = page.locator('pre code span[style*="--shiki-light"]').first();
      await expect(token).toBeVisible();
      const [inline, applied] = await token.evaluate((el) => [el.style.getPropertyValue('--shiki-light').trim(), getComputedStyle(el).getPropertyValue('--shiki-light').trim()]);
      expect(inline).toMatch(/^#[0-9a-f]{3,8}$/i);
      expect(applied).toBe(inline);
    });

    test("search works where Pagefind cannot start its worker: its WebAssembly then runs under the page's policy", async ({ page }) => {
      // Pagefind searches in a worker when it can; the worker is not under the page's policy, so
      // only this fallback, in the page itself, shows that 'wasm-unsafe-eval' lets it compile.
      await page.addInitScript(() => Reflect.deleteProperty(window, 'Worker'));
      await page.goto(defaultLanguage.path('/search/?q=cleaner'));
      expect(await page.evaluate(() => typeof Worker)).toBe('undefined');
      await expect(page.locator('[data-search-status]')).toHaveText(messagePattern(DEFAULT_LOCALE, 'search.results'));
      expect(await page.locator('[data-search-results] [data-proposal-id]').count()).toBeGreaterThan(0);
    });

    test('the copy button on /template/ fetches the template and copies it', async ({ page }) => {
      const { t, path, htmlLang } = defaultLanguage;
      const raw = readFileSync(TEMPLATE_FILES.zh, 'utf8');
      await page.goto(path('/template/'));
      await page.getByRole('button', { name: t('template.copy'), exact: true }).click();
      await expect(page.getByRole('status')).toHaveText(t('copy.copied', { what: t('copy.what', { language: t('copy.language.zh') }), count: raw.length.toLocaleString(htmlLang) }));
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(raw);
    });
  });
}
