import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { alternatePath, BASE_PATH, localePath, sitePath, splitLocale, withoutBase } from '../../src/lib/i18n/routes.ts';
import { DEFAULT_LOCALE, LOCALE_IDS } from '../../src/lib/i18n/locales.ts';
import { sourceFileUrl } from '../../src/lib/links.ts';
import { DEFAULT_OUT_DIR, DEFAULT_SITE_URL, parseBasePath, parseRepositoryUrl, parseSiteUrl, readSiteSettings, SiteSettingError } from '../../src/lib/site-settings.ts';
import { isSitemapPage } from '../../src/lib/sitemap.ts';

const NOW = new Date('2026-11-26T23:59:59Z');

describe('readSiteSettings', () => {
  it('has the documented defaults, with today in UTC as the build date', () => {
    expect(readSiteSettings({}, NOW)).toEqual({ siteUrl: DEFAULT_SITE_URL, basePath: '/', buildDate: '2026-11-26', staleAfterDays: 180, outDir: 'dist' });
  });

  it('links no source file unless REPOSITORY_URL is set, and then appends a file to it', () => {
    expect(readSiteSettings({}, NOW).repositoryUrl).toBeUndefined();
    expect(readSiteSettings({ REPOSITORY_URL: ' ' }, NOW).repositoryUrl).toBeUndefined();
    const { repositoryUrl } = readSiteSettings({ REPOSITORY_URL: 'https://github.com/acme/kafka-proposals/blob/main/' }, NOW);
    expect(repositoryUrl).toBe('https://github.com/acme/kafka-proposals/blob/main');
    expect(sourceFileUrl(repositoryUrl!, 'src/content/proposals/2026-01-01-a b#c.md')).toBe('https://github.com/acme/kafka-proposals/blob/main/src/content/proposals/2026-01-01-a%20b%23c.md');
    expect(parseRepositoryUrl('https://git.example.org/acme/kafka-proposals/-/blob/main')).toBe('https://git.example.org/acme/kafka-proposals/-/blob/main');
  });

  it.each(['github.com/acme/repo', 'javascript:alert(1)', 'ftp://example.org/repo', 'https://github.com/acme/repo?tab=1', 'https://github.com/acme/repo#readme'])(
    'refuses REPOSITORY_URL %s, naming the variable and what it expects',
    (value) => {
      expect(() => readSiteSettings({ REPOSITORY_URL: value }, NOW)).toThrow(SiteSettingError);
      expect(() => readSiteSettings({ REPOSITORY_URL: value }, NOW)).toThrow(/^REPOSITORY_URL: found ".*"; expected an/);
    },
  );

  it('treats a variable set to nothing as unset, as a CI matrix often does', () => {
    expect(readSiteSettings({ SITE_URL: '', BASE_PATH: ' ', BUILD_DATE: '', STALE_AFTER_DAYS: '', OUT_DIR: '' }, NOW)).toEqual(readSiteSettings({}, NOW));
  });

  it('reads every setting', () => {
    expect(readSiteSettings({ SITE_URL: 'https://example.test', BASE_PATH: '/kafka-proposals/', BUILD_DATE: '2027-02-28', STALE_AFTER_DAYS: '90', OUT_DIR: 'dist-prefixed' }, NOW)).toEqual({
      siteUrl: 'https://example.test',
      basePath: '/kafka-proposals/',
      buildDate: '2027-02-28',
      staleAfterDays: 90,
      outDir: 'dist-prefixed',
    });
  });

  it.each([
    [{ BUILD_DATE: '2026-02-30' }, /^BUILD_DATE: found "2026-02-30"; expected a date written YYYY-MM-DD/],
    [{ BUILD_DATE: '26/11/2026' }, /^BUILD_DATE: found "26\/11\/2026"/],
    [{ STALE_AFTER_DAYS: '0' }, /^STALE_AFTER_DAYS: found "0"; expected a whole number of days, 1 or more/],
    [{ STALE_AFTER_DAYS: '6 months' }, /^STALE_AFTER_DAYS: found "6 months"/],
    [{ SITE_URL: 'example.test' }, /^SITE_URL: found "example.test"; expected an absolute URL/],
    [{ SITE_URL: 'ftp://example.test' }, /^SITE_URL: found "ftp:\/\/example.test"; expected an http:\/\/ or https:\/\/ URL/],
    [{ SITE_URL: 'https://example.test/kafka/' }, /put the path "\/kafka\/" in BASE_PATH/],
    [{ BASE_PATH: '/a b/' }, /^BASE_PATH: found "\/a b\/"; expected a path such as \/kafka-proposals\//],
    [{ BASE_PATH: '/../x/' }, /^BASE_PATH: found/],
    [{ BASE_PATH: '/"onmouseover="x/' }, /^BASE_PATH: found/],
  ])('refuses %o, naming the variable, what was found and what is expected', (env, message) => {
    expect(() => readSiteSettings(env, NOW)).toThrow(SiteSettingError);
    expect(() => readSiteSettings(env, NOW)).toThrow(message);
  });

  it('writes a base path with one slash at each end, however it is given', () => {
    for (const text of ['kafka-proposals', '/kafka-proposals', 'kafka-proposals/', '//kafka-proposals//']) expect(parseBasePath(text)).toBe('/kafka-proposals/');
    expect(parseBasePath('/docs/kafka/')).toBe('/docs/kafka/');
    expect(parseBasePath('/')).toBe('/');
    expect(parseSiteUrl('https://Example.TEST/')).toBe('https://example.test');
  });
});

describe('internal URLs under a base path', () => {
  const base = '/kafka-proposals/';

  it('has no base outside Vite, so the tests and scripts see paths from the root', () => {
    expect(BASE_PATH).toBe('/');
    expect(sitePath('/pagefind/pagefind.js')).toBe('/pagefind/pagefind.js');
  });

  it('puts every file and page under the base, in every language', () => {
    expect(sitePath('/pagefind/pagefind.js', base)).toBe('/kafka-proposals/pagefind/pagefind.js');
    expect(sitePath('/', base)).toBe('/kafka-proposals/');
    expect(localePath(DEFAULT_LOCALE, '/proposals/?q=1#top', base)).toBe('/kafka-proposals/proposals/?q=1#top');
    expect(localePath('en', '/', base)).toBe('/kafka-proposals/en/');
    expect(alternatePath(DEFAULT_LOCALE, '/404/', base)).toBe('/kafka-proposals/404.html');
    expect(alternatePath('en', '/404/', base)).toBe('/kafka-proposals/en/404/');
  });

  it('reads a page back to its language and path: splitLocale inverts localePath', () => {
    for (const locale of LOCALE_IDS) {
      for (const path of ['/', '/rules/', '/proposals/x/#completeness-heading']) {
        expect(splitLocale(localePath(locale, path, base), base)).toEqual({ locale, path });
      }
    }
    expect(withoutBase('/kafka-proposals', base)).toBe('/');
    // A path that only starts with the same letters is not under the base.
    expect(withoutBase('/kafka-proposals-old/en/', base)).toBe('/kafka-proposals-old/en/');
  });

  it('refuses a path that is not from the root, or that would leave the site', () => {
    expect(() => sitePath('pagefind/pagefind.js', base)).toThrow(/starts with one "\/"/);
    expect(() => sitePath('//evil.example/x', base)).toThrow(/starts with one "\/"/);
  });
});

describe('the sitemap', () => {
  it('lists pages but not the 404 pages', () => {
    expect(isSitemapPage('https://example.test/kafka-proposals/')).toBe(true);
    expect(isSitemapPage('https://example.test/kafka-proposals/proposals/2025-02-14-fetch-session-cache-sharding/')).toBe(true);
    expect(isSitemapPage('https://example.test/kafka-proposals/404/')).toBe(false);
    expect(isSitemapPage('https://example.test/kafka-proposals/404.html')).toBe(false);
    expect(isSitemapPage('https://example.test/kafka-proposals/en/404/')).toBe(false);
  });
});

describe('the GitHub Pages workflow', () => {
  interface Step {
    id?: string;
    uses?: string;
    run?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
  }
  const workflow = parseYaml(readFileSync('.github/workflows/pages.yml', 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const steps = workflow.jobs.build!.steps;

  it('builds with the origin and base path that the repository\'s Pages settings give', () => {
    const pages = steps.find((s) => s.uses?.startsWith('actions/configure-pages@'))!;
    const build = steps.find((s) => s.run === 'npm run build')!;
    expect(build.env).toEqual({
      SITE_URL: `\${{ steps.${pages.id}.outputs.origin }}`,
      BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}`,
      // Each proposal links its file in the repository and branch the site is published from.
      REPOSITORY_URL: '${{ github.server_url }}/${{ github.repository }}/blob/${{ github.ref_name }}',
    });
    // configure-pages gives "" for a user site and "/repo" for a project site: both are read as base paths.
    expect(parseBasePath('')).toBe('/');
    expect(parseBasePath('/kafka-proposals')).toBe('/kafka-proposals/');
  });

  it('publishes the folder the build writes', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with!.path).toBe(DEFAULT_OUT_DIR);
  });
});
