/**
 * Each proposal's rendered, sanitised body HTML, kept in a file named by its entry's digest (the
 * digest of its text and of the rule set, which covers the renderer: reading-cache.ts) instead of
 * in Astro's data store. The loader writes the file when it renders a body; the proposal's page
 * reads it back.
 *
 * Why not the store: Astro serialises its whole data store after every change and loads it back as
 * one module, so in `astro dev` a save paid for every body of the catalogue (at 1,000 proposals the
 * bodies were 16 of the store's 22 MB, and a save took 2.8–3.4 s to be served; without them, 1.2 s).
 * The build loads the store once, and holds it whole in memory, for the same reason.
 *
 * A file is never trusted to be there: the loader renders a body again when its file is missing,
 * even if the store kept the entry, and a page whose file is missing fails the build naming it.
 * Files are written whole (a temporary file, then a rename), so a stopped build leaves none half
 * written. The loader's first sync of a process removes the files no entry names; later syncs of a
 * dev session leave the old versions, which a page being served at that moment may still read.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LOCALE, type Localized } from '../lib/i18n/locales.ts';

/** The folder under Astro's cache folder (`cacheDir`, node_modules/.astro/ by default). */
const FOLDER = 'proposal-bodies';
/** An entry digest (reading-cache.ts readingDigest): the only names this folder holds. */
const DIGEST = /^[0-9a-f]{32}$/;
const EXTENSION = '.html';

export function renderedBodiesFolder(cacheDir: URL): string {
  return join(fileURLToPath(cacheDir), FOLDER);
}

function bodyFile(folder: string, digest: string): string {
  // Digests are made by reading-cache.ts, never taken from a file; checked so a path can only be one of ours.
  if (!DIGEST.test(digest)) throw new Error(`Not an entry digest: "${digest}".`);
  return join(folder, `${digest}${EXTENSION}`);
}

export function hasRenderedBody(folder: string, digest: string): boolean {
  return existsSync(bodyFile(folder, digest));
}

/** Writes a body's HTML under its digest, whole or not at all. */
export function keepRenderedBody(folder: string, digest: string, html: string): void {
  mkdirSync(folder, { recursive: true });
  const file = bodyFile(folder, digest);
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, html);
  renameSync(partial, file);
}

/** The HTML of a body the loader rendered; `sourceFile` names the proposal if it is missing. */
export function readRenderedBody(folder: string, digest: string, sourceFile: string): string {
  try {
    return readFileSync(bodyFile(folder, digest), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const missing: Localized = {
      zh: `渲染后的正文不在 ${folder} 中（摘要 ${digest}）；请重新构建`,
      en: `its rendered body is missing from ${folder} (digest ${digest}); build again`,
    };
    throw new Error(`${sourceFile}: ${missing[DEFAULT_LOCALE]}.`);
  }
}

/** Removes every body file whose digest is not in `keep`, and any temporary file left by a stopped build. */
export function pruneRenderedBodies(folder: string, keep: ReadonlySet<string>): number {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (name.endsWith(EXTENSION) && keep.has(name.slice(0, -EXTENSION.length))) continue;
    rmSync(join(folder, name), { force: true });
    removed++;
  }
  return removed;
}
