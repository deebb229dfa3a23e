/**
 * Reads a proposals folder: every entry in it, each proposal through the one reader, then the rules
 * that span files (one proposal per id, `supersededBy` that resolves and never loops). The build's
 * loader and `npm run check` both call this, so a folder gives the same verdicts everywhere.
 *
 * Given a cache, a file whose text and rule set have not changed since it was last read is not read
 * again (reading-cache.ts); the rest are read inline, or on worker threads by
 * readProposalFolderInParallel.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Localized } from '../i18n/locales.ts';
import { byFileAndLine, fileFinding, frontmatterFinding, type Finding } from './findings.ts';
import { readFileName } from '../proposal-files.ts';
import { MAX_PROPOSAL_CHARS } from './limits.ts';
import type { ProposalRecord, RecordReading } from './read-proposal.ts';
import { readingDigest, settledStamp, type FileStamp } from './reading-cache.ts';
import { readInline, readInWorkers } from './read-in-workers.ts';

export interface ProposalFolder {
  /** Every proposal file read, valid or not, in file-name order. */
  proposals: ProposalRecord[];
  /** Every error: per file, per folder entry (stray files) and across files; sorted by file and line. */
  findings: Finding[];
  /** Each proposal's digest (file → digest), when read with a cache. */
  digests: Map<string, string>;
  /**
   * The stamp of each file (size, times, inode) seen before it was read, when it had been left alone
   * long enough to be trusted next time (reading-cache.ts, settledStamp); with a cache only.
   */
  stamps: Map<string, FileStamp>;
  /** The proposals read this time, rather than found in the cache. */
  fresh: ProposalRecord[];
}

/** Where earlier readings can be found, by file and digest (reading-cache.ts, or the collection's own store). */
export interface ReadingLookup {
  /** The rule set's version, part of every digest. */
  version: string;
  get(file: string, digest: string): ProposalRecord | undefined;
  /**
   * The digest kept for a file whose stamp is this one, so that it need not be read again; undefined
   * when the file must be read (reading-cache.ts says when a stamp can be trusted).
   */
  digestByStamp?(file: string, stamp: FileStamp): string | undefined;
}

export interface ReadFolderOptions {
  cache?: ReadingLookup;
  /**
   * Called once for each proposal, as soon as its record is known: kept ones as the folder is listed,
   * read ones as each comes back. Findings across files are known only at the end.
   */
  onRecord?: (record: ProposalRecord, digest: string | undefined) => void;
}

/** A proposal file found in the folder, with its text. */
export interface ProposalFile {
  file: string;
  relativePath: string;
  text: string;
}

/**
 * @param folder the proposals folder
 * @param root the folder paths are shown relative to (the repository root)
 */
export function readProposalFolder(folder: string, root: string = process.cwd(), options: ReadFolderOptions = {}): ProposalFolder {
  const plan = planFolder(folder, root, options);
  return finishFolder(plan, readInline(plan.cold, reportTo(plan, options)));
}

/** readProposalFolder, with the files not in the cache read on every core. */
export async function readProposalFolderInParallel(folder: string, root: string = process.cwd(), options: ReadFolderOptions = {}): Promise<ProposalFolder> {
  const plan = planFolder(folder, root, options);
  return finishFolder(plan, await readInWorkers(plan.cold, { onReading: reportTo(plan, options) }));
}

/** Passes each record read to `onRecord`, with its digest. */
function reportTo(plan: FolderPlan, { onRecord }: ReadFolderOptions): ((reading: RecordReading) => void) | undefined {
  return onRecord && ((reading) => 'record' in reading && onRecord(reading.record, plan.digests.get(reading.record.file)));
}

interface FolderPlan {
  /** Records found in the cache, by file. */
  kept: ProposalRecord[];
  /** Files to read. */
  cold: ProposalFile[];
  findings: Finding[];
  digests: Map<string, string>;
  stamps: Map<string, FileStamp>;
}

/** Lists the folder, reports what is not a proposal, and sorts the rest into kept and to read. */
function planFolder(folder: string, root: string, { cache, onRecord }: ReadFolderOptions): FolderPlan {
  const plan: FolderPlan = { kept: [], cold: [], findings: [], digests: new Map(), stamps: new Map() };
  // Before any file is looked at: a file changed after this moment has a newer time than any stamp kept.
  const listedAt = Date.now();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const file = relative(root, path);
    if (entry.isDirectory()) continue;
    if (!entry.isFile()) {
      // A symbolic link could publish any file on the machine that builds the site.
      plan.findings.push(fileFinding(file, { zh: '实际为符号链接或特殊文件；应为普通文件', en: 'found a symbolic link or special file; expected a regular file' }));
      continue;
    }
    const relativePath = relative(folder, path);
    const name = readFileName(relativePath);
    if ('error' in name && name.kind === undefined) {
      // Not a proposal at all (notes.txt): reported, never read.
      plan.findings.push(fileFinding(file, name.error));
      continue;
    }
    // Stat before reading: a change between the two makes the stamp older than the text, so the
    // next run reads the file again, never the reverse.
    const stats = statSync(path);
    const size = stats.size;
    if (size > MAX_PROPOSAL_CHARS * 4) {
      // Not read at all: a proposal is a few kilobytes, and a huge file would only exhaust memory.
      plan.findings.push(
        fileFinding(file, {
          zh: `实际为 ${size} 字节的文件；应不超过 ${MAX_PROPOSAL_CHARS} 个字符（填好的模板约 10,000 个字符）`,
          en: `found a file of ${size} bytes; expected at most ${MAX_PROPOSAL_CHARS} characters (a filled template is about 10,000)`,
        }),
      );
      continue;
    }
    if (cache) {
      const stamp = settledStamp(stats, listedAt);
      if (stamp) plan.stamps.set(file, stamp);
      // Unchanged since the run that kept its reading: neither read nor hashed again.
      const digest = stamp && cache.digestByStamp?.(file, stamp);
      const kept = digest === undefined ? undefined : cache.get(file, digest);
      if (kept) {
        plan.digests.set(file, digest!);
        plan.kept.push(kept);
        onRecord?.(kept, digest);
        continue;
      }
    }
    const text = readFileSync(path, 'utf8');
    if (cache) {
      const digest = readingDigest(cache.version, relativePath, text);
      plan.digests.set(file, digest);
      const kept = cache.get(file, digest);
      if (kept) {
        plan.kept.push(kept);
        onRecord?.(kept, digest);
        continue;
      }
    }
    plan.cold.push({ file, relativePath, text });
  }
  return plan;
}

