/**
 * The site published under a base path, as a GitHub project page is: built by `npm run
 * build:prefixed` with BASE_PATH=/kafka-proposals/ and SITE_URL=https://example.test into
 * dist-prefixed/, and served under that prefix only (tests/e2e/prefixed-site.ts). Nothing is served
 * at the server's root, so a link written from `/` answers 404 here.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'parse5';
import { localePath } from '../../src/lib/i18n/routes.ts';
import { TEMPLATE_FILES } from '../../src/lib/template-files.ts';
import { proposals } from './catalogue.ts';
import { attr, elements, htmlFiles, type Element } from './dist-html.ts';
import { LANGUAGES, LOCALE_IDS, messagePattern } from './i18n.ts';
import { PREFIXED_HOME, PREFIXED_ORIGIN, PREFIXED_SITE } from './prefixed-site.ts';

const { BASE_PATH, SITE_URL, OUT_DIR } = PREFIXED_SITE;
/** The public address of a page, as the site writes it in canonical links, feeds and the sitemap. */
const PUBLIC_HOME = `${SITE_URL}${BASE_PATH}`;
/** A page of the served copy, from its path at the site's root in a language. */
const served = (locale: (typeof LOCALE_IDS)[number], path: string) => `${PREFIXED_ORIGIN}${localePath(locale, path, BASE_PATH)}`;
/** The served copy of a public URL. */
const local = (url: string) => url.replace(PUBLIC_HOME, PREFIXED_HOME);

/** The attributes that hold a URL the browser fetches or follows. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'data-src', 'poster', 'xlink:href'];

interface Reference {
  /** The page it is on. */
  from: string;
  /** As written in the attribute. */
  written: string;
  /** Resolved against the page. */
  url: URL;
  element: string;
}

