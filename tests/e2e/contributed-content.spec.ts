/**
 * Contributed content never runs. Builds a copy of the site whose proposals are the tricky-but-allowed
 * fixtures (tests/fixtures/sites/tricky/: script-like text in code, titles and authors, the allowed raw
 * HTML, every allowed link form, an MDX proposal), serves it, and checks every page in Chromium with
 * dialogs hooked; then builds copies with hostile proposals and expects the build to stop, naming the
 * file, the line and what is allowed, before any contributed code could run.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createSiteCopy } from '../../scripts/bench/scratch-sites.ts';
import { recordDialogs } from './dialogs.ts';
import { formatFinding } from '../../src/lib/reader/findings.ts';
import { readProposal } from '../../src/lib/reader/read-proposal.ts';
import { DEFAULT_LOCALE, LOCALE_IDS, localePath } from './i18n.ts';

const PROJECT = resolve('.');
const SITES = join(PROJECT, '.e2e-sites');
const FIXTURES = join(PROJECT, 'tests/fixtures/sites/tricky');
const PORT = Number(process.env.E2E_TRICKY_PORT ?? 4398);
const BASE = `http://127.0.0.1:${PORT}`;

function fixtures(dir: string) {
  return readdirSync(dir).map((fileName) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') }));
}

/** `npm run build` in a copy of the site, as a contributor's pull request would be built. */
function build(site: string) {
  return spawnSync('npm', ['run', 'build'], { cwd: site, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, timeout: 180_000 });
}