function finishFolder(plan: FolderPlan, readings: RecordReading[]): ProposalFolder {
  const read = readings.flatMap((r) => ('record' in r ? [r.record] : []));
  const proposals = [...plan.kept, ...read].sort((a, b) => a.file.localeCompare(b.file));
  const failures = readings.flatMap((r) => ('failure' in r ? [r.failure] : []));
  const findings = [...plan.findings, ...failures, ...proposals.flatMap((p) => p.errors), ...catalogueFindings(proposals)];
  findings.sort(byFileAndLine);
  return { proposals, findings, digests: plan.digests, stamps: plan.stamps, fresh: read };
}

/** What the rules across files need of a proposal. */
export type CatalogueMember = Pick<ProposalRecord, 'id' | 'file' | 'data' | 'supersededByLine'>;

/** Rules that need the whole catalogue. Linear in the number of proposals, bar the loops' own length. */
export function catalogueFindings(proposals: readonly CatalogueMember[]): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map<string, CatalogueMember[]>();
  for (const p of proposals) {
    const same = byId.get(p.id);
    if (same) same.push(p);
    else byId.set(p.id, [p]);
  }
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    for (const p of same) {
      const others = same.filter((o) => o !== p).map((o) => o.file);
      findings.push(
        fileFinding(p.file, {
          zh: `另有一份 id 为 "${id}" 的提案（${others.join('、')}）；每个 id 只能出现一次：重命名或删除其中一份`,
          en: `found a second proposal with the id "${id}" (${others.join(', ')}); expected each id once: rename or remove one`,
        }),
      );
    }
  }

  const superseding = new Map<string, string>();
  for (const p of proposals) {
    const target = p.data?.supersededBy;
    if (target === undefined) continue;
    const line = p.supersededByLine ?? 1;
    if (target === p.id) {
      findings.push(frontmatterFinding(p.file, line, 'supersededBy', { zh: `实际为 "${target}"；应为另一份提案的 id，而不是本提案自己的`, en: `found "${target}"; expected the id of another proposal, not its own` }));
    } else if (!byId.has(target)) {
      const examples: string[] = [];
      for (const o of proposals) {
        if (examples.length === 3) break;
        if (o.data !== undefined && o.id !== p.id) examples.push(o.id);
      }
      findings.push(
        frontmatterFinding(p.file, line, 'supersededBy', {
          zh: `实际为 "${target}"；应为已有提案的 id${examples.length > 0 ? `，如 ${examples.join('、')}` : ''}`,
          en: `found "${target}"; expected the id of an existing proposal${examples.length > 0 ? `, such as ${examples.join(', ')}` : ''}`,
        }),
      );
    } else superseding.set(p.id, target);
  }
  // A → B → … → A: every proposal on the loop says it has been replaced, and none is the current one.
  // Each proposal is walked once (a chain of 10,000 is not walked 10,000 times).
  const done = new Set<string>();
  for (const start of superseding.keys()) {
    /** The walk from `start`, each id with its place on it. */
    const onPath = new Map<string, number>();
    const path: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !done.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      at = superseding.get(at);
    }
    for (const id of path) done.add(id);
    if (at === undefined || !onPath.has(at)) continue;
    const loop = path.slice(onPath.get(at));
    loop.forEach((id, i) => {
      const p = byId.get(id)![0]!;
      const shown = describeLoop([...loop.slice(i), ...loop.slice(0, i)]);
      findings.push(
        frontmatterFinding(p.file, p.supersededByLine ?? 1, 'supersededBy', {
          zh: `supersededBy 形成了循环：${shown.zh}；这条链应终止于一份未被取代的提案`,
          en: `found a loop of supersededBy: ${shown.en}; expected the chain to end at a proposal that is not superseded`,
        }),
      );
    });
  }
  return findings;
}

/** `a → b → a`; a long loop is shortened, so that its messages do not grow with the square of its length. */
function describeLoop(loop: readonly string[]): Localized {
  const show = (elided: string) => [...(loop.length <= 10 ? loop : [...loop.slice(0, 5), elided, ...loop.slice(-2)]), loop[0]].join(' → ');
  return { zh: show(`…（另有 ${loop.length - 7} 个）…`), en: show(`… ${loop.length - 7} more …`) };
}
