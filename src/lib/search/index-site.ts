/**
 * Builds the Pagefind search index of a built site into its `pagefind/` folder. `npm run build`
 * runs it (scripts/index-search.ts) once `astro build` has finished and exited, rather than in an
 * integration hook inside Astro's process: by then Astro's memory has been given back, so indexing
 * never adds to the build's peak (at 10,000 proposals, hundreds of megabytes).
 * Which pages are indexed is decided by the pages themselves (`data-pagefind-body`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

/**
 * The language of the one search index, forced for every page. Pagefind otherwise builds one
 * index per `<html lang>` (a Chinese proposal page is `zh-CN`, the rest `en`) and searches only the
 * index of the page the reader is on, so one box could not find both languages. We force Chinese:
 * its segmenter is what makes 清理 match inside 日志清理 (with an English index, 清理 found 1 of the 4
 * proposals that contain it). English words are still split on spaces and punctuation, so English
 * queries work too, but without stemming: "batches" finds pages that say "batches", not those that
 * only say "batch".
 */
export const SEARCH_LANGUAGE = 'zh';

/**
 * The files Pagefind reads: the default language's pages that can carry `data-pagefind-body`, the
 * proposals (src/pages/[...locale]/proposals/[id].astro) and the templates (template/[...lang].astro).
 * The other languages' folders hold the same pages in another interface language, none of them
 * indexed; read anyway, they doubled Pagefind's time and memory (at 10,000 proposals, a 7.8 GB peak
 * where the build's own is 5.3 GB). The lists are not read either: each holds every proposal (at
 * 1,000 proposals /proposals/ and /proposals/table/ are 1.4 and 1.8 MB of HTML), and Pagefind would
 * parse them only to skip them. `proposals/*` also matches the three lists that live beside the
 * proposals (RESERVED_IDS); tests/e2e/built-site.spec.ts checks that every page marked for the
 * index is among these.
 */
export const SEARCHABLE_PAGES = ['proposals/*/index.html', 'template/index.html', 'template/*/index.html'] as const;
export const SEARCHABLE_GLOB = `{${SEARCHABLE_PAGES.join(',')}}`;

/** Whether a file of the built site (a path relative to it, with `/`) is one Pagefind reads. */
export function isSearchablePage(path: string): boolean {
  return SEARCHABLE_PAGES.some((pattern) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]+')}$`).test(path));
}

export interface IndexReport {
  /** Pages indexed: the proposals. */
  indexed: number;
  /** Pages read: those that can be indexed (SEARCHABLE_PAGES). */
  pages: number;
  ms: number;
}

/** Indexes `site` (a built dist/ folder) into `site/pagefind/`; any Pagefind error is thrown. */
export async function indexSite(site: string): Promise<IndexReport> {
  const started = performance.now();
  try {
    // One index for both languages: see SEARCH_LANGUAGE for why.
    const { index, errors: createErrors } = await createIndex({ forceLanguage: SEARCH_LANGUAGE });
    if (!index) throw new Error(createErrors.join('\n'));
    const { page_count, errors: addErrors } = await index.addDirectory({ path: site, glob: SEARCHABLE_GLOB });
    if (addErrors.length > 0) throw new Error(addErrors.join('\n'));
    const { errors: writeErrors } = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (writeErrors.length > 0) throw new Error(writeErrors.join('\n'));
    // Only pages marked data-pagefind-body (the proposals) are indexed; the rest are read and skipped.
    const entry = JSON.parse(await readFile(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    if (indexed === 0) throw new Error('No page was indexed: is data-pagefind-body still on the proposal pages?');
    return { indexed, pages: page_count, ms: Math.round(performance.now() - started) };
  } finally {
    await close();
  }
}
