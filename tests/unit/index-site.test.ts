import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALE_IDS } from '../../src/lib/i18n/locales.ts';
import { RESERVED_IDS } from '../../src/lib/proposal-files.ts';
import { isSearchablePage, SEARCHABLE_GLOB } from '../../src/lib/search/index-site.ts';

describe('the files Pagefind reads', () => {
  const others = LOCALE_IDS.filter((locale) => locale !== DEFAULT_LOCALE);

  it('are the default language’s proposals and templates, as one glob', () => {
    expect(SEARCHABLE_GLOB).toBe('{proposals/*/index.html,template/index.html,template/*/index.html}');
    for (const page of ['proposals/2026-03-02-cleaner-buffer-reuse/index.html', 'proposals/a/index.html', 'template/index.html', 'template/en/index.html']) expect(isSearchablePage(page), page).toBe(true);
  });

  it('are not the lists, the other pages, the other languages’ folders, nor Pagefind’s own output', () => {
    expect(others.length).toBeGreaterThan(0);
    const lists = ['index.html', 'proposals/index.html', 'proposals/dod/met/index.html', 'components/compaction/index.html', 'status/draft/index.html', 'rules/index.html', '404.html'];
    for (const page of [...lists, ...others.map((l) => `${l}/proposals/a/index.html`), ...others.map((l) => `${l}/template/index.html`), 'pagefind/pagefind.js', '_astro/page.js', 'proposals/a/b/index.html'])
      expect(isSearchablePage(page), page).toBe(false);
    // The lists beside the proposals (/proposals/table/) are read and skipped: they are not marked.
    for (const id of RESERVED_IDS.filter((id) => id !== 'dod')) expect(isSearchablePage(`proposals/${id}/index.html`)).toBe(true);
  });
});