/** Every URL a page refers to, with where it is; `srcset` lists are split. */
function references(html: string, from: string): Reference[] {
  const found: Reference[] = [];
  for (const el of elements(parse(html) as unknown as Element)) {
    for (const name of URL_ATTRIBUTES) {
      const written = attr(el, name);
      if (written !== undefined) found.push({ from, written, url: new URL(written, from), element: el.tagName });
    }
    for (const candidate of (attr(el, 'srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean)) {
      found.push({ from, written: candidate!, url: new URL(candidate!, from), element: el.tagName });
    }
  }
  return found;
}

/** The ids a page has, for fragment links. */
function ids(html: string): Set<string> {
  return new Set(elements(parse(html) as unknown as Element).flatMap((el) => [attr(el, 'id'), el.tagName === 'a' ? attr(el, 'name') : undefined].filter((v): v is string => v !== undefined)));
}

interface Crawl {
  /** Every URL fetched (without fragment), with its status and body when it is a page. */
  fetched: Map<string, { status: number; type: string; html?: string }>;
  references: Reference[];
}

/**
 * Follows every internal link, asset and form from the home pages and the 404 pages, the way a
 * visitor's browser would. Public URLs of this site (canonical, hreflang) are followed on the served
 * copy; other origins are not fetched (this machine has no network).
 */
async function crawl(request: APIRequestContext): Promise<Crawl> {
  const fetched: Crawl['fetched'] = new Map();
  const all: Reference[] = [];
  const queue = [PREFIXED_HOME, ...LOCALE_IDS.map((l) => served(l, '/')), served('zh', '/404.html'), served('en', '/404/')];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (fetched.has(url)) continue;
    const response = await request.get(url, { maxRedirects: 0 });
    const type = response.headers()['content-type'] ?? '';
    const entry: { status: number; type: string; html?: string } = { status: response.status(), type };
    fetched.set(url, entry);
    // 404 pages are entered on purpose; their links are followed like any page's.
    const isPage = type.startsWith('text/html');
    if (!isPage) continue;
    entry.html = await response.text();
    for (const reference of references(entry.html, url)) {
      all.push(reference);
      const target = new URL(local(reference.url.href));
      if (target.origin !== PREFIXED_ORIGIN) continue;
      target.hash = '';
      queue.push(target.href);
    }
  }
  return { fetched, references: all };
}

test.describe('the site under a base path', () => {
  let result: Crawl;
  test.beforeAll(async ({ playwright }) => {
    const request = await playwright.request.newContext();
    result = await crawl(request);
    await request.dispose();
  });

  test('a crawl from its home reaches every proposal in every language', () => {
    for (const locale of LOCALE_IDS) {
      for (const p of proposals) expect(result.fetched.get(served(locale, `/proposals/${p.id}/`))?.status, `${locale} ${p.id}`).toBe(200);
    }
  });

  test('no page refers to anything outside the base path: no link, asset or form written from the root', () => {
    const outside = result.references
      .filter((r) => new URL(local(r.url.href)).origin === PREFIXED_ORIGIN)
      .filter((r) => !r.url.pathname.startsWith(BASE_PATH) && !local(r.url.href).startsWith(PREFIXED_HOME))
      .map((r) => `${r.from}: <${r.element}> ${r.written}`);
    expect([...new Set(outside)]).toEqual([]);
  });

  test('every internal link, asset and form target answers 200', () => {
    const broken = [...result.fetched].filter(([url, { status }]) => status !== 200 && !/\/404(\.html|\/)$/.test(url)).map(([url, { status }]) => `${url} ${status}`);
    expect(broken).toEqual([]);
    const pages = [...result.fetched.values()].filter((f) => f.html !== undefined).length;
    // Both languages of every kind of page: far more than the home pages the crawl starts from.
    expect(pages).toBeGreaterThan(proposals.length * LOCALE_IDS.length);
  });

  test('every fragment link lands on an element of its page', () => {
    const idsOf = new Map<string, Set<string>>();
    const missing: string[] = [];
    for (const r of result.references) {
      if (r.url.hash === '' || r.element !== 'a') continue;
      const target = new URL(local(r.url.href));
      if (target.origin !== PREFIXED_ORIGIN) continue;
      target.hash = '';
      const html = result.fetched.get(target.href)?.html;
      if (html === undefined) continue;
      if (!idsOf.has(target.href)) idsOf.set(target.href, ids(html));
      const fragment = decodeURIComponent(r.url.hash.slice(1));
      if (!idsOf.get(target.href)!.has(fragment)) missing.push(`${r.from}: ${r.written}`);
    }
    expect([...new Set(missing)]).toEqual([]);
    expect(result.references.some((r) => r.url.hash !== '' && r.element === 'a')).toBe(true);
  });

  test('every page names its own public address as canonical, with the configured origin and base', () => {
    for (const [url, { html }] of result.fetched) {
      if (html === undefined || !url.startsWith(PREFIXED_HOME)) continue;
      const canonical = elements(parse(html) as unknown as Element).filter((el) => el.tagName === 'link' && attr(el, 'rel') === 'canonical');
      expect(canonical, url).toHaveLength(1);
      const href = attr(canonical[0]!, 'href')!;
      expect(href.startsWith(PUBLIC_HOME), `${url}: ${href}`).toBe(true);
      // The 404 pages are served for every missing address; only a real page's canonical is itself.
      const page = new URL(url);
      page.search = '';
      if (!/\/404(\.html|\/)$/.test(url) && result.fetched.get(url)!.status === 200) expect(local(href), url).toBe(page.href);
    }
  });

  test('no built file writes a URL from the root, even one no link leads to', () => {
    const rootLinks: string[] = [];
    for (const file of htmlFiles(OUT_DIR)) {
      const page = `${PREFIXED_HOME}${relative(OUT_DIR, file).replace(/index\.html$/, '')}`;
      for (const r of references(readFileSync(file, 'utf8'), page)) {
        if (r.written.startsWith('/') && !r.written.startsWith(BASE_PATH)) rootLinks.push(`${relative(OUT_DIR, file)}: <${r.element}> ${r.written}`);
        if (r.written.startsWith(SITE_URL) && !r.written.startsWith(PUBLIC_HOME)) rootLinks.push(`${relative(OUT_DIR, file)}: <${r.element}> ${r.written}`);
      }
    }
    expect(rootLinks).toEqual([]);
    expect(htmlFiles(OUT_DIR).length).toBeGreaterThan(proposals.length * LOCALE_IDS.length);
  });

  test('the sitemap lists every page, by its public address, and robots.txt points at it', async ({ page, request }) => {
    const robots = await request.get(`${PREFIXED_HOME}robots.txt`);
    expect(robots.status()).toBe(200);
    const sitemapIndex = /^Sitemap: (\S+)$/m.exec(await robots.text())?.[1];
    expect(sitemapIndex).toBe(`${PUBLIC_HOME}sitemap-index.xml`);

    // Parsed by the browser's XML parser: a document that is not well-formed fails here.
    await page.goto(PREFIXED_HOME);
    const locs = async (url: string) => {
      const response = await request.get(local(url));
      expect(response.status(), url).toBe(200);
      const text = await response.text();
      return page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length > 0) throw new Error(`not well-formed XML: ${xml.slice(0, 200)}`);
        return [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')].map((loc) => loc.textContent!.trim());
      }, text);
    };
    const listed: string[] = [];
    for (const sitemap of await locs(sitemapIndex!)) listed.push(...(await locs(sitemap)));

    const pages = htmlFiles(OUT_DIR)
      .map((file) => relative(OUT_DIR, file).replaceAll('\\', '/'))
      .filter((file) => !/(^|\/)404(\.html|\/index\.html)$/.test(file))
      .map((file) => `${PUBLIC_HOME}${file.replace(/index\.html$/, '')}`);
    expect([...listed].sort()).toEqual([...pages].sort());
    for (const url of listed) expect(url.startsWith(PUBLIC_HOME), url).toBe(true);
  });
});

