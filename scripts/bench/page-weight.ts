/**
 * What a built site weighs: folder sizes, and what a first visit to one page downloads (its HTML,
 * the stylesheets it links and the JavaScript it runs before anything is clicked), gzip-compressed
 * as a server would send it. Code imported only on demand (`import()`) and the search code
 * (anything from /pagefind/) are left out: the targets are for a page before search is opened.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Count and total size of the `index.html` files directly below `folder/<id>/`. */
export function pagesIn(folder: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    try {
      bytes += statSync(join(folder, entry.name, 'index.html')).size;
      count += 1;
    } catch {
      // A folder without a page of its own.
    }
  }
  return { count, bytes };
}

export interface PageWeight {
  url: string;
  /** Uncompressed HTML, for scale. */
  htmlRawBytes: number;
  htmlGzipBytes: number;
  cssGzipBytes: number;
  /** External JavaScript loaded up front, plus inline scripts. */
  jsGzipBytes: number;
  /** HTML + CSS + external JavaScript (inline scripts are already in the HTML). */
  totalGzipBytes: number;
  files: { url: string; kind: 'css' | 'js'; rawBytes: number; gzipBytes: number }[];
  /** Files left out because they are search code. */
  excluded: string[];
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const isSearchCode = (url: string) => /pagefind/i.test(url);

/** Static imports of an ES module (`import x from "…"`, `import "…"`, `export … from "…"`), not `import()`. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[\s;}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/**
 * @param dist the built site
 * @param pagePath the page's URL path, such as `/proposals/<id>/`
 */
export function measurePageWeight(dist: string, pagePath: string): PageWeight {
  const html = readFileSync(join(dist, pagePath, 'index.html'), 'utf8');
  const files: PageWeight['files'] = [];
  const excluded: string[] = [];
  const seen = new Set<string>();
  const read = (url: string) => readFileSync(join(dist, decodeURI(url.split(/[?#]/)[0]!)));

  const add = (url: string, kind: 'css' | 'js') => {
    if (seen.has(url)) return;
    seen.add(url);
    if (isSearchCode(url)) {
      excluded.push(url);
      return;
    }
    const content = read(url);
    files.push({ url, kind, rawBytes: content.length, gzipBytes: gz(content) });
    if (kind === 'js') {
      for (const specifier of staticImports(content.toString('utf8'))) {
        if (/^(\.{1,2})?\//.test(specifier)) add(posix.resolve(posix.dirname(url), specifier), 'js');
      }
    }
  };

  const attr = (tag: string, name: string) => new RegExp(`\\s${name}=["']?([^"'\\s>]+)`, 'i').exec(tag)?.[1];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel')?.toLowerCase();
    const href = attr(tag, 'href');
    if (!href || !href.startsWith('/')) continue;
    if (rel === 'stylesheet') add(href, 'css');
    else if (rel === 'modulepreload') add(href, 'js');
  }
  let inlineJs = '';
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = match[1] ?? '';
    const type = attr(attrs, 'type');
    if (type && !/module|javascript/i.test(type)) continue; // JSON-LD and other data
    const src = attr(attrs, 'src');
    if (src) {
      if (src.startsWith('/')) add(src, 'js');
      continue;
    }
    const code = match[2] ?? '';
    inlineJs += code;
    for (const specifier of staticImports(code)) if (specifier.startsWith('/')) add(specifier, 'js');
  }

  const htmlGzipBytes = gz(html);
  const cssGzipBytes = files.filter((f) => f.kind === 'css').reduce((sum, f) => sum + f.gzipBytes, 0);
  const externalJs = files.filter((f) => f.kind === 'js').reduce((sum, f) => sum + f.gzipBytes, 0);
  return {
    url: pagePath,
    htmlRawBytes: Buffer.byteLength(html),
    htmlGzipBytes,
    cssGzipBytes,
    jsGzipBytes: externalJs + (inlineJs.trim() ? gz(inlineJs) : 0),
    totalGzipBytes: htmlGzipBytes + cssGzipBytes + externalJs,
    files,
    excluded,
  };
}
