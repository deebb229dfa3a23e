import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALE_IDS } from '../../src/lib/i18n/locales.ts';
import { defaultLanguageGlob } from '../../src/lib/search/index-site.ts';

describe('the files Pagefind reads', () => {
  const site = mkdtempSync(join(tmpdir(), 'index-site-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  const others = LOCALE_IDS.filter((locale) => locale !== DEFAULT_LOCALE);
  for (const file of ['index.html', '404.html', 'template.zh.md', 'proposals/a/index.html', 'template/en/index.html', '_astro/page.js', 'pagefind/pagefind.js', ...others.map((l) => `${l}/proposals/a/index.html`)]) {
    mkdirSync(dirname(join(site, file)), { recursive: true });
    writeFileSync(join(site, file), '');
  }

  it('are the default language’s pages: not the other languages’ folders, nor Pagefind’s own output', () => {
    expect(others.length).toBeGreaterThan(0);
    expect(defaultLanguageGlob(site)).toBe('{404.html,_astro/**/*.html,index.html,proposals/**/*.html,template/**/*.html}');
  });
});