for (const { locale, t } of LANGUAGES) {
  test.describe(`under a base path, in ${locale}`, () => {
    test('search finds proposals, and its results lead to pages under the base path', async ({ page }) => {
      const proposal = proposals.find((p) => p.id.includes('zstd-dictionary'))!;
      await page.goto(served(locale, '/search/?q=zstd'));
      const first = page.locator('[data-search-results] > li h2 a').first();
      await expect(first).toBeVisible();
      const href = await first.getAttribute('href');
      expect(href).toBe(localePath(locale, `/proposals/${proposal.id}/`, BASE_PATH));
      await first.click();
      await expect(page).toHaveURL(served(locale, `/proposals/${proposal.id}/`));
      await expect(page.locator('h1')).toHaveText(proposal.title);
    });

    test.describe('with clipboard permission', () => {
      test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
      test('"Copy template" copies the template file, fetched from under the base path', async ({ page }) => {
        await page.goto(served(locale, '/template/'));
        await page.getByRole('button', { name: t('template.copy'), exact: true }).click();
        await expect(page.locator('copy-template').first().getByRole('status')).toHaveText(messagePattern(locale, 'copy.copied'));
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(readFileSync(TEMPLATE_FILES.zh, 'utf8'));
      });
    });

    test('each proposal links its source file where REPOSITORY_URL browses the project', async ({ page }) => {
      for (const proposal of proposals.slice(0, 3)) {
        await page.goto(served(locale, `/proposals/${proposal.id}/`));
        const link = page.locator('[data-source-file] a');
        await expect(link).toHaveAttribute('href', `${PREFIXED_SITE.REPOSITORY_URL}/${proposal.file}`);
        await expect(link).toHaveText(proposal.file);
      }
    });

    test('the template downloads, byte for byte', async ({ page }) => {
      await page.goto(served(locale, '/template/en/'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t('template.download', { file: 'template.en.md' }), exact: true }).click()]);
      expect(download.suggestedFilename()).toBe('proposal-template.en.md');
      expect(readFileSync((await download.path())!, 'utf8')).toBe(readFileSync(TEMPLATE_FILES.en, 'utf8'));
    });

    test('the draft checker loads the template from under the base path', async ({ page }) => {
      await page.goto(served(locale, '/check/?template=zh'));
      await expect(page.locator('textarea').first()).toHaveValue(readFileSync(TEMPLATE_FILES.zh, 'utf8'));
    });

    test('an unknown address under the base path gets the 404 page, whose links stay under it', async ({ page }) => {
      const response = await page.goto(served(locale, '/no-such-page/'));
      expect(response?.status()).toBe(404);
      const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs.filter((h) => h.startsWith('/'))) expect(href.startsWith(BASE_PATH), href).toBe(true);
    });
  });
}
