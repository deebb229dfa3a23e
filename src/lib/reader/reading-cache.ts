/**
 * Readings kept from one run to the next, so that a proposal is analysed once per version of its
 * text and of the rules, not once per build, per save or per `npm run check`.
 *
 * A reading is keyed by a digest of the rule set's version and the file's text. The version is a
 * digest of every source file a reading depends on (READING_INPUTS): change a rule, the schema, the
 * vocabulary, a parser's version or the Markdown settings, and every stored
 * reading stops matching, so a stale badge cannot be served. The build's content loader keeps the
 * same digest on each collection entry, and `npm run check` and the loader share this file.
 *
 * A file need not even be read to find its digest: each reading keeps the file's stamp (size, times,
 * inode) as seen before it was read, and a file with the same stamp next time gets the digest kept
 * with it unread, as git's index does (FileStamp, settledStamp). At 10,000 proposals that spares
 * reading and hashing 10,000 files in a warm `npm run check`.
 *
 * Node only: the browser checker reads every draft afresh.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CompletenessCheck } from '../completeness/assess.ts';
import type { Localized } from '../i18n/locales.ts';
import type { ProposalFolder } from './read-folder.ts';
import type { ProposalRecord } from './read-proposal.ts';

/**
 * What a reading depends on besides the file itself, relative to the project root. Broader than the
 * rules alone (a change to a page helper in src/lib also invalidates), since a reading kept after
 * the code that made it changed would be wrong, and one read again is only slower. package.json pins
 * the direct dependencies; package-lock.json, where there is one, the parsers under them (micromark).
 */
export const READING_INPUTS = ['src/lib', 'src/loaders', 'src/markdown', 'astro.config.mjs', 'package.json', 'package-lock.json'] as const;

/** Bumped when the cache file's layout changes. */
const CACHE_FORMAT = 3;