test.describe('a site built from tricky but allowed proposals', () => {
  test.describe.configure({ mode: 'serial', timeout: 240_000 });
  const site = join(SITES, 'tricky');
  let server: ChildProcess | undefined;
  let pages: string[] = [];

  test.beforeAll(async () => {
    createSiteCopy(PROJECT, site, fixtures(FIXTURES));
    const result = build(site);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    const dist = join(site, 'dist');
    pages = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.html') && !relative(dist, e.parentPath).startsWith('pagefind'))
      .map((e) => '/' + relative(dist, join(e.parentPath, e.name)).split('\\').join('/').replace(/index\.html$/, ''));
    server = spawn('npm', ['run', 'preview', '--', '--port', String(PORT), '--host', '127.0.0.1', '--ignore-lock'], { cwd: site, stdio: 'ignore', detached: true });
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${BASE}/`).then((r) => r.ok).catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`The preview of ${site} did not answer on ${BASE}`);
  });

  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid);
  });

  /** Everything on a page that could run contributed code or restyle the page. */
  async function dangerIn(page: Page) {
    return page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      const found: string[] = [];
      for (const el of all) {
        for (const { name, value } of [...el.attributes]) {
          if (/^on/i.test(name)) found.push(`${el.tagName} ${name}`);
          const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href'].includes(name) && /^(javascript|data|vbscript):/.test(url)) found.push(`${el.tagName} ${name}=${value}`);
        }
      }
      for (const el of document.querySelectorAll('iframe, object, embed, frame, frameset, applet, base, form[action^="http"], meta[http-equiv="refresh"]')) found.push(el.tagName);
      // Contributed content is shown in proposal bodies, breakdowns and lists: no <style> or <script> there.
      for (const el of document.querySelectorAll(':is(.prose, [data-completeness-breakdown], [data-proposal-id]) :is(style, script)')) found.push(`content ${el.tagName}`);
      // Every script the page has is the site's own: from this origin, never from a proposal.
      for (const el of document.querySelectorAll('script[src]')) if (new URL((el as HTMLScriptElement).src).origin !== location.origin) found.push(`script from ${(el as HTMLScriptElement).src}`);
      return found;
    });
  }

  test('no script runs and nothing dangerous reaches the DOM of any page', async ({ page }) => {
    expect(pages.length).toBeGreaterThan(20);
    // Every language's pages: the tricky content is shown under every interface.
    for (const locale of LOCALE_IDS) {
      expect(pages).toContain(localePath(locale, '/proposals/2026-03-02-tricky-but-allowed/'));
      expect(pages).toContain(localePath(locale, '/proposals/2026-03-03-tricky-mdx/'));
    }
    const dialogs = recordDialogs(page);
    for (const path of pages) {
      await page.goto(`${BASE}${path}`);
      expect(await dangerIn(page), path).toEqual([]);
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), path).toBe(1);
    }
    expect(dialogs).toEqual([]);
  });

  for (const locale of LOCALE_IDS) {
    test(`the tricky text is shown as text, in pages and in search results, and the allowed HTML works (${locale})`, async ({ page }) => {
      const dialogs = recordDialogs(page);
      await page.goto(`${BASE}${localePath(locale, '/proposals/2026-03-02-tricky-but-allowed/')}`);
      await expect(page.locator('h1')).toHaveText(`Tricky but allowed: <script>alert('title')</script> & "quotes"`);
      await expect(page.getByText("<img src=x onerror=alert('author')>")).toBeVisible();
      await expect(page.locator('.prose code', { hasText: "<script>alert('code')</script>" })).toBeVisible();
      await expect(page.locator('.prose details[open] summary')).toHaveText('Allowed raw HTML');
      await expect(page.locator('.prose kbd').first()).toHaveText('Ctrl');
      await expect(page.locator('.prose a[href="mailto:someone@example.org"]')).toBeVisible();
      await expect(page.locator('.prose img[src^="https://"]')).toHaveCount(1);
      // The placeholder quoted by the completeness breakdown is code, not a link.
      const breakdown = page.locator('[data-completeness-breakdown]');
      await expect(breakdown.locator('code', { hasText: '{{[x](javascript:alert(1))}}' })).toHaveCount(1);
      await expect(breakdown.locator('a[href*="javascript"]')).toHaveCount(0);

      // Search shows the same text as text: the excerpt is never markup.
      await page.goto(`${BASE}${localePath(locale, '/search/?q=onerror')}`);
      const results = page.locator('[data-proposal-id="2026-03-02-tricky-but-allowed"]');
      await expect(results.locator('.excerpt mark').first()).toHaveText(/onerror/i);
      expect(await dangerIn(page)).toEqual([]);
      await expect(page.locator('.search-result img, .search-result script, .search-result iframe')).toHaveCount(0);

      await page.goto(`${BASE}${localePath(locale, '/proposals/2026-03-03-tricky-mdx/')}`);
      await expect(page.locator('h1')).toHaveText(`Tricky MDX: {alert('title')} <script>alert('title')</script>`);
      await expect(page.locator('.prose details[open] summary')).toHaveText('Allowed JSX: the raw HTML allow-list');
      await expect(page.locator('.prose pre code')).toContainText("writeFileSync('/tmp/pwned', 'x')");
      expect(dialogs).toEqual([]);
    });
  }
});

/**
 * What the build must print for a hostile file: the one reader's findings, `file:line id message`,
 * in the default interface language.
 */
function expectedFindings(fileName: string, text: string): { ids: string[]; lines: string[] } {
  const { errors } = readProposal(`src/content/proposals/${fileName}`, fileName, text);
  return { ids: errors.map((f) => `${f.line} ${f.id}`), lines: errors.map((f) => formatFinding(f, DEFAULT_LOCALE)) };
}

test.describe('a site with a hostile proposal', () => {
  test.describe.configure({ timeout: 240_000 });

  const valid = readFileSync(join(FIXTURES, '2026-03-02-tricky-but-allowed.md'), 'utf8');
  const frontmatter = valid.slice(0, valid.indexOf('\n---\n') + 5);

  test('does not build: the build names the file, the line and what is allowed', () => {
    const site = join(SITES, 'hostile-html');
    const text = `${frontmatter}## 1) Summary\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))\n`;
    createSiteCopy(PROJECT, site, [{ fileName: '2026-03-02-hostile.md', text }]);
    const result = build(site);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).not.toBe(0);
    const line = frontmatter.split('\n').length + 2;
    const expected = expectedFindings('2026-03-02-hostile.md', text);
    expect(expected.ids).toEqual([`${line} content.html`, `${line + 2} content.url`]);
    for (const finding of expected.lines) expect(output).toContain(finding);
    expect(existsSync(join(site, 'dist', 'proposals'))).toBe(false);
  });

  test('never evaluates an MDX proposal: its code does not run during the build', () => {
    const site = join(SITES, 'hostile-mdx');
    const marker = join(site, 'pwned.txt');
    const text = `${frontmatter}import { writeFileSync } from 'node:fs'\nexport const x = writeFileSync(${JSON.stringify(marker)}, 'ran')\n\n## 1) Summary\n\n{writeFileSync(${JSON.stringify(marker)}, 'ran')}\n`;
    createSiteCopy(PROJECT, site, [{ fileName: '2026-03-02-hostile.mdx', text }]);
    rmSync(marker, { force: true });
    const result = build(site);
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status).not.toBe(0);
    const expected = expectedFindings('2026-03-02-hostile.mdx', text);
    expect(expected.ids.map((id) => id.split(' ')[1])).toEqual(['content.mdx', 'content.mdx']);
    for (const finding of expected.lines) expect(output).toContain(finding);
    expect(existsSync(marker)).toBe(false);
  });
});
