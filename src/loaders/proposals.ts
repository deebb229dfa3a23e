/**
 * The proposals collection's loader. It reads the folder through the one reader that `npm run check`
 * uses (src/lib/reader/), so the build and the check cannot disagree; any error in any file stops the
 * build with every finding listed as `file:line id message`, and nothing is published from a
 * catalogue with an error.
 *
 * Work is done once per version of a file. Each entry keeps the digest of its text and of the rule
 * set (reading-cache.ts); Astro keeps the entries between builds and dev sessions, so a warm build or
 * a save in dev reads and renders only the files whose digest changed, and a changed rule changes
 * every digest. Readings also go to the cache `npm run check` uses, and come from it when the
 * collection has none (a first build after a check). Cold files are read on every core.
 *
 * Bodies are rendered as Markdown by Astro's Sätteri pipeline with the site's settings, never
 * compiled as modules (an MDX proposal is turned into Markdown by src/lib/reader/mdx-markdown.ts
 * first), then sanitised with the policy's allow-list (src/markdown/body-renderer.ts); many bodies
 * are rendered on every core (src/markdown/render-in-workers.ts).
 * Each entry stores what the pages need, analysis and completeness included, so no page parses a
 * proposal again; the rendered HTML itself is kept beside the store, in a file named by the entry's
 * digest (src/markdown/rendered-bodies.ts says why), and the entry keeps its headings.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { DEFAULT_LOCALE, type Localized } from '../lib/i18n/locales.ts';
import { PROPOSALS_DIR } from '../lib/proposal-files.ts';
import { mdxAsMarkdown } from '../lib/reader/mdx-markdown.ts';
import { formatFinding } from '../lib/reader/findings.ts';
import { readProposalFolderInParallel } from '../lib/reader/read-folder.ts';
import type { ProposalRecord, ValidProposalRecord } from '../lib/reader/read-proposal.ts';
import { keepReadings, openReadingCache, readingDigest, ruleSetVersion, type ReadingCache } from '../lib/reader/reading-cache.ts';
import type { BodyRenderer } from '../markdown/body-renderer.ts';
import { hasRenderedBody, keepRenderedBody, pruneRenderedBodies, renderedBodiesFolder } from '../markdown/rendered-bodies.ts';
import { startBodyRendering } from '../markdown/render-in-workers.ts';

/** The build's error, in the default interface language, as `npm run check` prints by default. */
export class ProposalCatalogueError extends Error {
  constructor(lines: readonly string[]) {
    const heading: Localized = {
      zh: `提案目录中有 ${lines.length} 个错误；每份提案要么出现在站点上，要么让构建失败（npm run check 列出的错误相同）：`,
      en: `The proposal catalogue has ${lines.length} error(s); every proposal must appear on the site or stop the build (npm run check lists the same):`,
    };
    super(`${heading[DEFAULT_LOCALE]}\n${lines.join('\n')}`);
    this.name = 'ProposalCatalogueError';
  }
}

export function proposalsLoader(folder: string = PROPOSALS_DIR): Loader {
  return {
    name: 'proposals-loader',
    load: async (context) => {
      const { watcher, logger, config } = context;
      // Kept between syncs, so that a save in dev does not parse the whole cache file again.
      const state: SyncState = {};
      const first = await syncProposals(context, folder, state);
      logger.info(
        `${context.store.keys().length} proposals: ${first.read.length} read in ${seconds(first.readMs)}, ${first.rendered.length} rendered in ${seconds(first.renderMs)}, the rest unchanged since they were last read`,
      );
      if (!watcher) return;
      const folderPath = fileURLToPath(new URL(folder, config.root));
      watcher.add(folderPath);
      // Saves come in bursts (an editor writes, then renames); one sync at a time, and one more
      // after it if anything changed meanwhile, so the last state always wins.
      let running: Promise<void> | undefined;
      let again = false;
      const resync = async (changed: string) => {
        if (running) {
          again = true;
          return;
        }
        do {
          again = false;
          running = syncProposals(context, folder, state)
            .then(({ read }) => logger.info(`Reloaded the proposals after a change to ${relative(fileURLToPath(config.root), changed)}: ${read.length} file(s) read again`))
            .catch((error: Error) => logger.error(error.message));
          await running;
          running = undefined;
        } while (again);
      };
      const onChange = (changed: string) => {
        if (relative(folderPath, changed).startsWith('..')) return;
        void resync(changed);
      };
      for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
    },
  };
}

export type SyncContext = Pick<LoaderContext, 'store'> & {
  config: Pick<LoaderContext['config'], 'root' | 'cacheDir'>;
  /** Renders a body; the site's body renderer, on every core, unless given (the loader's tests count renders). */
  renderBody?: BodyRenderer;
};
/** What one sync leaves for the next, in a dev session. */
export interface SyncState {
  cache?: ReadingCache;
  /** Whether a sync has run in this process: only the first removes body files no entry names. */
  synced?: boolean;
}
/** What the store keeps for one proposal. */
type DataEntry = Parameters<LoaderContext['store']['set']>[0];