function sourceFiles(root: string, input: string): string[] {
  const path = join(root, input);
  let entries;
  try {
    entries = readdirSync(path, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return [path];
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The version of the rule set: a digest of every file in READING_INPUTS, names and contents. */
export function ruleSetVersion(root: string): string {
  const hash = createHash('sha256');
  hash.update(`reading-cache ${CACHE_FORMAT}\n`);
  const files = READING_INPUTS.flatMap((input) => sourceFiles(root, input)).map((path) => ({ path, name: relative(root, path) }));
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { path, name } of files) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** The key of one reading: this version of the rules applied to this text of this file. */
export function readingDigest(version: string, relativePath: string, text: string): string {
  return createHash('sha256').update(`${version}\0${relativePath}\0`).update(text).digest('hex').slice(0, 32);
}

/**
 * What a file's metadata says of its text without reading it, as git's index does: the same size,
 * times and inode as when it was read means the same text. Any write or `touch` sets ctime to the
 * current time, which no one can set back, so a file edited and given its old mtime still differs.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * How long a file must have been left alone before its stamp is trusted. Times are stored in ticks
 * (a few milliseconds on ext4, two seconds on FAT): a file written again within the tick in which it
 * was stamped keeps the same times, and, if its size did too, would look unchanged. A file changed
 * this recently is simply read again next time (git calls such entries "racy").
 */
export const SETTLED_AFTER_MS = 2000;

/** The stamp of a file, if it was last changed long enough before `seenAt` to be trusted next time. */
export function settledStamp(stats: Stats, seenAt: number): FileStamp | undefined {
  if (Math.max(stats.mtimeMs, stats.ctimeMs) > seenAt - SETTLED_AFTER_MS) return undefined;
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino);

export interface ReadingCache {
  readonly version: string;
  get(file: string, digest: string): ProposalRecord | undefined;
  /** The digest of the reading kept for a file, if the file's stamp is the one kept with it. */
  digestByStamp(file: string, stamp: FileStamp): string | undefined;
  set(file: string, digest: string, record: ProposalRecord): void;
  /** Keeps a file's current stamp with its reading (or forgets it): the file was read or checked this run. */
  restamp(file: string, stamp: FileStamp | undefined): void;
  /**
   * Writes the readings of the files still in the folder and drops the rest, atomically: a run
   * stopped halfway leaves the previous file, never half of one.
   */
  save(files: Iterable<string>): void;
}

interface KeptReading {
  digest: string;
  record: ProposalRecord;
  stamp?: FileStamp;
}

/** A reading as written to the file: each completeness message by its place in `messages`. */
interface StoredReading extends Omit<KeptReading, 'record'> {
  record: Omit<ProposalRecord, 'completeness'> & {
    completeness: Omit<ProposalRecord['completeness'], 'checks'> & { checks: (Omit<CompletenessCheck, 'message'> & { message: number })[] };
  };
}

interface CacheFile {
  version: string;
  /**
   * Every completeness message, once. Most checks say the same in most proposals ("All ten sections
   * are present."), in every language: at 10,000 synthetic proposals, 17 MB of messages in 170,000
   * checks were 1.3 MB of different ones, and the file went from 52 to 33 MB.
   */
  messages: Localized[];
  readings: Record<string, StoredReading>;
}

/** The readings with their messages in place; throws on a message that is not in the table. */
function restoreMessages(file: CacheFile): Map<string, KeptReading> {
  const readings = new Map<string, KeptReading>();
  for (const [name, stored] of Object.entries(file.readings)) {
    for (const check of stored.record.completeness.checks) {
      const message = file.messages[check.message];
      if (message === undefined) throw new Error(`${name}: no message ${check.message}`);
      (check as unknown as CompletenessCheck).message = message;
    }
    readings.set(name, stored as unknown as KeptReading);
  }
  return readings;
}

/** The file to write: the readings as they are, with each message replaced by its place in one table. */
function withMessageTable(version: string, readings: ReadonlyMap<string, KeptReading>): CacheFile {
  const messages: Localized[] = [];
  const places = new Map<string, number>();
  const placeOf = (message: Localized) => {
    const key = JSON.stringify(message);
    let place = places.get(key);
    if (place === undefined) {
      place = messages.push(message) - 1;
      places.set(key, place);
    }
    return place;
  };
  const stored: Record<string, StoredReading> = {};
  for (const [name, kept] of readings) {
    const { completeness } = kept.record;
    const checks = completeness.checks.map((check) => ({ ...check, message: placeOf(check.message) }));
    stored[name] = { ...kept, record: { ...kept.record, completeness: { ...completeness, checks } } };
  }
  return { version, messages, readings: stored };
}

/**
 * Where the readings of one proposals folder are kept: beside Astro's and Vite's caches, or in
 * `PROPOSAL_CACHE_DIR` (the unit tests keep theirs out of the project).
 */
export function readingCachePath(root: string, folder: string): string {
  // By the folder's absolute path: two projects sharing PROPOSAL_CACHE_DIR never share a file.
  const name = createHash('sha256').update(resolve(root, folder)).digest('hex').slice(0, 12);
  return join(process.env.PROPOSAL_CACHE_DIR || join(root, 'node_modules', '.cache', 'kafka-proposals'), `readings-${name}.json`);
}

/**
 * Opens the readings kept for a folder. A missing, unreadable or older file is an empty cache: the
 * worst a broken cache can do is make a run slower.
 */
export function openReadingCache(root: string, folder: string, version: string = ruleSetVersion(root)): ReadingCache {
  const path = readingCachePath(root, folder);
  let readings = new Map<string, KeptReading>();
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    if (stored.version === version) readings = restoreMessages(stored);
  } catch {
    // No cache yet, or one that cannot be read: every file is read afresh.
  }
  let changed = false;
  return {
    version,
    get(file, digest) {
      const kept = readings.get(file);
      return kept?.digest === digest ? kept.record : undefined;
    },
    digestByStamp(file, stamp) {
      const kept = readings.get(file);
      return kept?.stamp !== undefined && sameStamp(kept.stamp, stamp) ? kept.digest : undefined;
    },
    set(file, digest, record) {
      readings.set(file, { digest, record });
      changed = true;
    },
    restamp(file, stamp) {
      const kept = readings.get(file);
      if (!kept || sameStamp(kept.stamp, stamp)) return;
      if (stamp) kept.stamp = stamp;
      else delete kept.stamp;
      changed = true;
    },
    save(files) {
      const keep = new Set(files);
      for (const file of readings.keys()) {
        if (!keep.has(file)) {
          readings.delete(file);
          changed = true;
        }
      }
      if (!changed) return;
      const file = withMessageTable(version, readings);
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(file));
      renameSync(temporary, path);
      changed = false;
    },
  };
}

/**
 * Keeps what a folder reading read afresh and forgets the files no longer there. A cache that cannot
 * be written makes the next run slower, never wrong: the error is returned for the caller to report
 * or ignore, never thrown.
 */
export function keepReadings(cache: ReadingCache, { fresh, digests, stamps }: Pick<ProposalFolder, 'fresh' | 'digests' | 'stamps'>): Error | undefined {
  for (const proposal of fresh) cache.set(proposal.file, digests.get(proposal.file)!, proposal);
  // Every file's stamp as seen this run, read or kept: one changed too recently is read next time.
  for (const file of digests.keys()) cache.restamp(file, stamps.get(file));
  try {
    cache.save(digests.keys());
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
