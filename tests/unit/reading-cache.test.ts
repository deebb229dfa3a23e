/**
 * Issue #10: each proposal is analysed once per version of its text and of the rule set.
 *
 * These tests prove that the collection loader (syncProposals), the folder reader and
 * `npm run check` read a file again exactly when its text or the rules changed, and never
 * otherwise; that a reading served from the collection's store, the reading cache or a worker
 * thread is the same as one made afresh, errors included; and that a broken cache only costs time.
 *
 * Every test gets its own PROPOSAL_CACHE_DIR (set in beforeEach, and read by readingCachePath at
 * call time), so no test sees readings another test, or another test file, left behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCALE_IDS } from '../../src/lib/i18n/locales.ts';
import { formatFinding } from '../../src/lib/reader/findings.ts';
import { readProposalFolder, readProposalFolderInParallel, type ProposalFolder } from '../../src/lib/reader/read-folder.ts';
import { MIN_FILES_FOR_WORKERS } from '../../src/lib/reader/read-in-workers.ts';
import { keepReadings, openReadingCache, readingCachePath, readingDigest, ruleSetVersion, SETTLED_AFTER_MS, type ReadingCache } from '../../src/lib/reader/reading-cache.ts';
import { ProposalCatalogueError, syncProposals, type SyncState } from '../../src/loaders/proposals.ts';
import { readRenderedBody, renderedBodiesFolder } from '../../src/markdown/rendered-bodies.ts';
import { loaderContext, type StoredEntry } from '../helpers/loader-context.ts';
import { frontmatterWith, proposalSource, VALID_BODY } from '../helpers/proposal-source.ts';

/** Counts the worker threads the folder reader starts, so a test can tell they were used. */
const workers = vi.hoisted(() => ({ started: 0 }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class CountedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      workers.started++;
    }
  }
  return { ...actual, Worker: CountedWorker };
});

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** A full proposal from the catalogue, for realistic readings. */
const SAMPLE = 'src/content/proposals/2026-11-03-zstd-dictionary-small-batches.md';
const scratch = mkdtempSync(join(tmpdir(), 'kbp-reading-cache-'));
const originalCacheDir = process.env.PROPOSAL_CACHE_DIR;
let cacheDirNumber = 0;

