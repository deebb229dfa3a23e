/**
 * A stand-in for the context Astro gives a content loader: a store that keeps entries between
 * syncs as Astro's does between builds, and a renderer that counts its calls. The loader's own
 * logic (what it reads, renders, keeps and refuses) is what the tests look at; the body renderer
 * has its own tests (body-renderer.test.ts), as has the sanitiser in it (sanitize.test.ts).
 */
import { pathToFileURL } from 'node:url';
import type { SyncContext } from '../../src/loaders/proposals.ts';

export interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string | number;
  rendered?: { html: string; metadata?: { headings?: unknown[] } };
}

export function loaderContext(root: string) {
  const entries = new Map<string, StoredEntry>();
  const rendered: string[] = [];
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: StoredEntry) => (entries.set(entry.id, entry), true),
    has: (id: string) => entries.has(id),
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
  };
  const context = {
    store,
    // Astro's cacheDir, where the loader keeps rendered bodies (src/markdown/rendered-bodies.ts).
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/node_modules/.astro/`) },
    renderBody: async (markdown: string) => {
      rendered.push(markdown);
      return { html: `<p>${markdown.length}</p>`, metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], imagePaths: [], frontmatter: {} } };
    },
  };
  return { context: context as unknown as SyncContext, entries, rendered };
}