export interface SyncResult {
  /** Files read (analysed) this time: not in the collection nor in the cache at this digest. */
  read: string[];
  /** Files rendered this time: not in the collection at this digest. */
  rendered: string[];
  readMs: number;
  renderMs: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Brings the collection in line with the folder, or throws every finding and changes nothing.
 * Entries whose text and rules are unchanged are kept as they are.
 */
export async function syncProposals({ store, config, renderBody }: SyncContext, folder: string, state: SyncState = {}): Promise<SyncResult> {
  const root = fileURLToPath(config.root);
  const folderPath = fileURLToPath(new URL(folder, config.root));
  const version = ruleSetVersion(root);
  if (state.cache?.version !== version) state.cache = openReadingCache(root, folderPath, version);
  const cache = state.cache;
  const bodies = renderedBodiesFolder(config.cacheDir);

  // The collection's own entries are the first cache: Astro keeps them between builds.
  const stored = new Map<string, ProposalRecord>();
  for (const entry of store.values()) {
    if (typeof entry.digest === 'string' && entry.filePath) stored.set(`${entry.filePath}\0${entry.digest}`, entry.data as unknown as ProposalRecord);
  }
  const started = performance.now();
  const rendering = renderBody ? undefined : startBodyRendering();
  const render = renderBody ?? rendering!.render;
  /**
   * Entries to store, rendered as their readings come in: the main thread renders while worker
   * threads read. Nothing is stored until the whole folder is known to be valid.
   */
  const renders = new Map<string, Promise<DataEntry | Error | undefined>>();
  const renderIfChanged = (record: ProposalRecord, digest: string | undefined) => {
    if (record.errors.length > 0 || record.data === undefined || digest === undefined) return;
    const entry = store.get(record.id);
    if (entry?.digest === digest && entry.filePath === record.file && hasRenderedBody(bodies, digest)) return;
    renders.set(record.file, renderEntry(record as ValidProposalRecord, digest).catch((error: Error) => error));
  };
  const renderEntry = async (proposal: ValidProposalRecord, digest: string): Promise<DataEntry | undefined> => {
    const markdown = markdownOf(folderPath, join(root, proposal.file), proposal, cache.version, digest);
    // Changed again since it was listed: a newer save is on its way, and its sync will render it.
    if (markdown === undefined) return undefined;
    const rendered = await render(markdown).catch((error: Error) => {
      const couldNot: Localized = { zh: '文件无法渲染', en: 'file could not be rendered' };
      throw new ProposalCatalogueError([`${proposal.file}:${proposal.bodyStartLine} ${couldNot[DEFAULT_LOCALE]}: ${error.message}`]);
    });
    keepRenderedBody(bodies, digest, rendered.html);
    // The HTML stays out of the store (rendered-bodies.ts); pages read it by digest.
    return { id: proposal.id, data: proposal as unknown as Record<string, unknown>, filePath: proposal.file, digest, rendered: { ...rendered, html: '' } };
  };

  let folderReading: Awaited<ReturnType<typeof readProposalFolderInParallel>>;
  let entries: (DataEntry | Error | undefined)[];
  let readMs: number;
  try {
    folderReading = await readProposalFolderInParallel(folderPath, root, {
      cache: { version: cache.version, get: (file, digest) => stored.get(`${file}\0${digest}`) ?? cache.get(file, digest) },
      onRecord: renderIfChanged,
    });
    readMs = performance.now() - started;
    entries = await Promise.all(renders.values());
  } finally {
    await rendering?.close();
  }
  const { proposals, findings, fresh } = folderReading;
  const failed = entries.find((entry) => entry instanceof Error);
  if (findings.length > 0 || failed) {
    // The readings are right even when the catalogue is not: kept, so the fix reads only the fixed file.
    keepReadings(cache, folderReading);
    throw findings.length > 0 ? new ProposalCatalogueError(findings.map((f) => formatFinding(f, DEFAULT_LOCALE))) : failed;
  }

  const rendered: string[] = [];
  for (const entry of entries) {
    if (entry === undefined || entry instanceof Error) continue;
    store.set(entry);
    rendered.push(entry.filePath!);
  }
  const ids = new Set(proposals.map((p) => p.id));
  for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  if (!state.synced) {
    pruneRenderedBodies(bodies, new Set(store.values().map((entry) => String(entry.digest))));
    state.synced = true;
  }
  // After the store, so that writing the cache file does not delay what a dev page shows. A cache
  // that cannot be written makes the next run slower, never wrong.
  keepReadings(cache, folderReading);
  // Rendering overlaps reading: renderMs is the time it went on after the last file was read.
  return { read: fresh.map((p) => p.file), rendered, readMs, renderMs: performance.now() - started - readMs };
}

/**
 * The Markdown to render for a proposal: its body, or for MDX the Markdown that mdx-markdown.ts
 * turns it into. Read from the file again, since records do not keep bodies (10,000 of them would
 * double what the build holds); undefined if the file changed since it was read.
 */
function markdownOf(folderPath: string, path: string, proposal: ProposalRecord, version: string, digest: string): string | undefined {
  const text = readFileSync(path, 'utf8');
  if (readingDigest(version, relative(folderPath, path), text) !== digest) return undefined;
  const body = text.slice(proposal.bodyOffset);
  return proposal.kind === 'mdx' ? mdxAsMarkdown(body) : body;
}