beforeEach(() => {
  process.env.PROPOSAL_CACHE_DIR = join(scratch, `cache-${++cacheDirNumber}`);
});
afterAll(() => {
  process.env.PROPOSAL_CACHE_DIR = originalCacheDir;
  rmSync(scratch, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Scratch projects
// ---------------------------------------------------------------------------------------------

interface Project {
  root: string;
  /** The proposals folder, `<root>/proposals`. */
  folder: string;
  write(name: string, text: string): void;
  remove(name: string): void;
  /** The path a file is reported under (relative to the root). */
  file(name: string): string;
}

let projectNumber = 0;
/** A project root with a proposals folder holding these files (name → text). */
function project(files: Record<string, string>): Project {
  const root = join(scratch, `project-${++projectNumber}`);
  const folder = join(root, 'proposals');
  mkdirSync(folder, { recursive: true });
  const p: Project = {
    root,
    folder,
    write: (name, text) => {
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), text);
    },
    remove: (name) => rmSync(join(folder, name)),
    file: (name) => join('proposals', name),
  };
  for (const [name, text] of Object.entries(files)) p.write(name, text);
  return p;
}

const A = '2026-01-01-alpha.md';
const B = '2026-01-02-beta.md';
const C = '2026-01-03-gamma.mdx';

/** Three valid proposals, one of them MDX, each with its own title. */
function threeProposals(): Record<string, string> {
  return {
    [A]: proposalSource({ title: 'Alpha: reuse the decompression buffer' }),
    [B]: proposalSource({ title: 'Beta: batch the fetch sessions' }, `${VALID_BODY}\nA second paragraph about the **fetch** path.\n`),
    [C]: proposalSource({ title: 'Gamma: an MDX proposal' }, `${VALID_BODY}\n<details>\n<summary>More</summary>\n\nHidden text.\n\n</details>\n\nPlain text after it.\n`),
  };
}

/** A folder with every kind of finding: frontmatter, schema, content policy, across files, a stray file. */
function folderWithErrors(): Record<string, string> {
  return {
    ...threeProposals(),
    '2026-02-01-bad-yaml.md': frontmatterWith('title: Again'),
    '2026-02-02-bad-enum.md': proposalSource({ component: 'compresion' }),
    '2026-02-03-dangling.md': proposalSource({ status: 'Superseded', supersededBy: 'no-such-proposal' }),
    '2026-02-04-script.md': proposalSource({}, `${VALID_BODY}\n<script>alert(1)</script>\n`),
    'Bad Name.md': proposalSource(),
    'notes.txt': 'not a proposal',
  };
}

/** The title stored with an entry: its record's validated frontmatter. */
const titleOf = (entry: StoredEntry | undefined) => (entry?.data as { data?: { title?: string } } | undefined)?.data?.title;

/** Syncs and returns what was read and rendered, by file name (not path), sorted. */
async function sync(ctx: ReturnType<typeof loaderContext>) {
  const result = await syncProposals(ctx.context, './proposals');
  const base = (files: string[]) => files.map((f) => f.split('/').pop()!).sort();
  return { read: base(result.read), rendered: base(result.rendered) };
}

/**
 * The folder read with the cache kept for it, and the fresh readings saved to it, as check does.
 * `trusted` collects the files whose digest came from their stamp, unread.
 */
function readWithCache(p: Project, trusted: string[] = []): ProposalFolder {
  const opened = openReadingCache(p.root, p.folder);
  const cache: ReadingCache = {
    ...opened,
    digestByStamp(file, stamp) {
      const digest = opened.digestByStamp(file, stamp);
      if (digest !== undefined) trusted.push(file);
      return digest;
    },
  };
  const folder = readProposalFolder(p.folder, p.root, { cache });
  expect(keepReadings(opened, folder)).toBeUndefined();
  return folder;
}

// ---------------------------------------------------------------------------------------------
// The build's loader
// ---------------------------------------------------------------------------------------------

describe('the collection loader reads and renders a file once per version', () => {
  it('reads and renders every file on the first sync, and nothing on a second sync with nothing changed', async () => {
    const p = project(threeProposals());
    const ctx = loaderContext(p.root);

    expect(await sync(ctx)).toEqual({ read: [A, B, C], rendered: [A, B, C] });
    expect(ctx.rendered).toHaveLength(3);
    const before = new Map(ctx.entries);
    const dataBefore = structuredClone([...ctx.entries.values()].map((e) => e.data));
    // Each entry carries the digest of this text under this rule set.
    const version = ruleSetVersion(p.root);
    expect(ctx.entries.get('2026-01-01-alpha')!.digest).toBe(readingDigest(version, A, threeProposals()[A]!));

    expect(await sync(ctx)).toEqual({ read: [], rendered: [] });
    expect(ctx.rendered).toHaveLength(3);
    expect([...ctx.entries.keys()].sort()).toEqual(['2026-01-01-alpha', '2026-01-02-beta', '2026-01-03-gamma']);
    for (const [id, entry] of ctx.entries) expect(entry, id).toBe(before.get(id));
    expect([...ctx.entries.values()].map((e) => e.data)).toEqual(dataBefore);
  });

  it('reads and renders again only the file whose text changed, and stores its new content', async () => {
    const p = project(threeProposals());
    const ctx = loaderContext(p.root);
    await sync(ctx);
    const before = new Map(ctx.entries);

    const changed = proposalSource({ title: 'Beta: a better title' }, `${VALID_BODY}\nA new paragraph, added later.\n`);
    p.write(B, changed);
    expect(await sync(ctx)).toEqual({ read: [B], rendered: [B] });
    expect(ctx.rendered).toHaveLength(4);
    expect(ctx.rendered.at(-1)).toContain('A new paragraph, added later.');

    const beta = ctx.entries.get('2026-01-02-beta')!;
    expect(titleOf(beta)).toBe('Beta: a better title');
    expect(beta.digest).toBe(readingDigest(ruleSetVersion(p.root), B, changed));
    expect(beta.digest).not.toBe(before.get('2026-01-02-beta')!.digest);
    expect(ctx.entries.get('2026-01-01-alpha')).toBe(before.get('2026-01-01-alpha'));
    expect(ctx.entries.get('2026-01-03-gamma')).toBe(before.get('2026-01-03-gamma'));

    // Writing the same text back is a change like any other; writing it twice is not.
    p.write(B, changed);
    expect(await sync(ctx)).toEqual({ read: [], rendered: [] });
  });

  it('reads and renders every file again when a source file of the rules changes', async () => {
    const p = project(threeProposals());
    const rule = join(p.root, 'src/lib/completeness/rules/x.ts');
    mkdirSync(dirname(rule), { recursive: true });
    writeFileSync(rule, 'export const x = 1;\n');

    const version = ruleSetVersion(p.root);
    expect(ruleSetVersion(p.root), 'the same files give the same version').toBe(version);

    const ctx = loaderContext(p.root);
    expect(await sync(ctx)).toEqual({ read: [A, B, C], rendered: [A, B, C] });
    expect(await sync(ctx)).toEqual({ read: [], rendered: [] });
    expect(ruleSetVersion(p.root)).toBe(version);

    writeFileSync(rule, 'export const x = 2;\n');
    const changed = ruleSetVersion(p.root);
    expect(changed).not.toBe(version);
    expect(await sync(ctx)).toEqual({ read: [A, B, C], rendered: [A, B, C] });
    for (const [name, text] of Object.entries(threeProposals())) {
      expect(ctx.entries.get(name.replace(/\.mdx?$/, ''))!.digest).toBe(readingDigest(changed, name, text));
    }
    expect(await sync(ctx)).toEqual({ read: [], rendered: [] });
  });

  it('gives a new rule set version for any change to what a reading depends on, and for nothing else', () => {
    const p = project(threeProposals());
    const versions = new Set<string>();
    const expectNew = (what: string) => {
      const v = ruleSetVersion(p.root);
      expect(versions.has(v), what).toBe(false);
      versions.add(v);
    };
    expectNew('empty project');
    writeFileSync(join(p.root, 'package.json'), '{"devDependencies":{"yaml":"2.9.1"}}');
    expectNew('package.json added');
    writeFileSync(join(p.root, 'package.json'), '{"devDependencies":{"yaml":"2.9.2"}}');
    expectNew('a dependency version changed');
    writeFileSync(join(p.root, 'package-lock.json'), '{"packages":{"node_modules/micromark":{"version":"4.0.2"}}}');
    expectNew('a lockfile added');
    writeFileSync(join(p.root, 'package-lock.json'), '{"packages":{"node_modules/micromark":{"version":"4.0.3"}}}');
    expectNew('a transitive parser upgraded in the lockfile');
    mkdirSync(join(p.root, 'src/markdown'), { recursive: true });
    writeFileSync(join(p.root, 'src/markdown/plugin.ts'), 'export {};');
    expectNew('a Markdown setting added');
    mkdirSync(join(p.root, 'src/loaders'), { recursive: true });
    writeFileSync(join(p.root, 'src/loaders/renamed.ts'), 'export {};');
    expectNew('a loader file added');
    // Same content under another name is another rule set.
    rmSync(join(p.root, 'src/loaders/renamed.ts'));
    writeFileSync(join(p.root, 'src/loaders/other.ts'), 'export {};');
    expectNew('a file renamed');

    const settled = ruleSetVersion(p.root);
    // Not an input: proposals, pages, tests.
    p.write('2026-05-05-new.md', proposalSource());
    mkdirSync(join(p.root, 'src/pages'), { recursive: true });
    writeFileSync(join(p.root, 'src/pages/index.astro'), '<p>hi</p>');
    writeFileSync(join(p.root, 'README.md'), 'readme');
    expect(ruleSetVersion(p.root)).toBe(settled);
  });

  it('fills a new, empty store from the reading cache: nothing read, everything rendered', async () => {
    const p = project(threeProposals());
    const first = loaderContext(p.root);
    await sync(first);
    expect(existsSync(readingCachePath(p.root, p.folder))).toBe(true);

    const second = loaderContext(p.root);
    expect(await sync(second)).toEqual({ read: [], rendered: [A, B, C] });
    expect(second.rendered.sort()).toEqual([...first.rendered].sort());
    for (const [id, entry] of first.entries) {
      const other = second.entries.get(id)!;
      expect(other.data, id).toEqual(entry.data);
      expect(other.digest, id).toBe(entry.digest);
      expect(other.rendered, id).toEqual(entry.rendered);
    }

    // Without the reading cache, the same new store reads everything again.
    rmSync(readingCachePath(p.root, p.folder));
    expect(await sync(loaderContext(p.root))).toEqual({ read: [A, B, C], rendered: [A, B, C] });
  });
});

describe('rendered bodies are kept beside the store, by digest', () => {
  /** The folder under the cacheDir the stand-in context gives the loader. */
  const folderOf = (ctx: ReturnType<typeof loaderContext>) => renderedBodiesFolder(ctx.context.config.cacheDir);
  const bodyOf = (ctx: ReturnType<typeof loaderContext>, entry: StoredEntry) => readRenderedBody(folderOf(ctx), String(entry.digest), entry.filePath!);

  it('writes each body under its digest and keeps no HTML in the store, only the headings', async () => {
    const p = project(threeProposals());
    const ctx = loaderContext(p.root);
    await sync(ctx);
    expect(readdirSync(folderOf(ctx)).sort()).toEqual([...ctx.entries.values()].map((e) => `${e.digest}.html`).sort());
    for (const [id, entry] of ctx.entries) {
      expect(entry.rendered?.html, id).toBe('');
      expect(entry.rendered?.metadata?.headings, id).toEqual([]);
      // The stand-in renderer writes the length of the Markdown it was given.
      expect(bodyOf(ctx, entry), id).toMatch(/^<p>\d+<\/p>$/);
    }
  });

  it('renders a body again when its file is gone, though the store kept its entry', async () => {
    const p = project(threeProposals());
    const ctx = loaderContext(p.root);
    await sync(ctx);
    const beta = ctx.entries.get('2026-01-02-beta')!;
    rmSync(join(folderOf(ctx), `${beta.digest}.html`));
    expect(() => bodyOf(ctx, beta)).toThrow(new RegExp(`^proposals/2026-01-02-beta\\.md: .*${beta.digest}`));
    expect(await sync(ctx)).toEqual({ read: [], rendered: [B] });
    expect(bodyOf(ctx, ctx.entries.get('2026-01-02-beta')!)).toBe(bodyOf(ctx, beta));
  });

  it('removes the files no entry names on the first sync of a process, and keeps old versions during a dev session', async () => {
    const p = project(threeProposals());
    const ctx = loaderContext(p.root);
    const state: SyncState = {};
    await syncProposals(ctx.context, './proposals', state);
    const before = ctx.entries.get('2026-01-02-beta')!;
    mkdirSync(folderOf(ctx), { recursive: true });
    writeFileSync(join(folderOf(ctx), `${'f'.repeat(32)}.html`), '<p>a body no entry names</p>');
    writeFileSync(join(folderOf(ctx), `${'e'.repeat(32)}.html.123.tmp`), '<p>half written</p>');

    // A save in dev: the new version is written, the old one stays for a page being served.
    p.write(B, proposalSource({ title: 'Beta: saved again' }, `${VALID_BODY}\nA paragraph saved in dev.\n`));
    await syncProposals(ctx.context, './proposals', state);
    const after = ctx.entries.get('2026-01-02-beta')!;
    expect(after.digest).not.toBe(before.digest);
    expect(existsSync(join(folderOf(ctx), `${before.digest}.html`))).toBe(true);
    expect(existsSync(join(folderOf(ctx), `${'f'.repeat(32)}.html`))).toBe(true);

    // The next build (a new process) keeps exactly the bodies its entries name.
    await syncProposals(ctx.context, './proposals', {});
    expect(readdirSync(folderOf(ctx)).sort()).toEqual([...ctx.entries.values()].map((e) => `${e.digest}.html`).sort());
  });

  it('reads only names that are digests', () => {
    expect(() => readRenderedBody('/tmp', '../../etc/passwd', 'x.md')).toThrow(/Not an entry digest/);
  });
});

describe('the collection loader keeps the store in line with the folder', () => {
  it('removes the entry of a deleted file, and drops its reading from the cache', async () => {
    const p = project(threeProposals());
    const ctx = loaderContext(p.root);
    await sync(ctx);
    const alpha = ctx.entries.get('2026-01-01-alpha');

    p.remove(B);
    expect(await sync(ctx)).toEqual({ read: [], rendered: [] });
    expect([...ctx.entries.keys()].sort()).toEqual(['2026-01-01-alpha', '2026-01-03-gamma']);
    expect(ctx.entries.get('2026-01-01-alpha')).toBe(alpha);

    const kept = JSON.parse(readFileSync(readingCachePath(p.root, p.folder), 'utf8')) as { readings: Record<string, unknown> };
    expect(Object.keys(kept.readings).sort()).toEqual([p.file(A), p.file(C)]);
  });

  it('refuses a file with an error and changes nothing in the store; once it is fixed, adds it', async () => {
    const p = project(threeProposals());
    const ctx = loaderContext(p.root);
    await sync(ctx);
    const before = new Map(ctx.entries);

    // A broken new file, and in the same sync a valid change to another file.
    const bad = '2026-01-04-delta.md';
    p.write(bad, frontmatterWith('title: Again', { title: 'Delta' }));
    p.write(A, proposalSource({ title: 'Alpha: changed while delta was broken' }));
    const error = await syncProposals(ctx.context, './proposals').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProposalCatalogueError);
    expect((error as Error).message).toContain(`${p.file(bad)}:`);
    // The YAML finding's id, whatever the language the build prints in.
    expect((error as Error).message).toMatch(/\.md:\d+ frontmatter /);
    expect(ctx.entries).toEqual(before);
    for (const [id, entry] of ctx.entries) expect(entry, id).toBe(before.get(id));

    // The same error again, now from the reading cache: still refused, still nothing changed.
    await expect(syncProposals(ctx.context, './proposals')).rejects.toThrow((error as Error).message);
    expect(ctx.entries).toEqual(before);

    // Fixed: only the fixed file is read (alpha's new text was read, and kept, by the refused sync),
    // and both are rendered.
    p.write(bad, proposalSource({ title: 'Delta' }));
    expect(await sync(ctx)).toEqual({ read: [bad], rendered: [A, bad] });
    expect(titleOf(ctx.entries.get('2026-01-04-delta'))).toBe('Delta');
    expect(titleOf(ctx.entries.get('2026-01-01-alpha'))).toBe('Alpha: changed while delta was broken');
    expect(ctx.entries.size).toBe(4);
  });

  it('applies the rules across files afresh on every sync, to kept readings too', async () => {
    const p = project({ ...threeProposals(), '2026-01-04-old.md': proposalSource({ status: 'Superseded', supersededBy: '2026-01-01-alpha' }) });
    const ctx = loaderContext(p.root);
    await sync(ctx);

    // The superseding proposal goes; the superseded one is unchanged, so its reading is kept, but
    // its reference no longer resolves.
    p.remove(A);
    // The build speaks the default language, Chinese.
    await expect(syncProposals(ctx.context, './proposals')).rejects.toThrow(/2026-01-04-old\.md:\d+ frontmatter\.supersededBy 实际为 "2026-01-01-alpha"；应为已有提案的 id/);
    expect(ctx.entries.size).toBe(4);

    p.write(A, threeProposals()[A]!);
    expect(await sync(ctx)).toEqual({ read: [], rendered: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// The folder reader
// ---------------------------------------------------------------------------------------------

describe('a kept reading is the reading itself', () => {
  it('gives the same proposals and findings from the cache as read afresh, errors included', () => {
    const p = project(folderWithErrors());
    const uncached = readProposalFolder(p.folder, p.root);
    expect(uncached.findings.length).toBeGreaterThanOrEqual(6);

    const cold = readWithCache(p);
    expect(cold.fresh).toHaveLength(cold.proposals.length);
    const warm = readWithCache(p);
    expect(warm.fresh, 'every reading came from the cache').toEqual([]);

    expect(cold.proposals).toEqual(uncached.proposals);
    expect(cold.findings).toEqual(uncached.findings);
    expect(warm.proposals).toEqual(cold.proposals);
    expect(warm.findings).toEqual(cold.findings);
    for (const locale of LOCALE_IDS) expect(warm.findings.map((f) => formatFinding(f, locale))).toEqual(uncached.findings.map((f) => formatFinding(f, locale)));
    expect(warm.digests).toEqual(cold.digests);
  });

  it('reads again only the changed file, and reports its new errors', () => {
    const p = project(folderWithErrors());
    readWithCache(p);
    p.write(B, proposalSource({ component: 'gc' }));
    const warm = readWithCache(p);
    expect(warm.fresh.map((r) => r.file)).toEqual([p.file(B)]);
    expect(warm.proposals).toEqual(readProposalFolder(p.folder, p.root).proposals);
    expect(warm.findings).toEqual(readProposalFolder(p.folder, p.root).findings);
    expect(warm.findings.some((f) => f.file === p.file(B) && f.id === 'frontmatter.component')).toBe(true);
  });

  it('keeps each completeness message once in the file, and gives every reading its own back', () => {
    const p = project(threeProposals());
    const cold = readWithCache(p);
    const kept = JSON.parse(readFileSync(readingCachePath(p.root, p.folder), 'utf8')) as { messages: unknown[]; readings: Record<string, { record: { completeness: { checks: { message: unknown }[] } } }> };
    const checks = Object.values(kept.readings).flatMap((r) => r.record.completeness.checks);
    expect(checks.every((c) => typeof c.message === 'number')).toBe(true);
    const different = new Set(cold.proposals.flatMap((r) => r.completeness.checks.map((c) => JSON.stringify(c.message))));
    expect(kept.messages).toHaveLength(different.size);
    expect(different.size).toBeLessThan(checks.length);
    expect(readWithCache(p).proposals).toEqual(cold.proposals);
  });

  it('does not serve a reading kept under another rule set', () => {
    const p = project(threeProposals());
    readWithCache(p);
    mkdirSync(join(p.root, 'src/lib'), { recursive: true });
    writeFileSync(join(p.root, 'src/lib/rule.ts'), 'export {};');
    expect(readWithCache(p).fresh).toHaveLength(3);
  });
});

describe('a file left alone since its reading is not read again', () => {
  /** Runs `read` as if it were `ms` later than now: every file then looks that much older. */
  function later<T>(ms: number, read: () => T): T {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + ms });
    try {
      return read();
    } finally {
      vi.useRealTimers();
    }
  }
  const settled = SETTLED_AFTER_MS + 1000;

  it('takes the digest of an unchanged file from its size, times and inode, and gives the same reading', () => {
    const p = project(folderWithErrors());
    const cold = later(settled, () => readWithCache(p));
    expect([...cold.stamps.keys()].sort()).toEqual([...cold.digests.keys()].sort());
    const trusted: string[] = [];
    const warm = later(settled, () => readWithCache(p, trusted));
    expect(trusted.sort()).toEqual([...cold.digests.keys()].sort());
    expect(warm.fresh).toEqual([]);
    expect(warm.digests).toEqual(cold.digests);
    expect(warm.proposals).toEqual(readProposalFolder(p.folder, p.root).proposals);
    expect(warm.findings).toEqual(readProposalFolder(p.folder, p.root).findings);
  });

  it('reads a file again once it is written, even with a text of the same size', () => {
    const p = project(threeProposals());
    later(settled, () => readWithCache(p));
    const before = readFileSync(join(p.folder, B), 'utf8');
    const after = before.replace('Beta: batch', 'Beta: merge');
    expect(after.length).toBe(before.length);
    p.write(B, after);
    const trusted: string[] = [];
    const warm = later(settled, () => readWithCache(p, trusted));
    expect(trusted.sort()).toEqual([p.file(A), p.file(C)]);
    expect(warm.fresh.map((r) => r.file)).toEqual([p.file(B)]);
    expect(warm.proposals).toEqual(readProposalFolder(p.folder, p.root).proposals);
    expect(warm.proposals.find((r) => r.file === p.file(B))!.data!.title).toBe('Beta: merge the fetch sessions');
  });

  it('keeps no stamp of a file changed just before it was read, and finds it by its text next time', () => {
    const p = project(threeProposals());
    // As if read a millisecond after the last write, however long this machine took to get here.
    const lastChange = Math.max(...[A, B, C].map((name) => statSync(join(p.folder, name)).ctimeMs));
    const cold = later(lastChange + 1 - Date.now(), () => readWithCache(p));
    // Written a moment ago: a write within the same tick of the clock could leave its times as they are.
    expect(cold.stamps.size).toBe(0);
    const kept = JSON.parse(readFileSync(readingCachePath(p.root, p.folder), 'utf8')) as { readings: Record<string, { stamp?: unknown }> };
    expect(Object.values(kept.readings).filter((r) => r.stamp !== undefined)).toEqual([]);
    const trusted: string[] = [];
    const warm = later(lastChange + 2 - Date.now(), () => readWithCache(p, trusted));
    expect(trusted).toEqual([]);
    expect(warm.fresh, 'found by digest, not read again').toEqual([]);
    expect(warm.proposals).toEqual(cold.proposals);
  });

  it('does not trust a stamp kept under another rule set', () => {
    const p = project(threeProposals());
    later(settled, () => readWithCache(p));
    mkdirSync(join(p.root, 'src/lib'), { recursive: true });
    writeFileSync(join(p.root, 'src/lib/rule.ts'), 'export {};');
    const trusted: string[] = [];
    expect(later(settled, () => readWithCache(p, trusted)).fresh).toHaveLength(3);
    expect(trusted).toEqual([]);
  });
});

/** Worker threads and child processes are slow to start on a loaded machine. */
const SLOW = { timeout: 60_000 };

describe('readings on worker threads', SLOW, () => {
  const original = process.env.PROPOSAL_READ_THREADS;
  afterEach(() => {
    if (original === undefined) delete process.env.PROPOSAL_READ_THREADS;
    else process.env.PROPOSAL_READ_THREADS = original;
  });

  it(`gives exactly the inline readings for more than ${MIN_FILES_FOR_WORKERS} files, errors included`, async () => {
    const sample = readFileSync(join(PROJECT_ROOT, SAMPLE), 'utf8');
    const files: Record<string, string> = {};
    for (let i = 0; i < 70; i++) {
      const name = `2026-03-${String(i).padStart(2, '0')}-copy.md`;
      files[name] = sample.replace(/^title: .*$/m, `title: Copy ${i}`).replace('Zstd', `Zstd ${i}`);
    }
    Object.assign(files, {
      '2026-04-01-bad-yaml.md': frontmatterWith('title: Again'),
      '2026-04-02-bad-enum.md': proposalSource({ component: 'compresion' }),
      '2026-04-03-dangling.md': proposalSource({ status: 'Superseded', supersededBy: 'no-such-proposal' }),
      '2026-04-04-script.mdx': proposalSource({}, `${VALID_BODY}\n<script>alert(1)</script>\n`),
      'notes.txt': 'stray',
    });
    const p = project(files);

    process.env.PROPOSAL_READ_THREADS = '3';
    const startedBefore = workers.started;
    const parallel = await readProposalFolderInParallel(p.folder, p.root);
    expect(workers.started - startedBefore, 'the files were read on worker threads').toBe(3);
    const inline = readProposalFolder(p.folder, p.root);

    expect(parallel.proposals).toHaveLength(74);
    expect(parallel.findings.length).toBeGreaterThanOrEqual(4);
    expect(parallel.proposals).toStrictEqual(inline.proposals);
    expect(parallel.findings).toStrictEqual(inline.findings);
    expect(parallel.fresh).toStrictEqual(inline.fresh);
  });

  it('reads only the cold files on workers, and merges them with the kept ones', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`2026-05-${String(i).padStart(2, '0')}-p.md`] = proposalSource({ title: `Proposal ${i}` });
    files['2026-06-01-bad.md'] = proposalSource({ component: 'compresion' });
    const p = project(files);
    process.env.PROPOSAL_READ_THREADS = '2';

    const cache = openReadingCache(p.root, p.folder);
    let startedBefore = workers.started;
    const cold = await readProposalFolderInParallel(p.folder, p.root, { cache });
    expect(workers.started - startedBefore).toBe(2);
    for (const r of cold.fresh) cache.set(r.file, cold.digests.get(r.file)!, r);
    cache.save(cold.digests.keys());

    // Half the files change: 30 cold files, under the threshold, are read inline and merged with 31 kept.
    for (let i = 0; i < 60; i += 2) p.write(`2026-05-${String(i).padStart(2, '0')}-p.md`, proposalSource({ title: `Proposal ${i}, revised` }));
    startedBefore = workers.started;
    const warm = await readProposalFolderInParallel(p.folder, p.root, { cache: openReadingCache(p.root, p.folder) });
    expect(workers.started - startedBefore).toBe(0);
    expect(warm.fresh).toHaveLength(30);
    const inline = readProposalFolder(p.folder, p.root);
    expect(warm.proposals).toEqual(inline.proposals);
    expect(warm.findings).toEqual(inline.findings);
  });
});

// ---------------------------------------------------------------------------------------------
// npm run check
// ---------------------------------------------------------------------------------------------

describe('npm run check keeps its readings between runs', SLOW, () => {
  /** scripts/check.ts as npm runs it, on this Node, with this test's PROPOSAL_CACHE_DIR. */
  function check(...args: string[]) {
    const run = spawnSync(process.execPath, ['scripts/check.ts', ...args], { cwd: PROJECT_ROOT, env: process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }
  type Entry = { id: string | null; file: string; status: unknown; valid: boolean; errors: { rule: string; message: string }[]; completeness: { score: number } | null };
  const parse = (stdout: string) => JSON.parse(stdout) as Entry[];

  it('prints the same report on a cold and a warm run, and the same as without the cache', () => {
    const p = project(folderWithErrors());
    const cachePath = readingCachePath(PROJECT_ROOT, p.folder);
    expect(existsSync(cachePath)).toBe(false);

    const cold = check('--json', '--dir', p.folder);
    expect(cold.stderr).toBe('');
    expect(cold.status).toBe(1);
    expect(existsSync(cachePath), 'the cold run keeps its readings').toBe(true);
    const kept = JSON.parse(readFileSync(cachePath, 'utf8')) as { version: string; readings: Record<string, unknown> };
    expect(kept.version).toBe(ruleSetVersion(PROJECT_ROOT));
    expect(Object.keys(kept.readings)).toHaveLength(8);

    const warm = check('--json', '--dir', p.folder);
    expect(warm).toEqual(cold);
    expect(check('--json', '--no-cache', '--dir', p.folder)).toEqual(cold);
    // The text report too.
    expect(check('--dir', p.folder)).toEqual(check('--no-cache', '--dir', p.folder));

    const report = parse(cold.stdout);
    expect(report).toHaveLength(9);
    // Written in slices, printed as one JSON.stringify(report, null, 2) would print it.
    expect(cold.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(report.filter((e) => e.valid).map((e) => e.id)).toEqual(['2026-01-01-alpha', '2026-01-02-beta', '2026-01-03-gamma']);
  });

  it('serves a warm run from the cache, and reads a changed file again', () => {
    const p = project(folderWithErrors());
    const cold = check('--json', '--dir', p.folder);
    const cachePath = readingCachePath(PROJECT_ROOT, p.folder);
    const alphaFile = Object.keys((JSON.parse(readFileSync(cachePath, 'utf8')) as { readings: object }).readings).find((f) => f.endsWith(A))!;

    // Tamper with alpha's kept reading: a warm run must print what the cache says, which shows it
    // did not read the file again.
    const kept = JSON.parse(readFileSync(cachePath, 'utf8')) as { readings: Record<string, { record: { completeness: { score: number } } }> };
    kept.readings[alphaFile]!.record.completeness.score = 4242;
    writeFileSync(cachePath, JSON.stringify(kept));
    const tampered = parse(check('--json', '--dir', p.folder).stdout);
    expect(tampered.find((e) => e.id === '2026-01-01-alpha')!.completeness!.score).toBe(4242);
    expect(parse(check('--json', '--no-cache', '--dir', p.folder).stdout)).toEqual(parse(cold.stdout));

    // Change alpha's text (a full proposal now): read again, so the tampered reading is gone, and
    // its entry is what a run without the cache reports; the others are as before.
    p.write(A, readFileSync(join(PROJECT_ROOT, SAMPLE), 'utf8'));
    const changed = check('--json', '--dir', p.folder);
    expect(changed.status).toBe(1);
    const before = parse(cold.stdout);
    const after = parse(changed.stdout);
    const alpha = after.find((e) => e.id === '2026-01-01-alpha')!;
    expect(alpha.valid).toBe(true);
    expect(alpha.completeness!.score).not.toBe(4242);
    expect(alpha.completeness!.score).toBeGreaterThan(before.find((e) => e.id === '2026-01-01-alpha')!.completeness!.score);
    expect(after.filter((e) => e.id !== '2026-01-01-alpha')).toEqual(before.filter((e) => e.id !== '2026-01-01-alpha'));
    expect(check('--json', '--dir', p.folder)).toEqual(changed);
    expect(check('--json', '--no-cache', '--dir', p.folder)).toEqual(changed);
  });
});

// ---------------------------------------------------------------------------------------------
// A broken cache
// ---------------------------------------------------------------------------------------------

describe('a broken cache only costs time', () => {
  const corruptions: [string, (valid: string) => string | Buffer][] = [
    ['garbage bytes', () => Buffer.from([0xff, 0x00, 0xfe, 0x7b, 0x22])],
    ['a truncated file', (valid) => valid.slice(0, Math.floor(valid.length / 2))],
    ['JSON null', () => 'null'],
    ['readings that are not a map', (valid) => JSON.stringify({ ...(JSON.parse(valid) as object), readings: 42 })],
    ['readings whose records are null', (valid) => {
      const file = JSON.parse(valid) as { readings: Record<string, { record: unknown }> };
      for (const r of Object.values(file.readings)) r.record = null;
      return JSON.stringify(file);
    }],
    ['another rule set version', (valid) => JSON.stringify({ ...(JSON.parse(valid) as object), version: 'not-this-one' })],
    ['no table of messages', (valid) => JSON.stringify({ ...(JSON.parse(valid) as object), messages: undefined })],
    ['messages that are not in the table', (valid) => JSON.stringify({ ...(JSON.parse(valid) as object), messages: [] })],
  ];

  it.each(corruptions)('ignores %s: the folder is read afresh, with the same results', (_, corrupt) => {
    const p = project(folderWithErrors());
    const uncached = readProposalFolder(p.folder, p.root);
    readWithCache(p);
    const path = readingCachePath(p.root, p.folder);
    writeFileSync(path, corrupt(readFileSync(path, 'utf8')));

    const read = readWithCache(p);
    expect(read.fresh).toHaveLength(uncached.proposals.length);
    expect(read.proposals).toEqual(uncached.proposals);
    expect(read.findings).toEqual(uncached.findings);
    // ...and the broken file has been replaced by a good one.
    expect(readWithCache(p).fresh).toEqual([]);
  });

  it('lets the loader sync over a corrupt cache as if there were none', async () => {
    const p = project(threeProposals());
    await sync(loaderContext(p.root));
    const path = readingCachePath(p.root, p.folder);
    writeFileSync(path, '{"version": "');

    const ctx = loaderContext(p.root);
    expect(await sync(ctx)).toEqual({ read: [A, B, C], rendered: [A, B, C] });
    expect(titleOf(ctx.entries.get('2026-01-02-beta'))).toBe('Beta: batch the fetch sessions');
    expect(await sync(loaderContext(p.root))).toEqual({ read: [], rendered: [A, B, C] });
  });

  it('lets the loader sync when the cache cannot be written at all', async () => {
    const p = project(threeProposals());
    const path = readingCachePath(p.root, p.folder);
    // A folder where the file should be: neither readable nor replaceable.
    mkdirSync(join(path, 'blocker'), { recursive: true });
    const ctx = loaderContext(p.root);
    expect(await sync(ctx)).toEqual({ read: [A, B, C], rendered: [A, B, C] });
    expect(await sync(ctx)).toEqual({ read: [], rendered: [] });
    expect(await sync(loaderContext(p.root))).toEqual({ read: [A, B, C], rendered: [A, B, C] });
  });
});
