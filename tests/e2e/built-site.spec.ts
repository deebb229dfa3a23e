/**
 * Checks over every file of the built site, without a browser: every internal link and fragment
 * resolves, every external link is a well-formed https URL, and every page is valid HTML.
 */
import { expect, test } from '@playwright/test';
import { HtmlValidate } from 'html-validate';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'parse5';
import { splitLocale } from '../../src/lib/i18n/routes.ts';
import { isSearchablePage } from '../../src/lib/search/index-site.ts';
import { attr, DIST, elements, htmlFiles, type Node } from './dist-html.ts';
import { LOCALE_IDS, localePath, NOT_FOUND_PAGE, type Locale } from './i18n.ts';

/** The URL path a built file answers: dist/a/index.html → /a/. */
function pagePath(file: string): string {
  const path = '/' + relative(DIST, file).split('\\').join('/');
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The file a URL path is served from, if any. */
function fileFor(path: string): string | undefined {
  const candidates = path.endsWith('/') ? [join(DIST, path, 'index.html')] : [join(DIST, path), join(DIST, path, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const pages = htmlFiles(DIST);
const parsed = new Map(pages.map((file) => [file, elements(parse(readFileSync(file, 'utf8')) as unknown as Node)]));
const ids = new Map([...parsed].map(([file, els]) => [file, new Set(els.map((el) => attr(el, 'id')).filter(Boolean))]));

test('the built site has pages to check, in every language', () => {
  for (const locale of LOCALE_IDS) expect(pages.filter((file) => splitLocale(pagePath(file)).locale === locale).length, locale).toBeGreaterThan(30);
});

test('Pagefind reads every page marked for the index, and the index holds each of them', () => {
  const marked = [...parsed].filter(([, els]) => els.some((el) => attr(el, 'data-pagefind-body') !== undefined)).map(([file]) => relative(DIST, file).split('\\').join('/'));
  expect(marked.length).toBeGreaterThan(10);
  expect(marked.filter((file) => !isSearchablePage(file))).toEqual([]);
  const entry = JSON.parse(readFileSync(join(DIST, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  expect(Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0)).toBe(marked.length);
});

test('no page, feed or API document carries a finding’s quote marks: each became a lang, or was dropped', () => {
  const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(html|xml|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !relative(DIST, file).startsWith('pagefind'));
  expect(files.length).toBeGreaterThan(pages.length);
  expect(files.filter((file) => /[\u2068\u2069]/.test(readFileSync(file, 'utf8')))).toEqual([]);
});

test('every page is built in every language', () => {
  /** The page's path in the default language: /en/rules/ → /rules/; each language's 404 page is one page. */
  const pageKind = (path: string) => {
    const notFound = Object.entries(NOT_FOUND_PAGE).find(([, page]) => page === path);
    return notFound ? 'the 404 page' : splitLocale(path).path;
  };
  const kinds = new Map<string, Set<Locale>>();
  for (const file of pages) {
    const path = pagePath(file);
    const kind = pageKind(path);
    kinds.set(kind, (kinds.get(kind) ?? new Set()).add(splitLocale(path).locale));
  }
  const missing = [...kinds].flatMap(([kind, locales]) =>
    LOCALE_IDS.filter((l) => !locales.has(l)).map((l) => `${kind === 'the 404 page' ? NOT_FOUND_PAGE[l] : localePath(l, kind)} (from ${kind})`),
  );
  expect(missing).toEqual([]);
  expect(kinds.get('the 404 page')).toEqual(new Set(LOCALE_IDS));
});

test('every internal link and fragment resolves, and every external link is a well-formed https URL', () => {
  const broken: string[] = [];
  for (const [file, els] of parsed) {
    const here = pagePath(file);
    for (const el of els) {
      const target = attr(el, 'href') ?? (el.tagName === 'script' || el.tagName === 'img' ? attr(el, 'src') : undefined);
      if (target === undefined || el.tagName === 'base') continue;
      const where = `${here} <${el.tagName} ${attr(el, 'href') !== undefined ? 'href' : 'src'}="${target}">`;
      if (/^mailto:[^@\s]+@[^@\s]+$/.test(target)) continue;
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
        let url: URL | undefined;
        try {
          url = new URL(target);
        } catch {
          /* reported below */
        }
        if (!url || url.protocol !== 'https:' || !url.hostname.includes('.')) broken.push(`${where}: not a well-formed https URL`);
        continue;
      }
      const resolved = new URL(target, `https://site.invalid${here}`);
      const targetFile = fileFor(decodeURIComponent(resolved.pathname));
      if (!targetFile) {
        broken.push(`${where}: no file for ${resolved.pathname}`);
        continue;
      }
      const fragment = decodeURIComponent(resolved.hash.slice(1));
      if (fragment && targetFile.endsWith('.html') && !ids.get(targetFile)?.has(fragment)) broken.push(`${where}: no element with id "${fragment}" in ${pagePath(targetFile)}`);
    }
  }
  expect(broken).toEqual([]);
});

test('every built page is valid HTML', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:standard'],
    rules: {
      // Astro writes void elements as <meta ... /> ; both forms are valid HTML.
      'void-style': 'off',
    },
  });
  const problems: string[] = [];
  for (const file of pages) {
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    for (const result of report.results) for (const m of result.messages) problems.push(`${pagePath(file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  expect(problems).toEqual([]);
});
