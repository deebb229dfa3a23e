/**
 * `npm run check -- --base <ref>`: the one place that reads git. It finds the merge base of the ref
 * and HEAD, the proposal files that differ from it (in the working tree, so uncommitted and untracked
 * files count too), and the text each changed file had there. What the changes mean is decided by
 * src/lib/review/compare.ts, from plain data.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import type { Localized } from '../../src/lib/i18n/locales.ts';
import { parseNameStatus, type FileChange } from '../../src/lib/review/compare.ts';

export interface BaseVersion {
  /** The ref as given, and the commit the comparison is made from: the merge base of the ref and HEAD. */
  ref: string;
  commit: string;
  /** The proposal files that differ, their paths relative to `root` (as the reader shows them). */
  changes: FileChange[];
  /** The base's text of each changed file that existed there, by its base path relative to `root`. */
  texts: Map<string, string>;
}

/** Why the base cannot be read, in every interface language. */
export class BaseError extends Error {
  readonly reason: Localized;
  constructor(reason: Localized) {
    super(reason.en);
    this.reason = reason;
  }
}

/**
 * @param ref a branch, tag or commit, as `git rev-parse` reads it
 * @param folder the proposals folder (absolute)
 * @param root the folder paths are shown relative to
 */
export function readBase(ref: string, folder: string, root: string): BaseVersion {
  const topLevel = git(['rev-parse', '--show-toplevel'], root, () => new BaseError({ zh: '但当前目录不在 git 仓库中', en: 'but this is not inside a git repository' })).trim();
  if (ref.startsWith('-')) throw new BaseError({ zh: '这不是一个引用', en: 'which is not a ref' });
  const commit = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], topLevel, () => new BaseError({ zh: '本仓库中没有这个提交', en: 'which is not a commit here' })).trim();
  const mergeBase = git(['merge-base', commit, 'HEAD'], topLevel, () =>
      new BaseError({
        zh: '它与 HEAD 没有共同的提交（浅克隆请获取更多历史，例如 actions/checkout 的 fetch-depth: 0）',
        en: 'which has no commit in common with HEAD (in a shallow clone, fetch more history: fetch-depth: 0 in actions/checkout)',
      })).trim();

  const fromTop = (path: string) => relative(root, join(topLevel, path));
  const tracked = parseNameStatus(git(['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', mergeBase, '--', folder], topLevel));
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z', '--', folder], topLevel)
    .split('\0')
    .filter((path) => path !== '')
    .map((path): FileChange => ({ status: 'added', path }));
  const changes = [...tracked, ...untracked].map((c): FileChange => (c.basePath === undefined ? { ...c, path: fromTop(c.path) } : { ...c, path: fromTop(c.path), basePath: fromTop(c.basePath) }));

  const basePaths = [...tracked.flatMap((c) => (c.status === 'added' ? [] : [c.basePath ?? c.path]))];
  const texts = new Map<string, string>();
  blobs(mergeBase, basePaths, topLevel).forEach((text, i) => texts.set(fromTop(basePaths[i]!), text));
  return { ref, commit: mergeBase, changes, texts };
}

/** Each path's text at the commit, read by one `git cat-file --batch`, however many files changed. */
function blobs(commit: string, paths: readonly string[], cwd: string): string[] {
  if (paths.length === 0) return [];
  const run = spawnSync('git', ['cat-file', '--batch'], { cwd, input: paths.map((p) => `${commit}:${p}\n`).join(''), maxBuffer: 1 << 30 });
  if (run.status !== 0) throw gitFailure('cat-file', run.stderr.toString());
  const out = run.stdout;
  const texts: string[] = [];
  let at = 0;
  for (const path of paths) {
    const headerEnd = out.indexOf(0x0a, at);
    const header = out.subarray(at, headerEnd).toString();
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) throw gitFailure('cat-file', `${path} at ${commit}: ${header}`);
    texts.push(out.subarray(headerEnd + 1, headerEnd + 1 + Number(size)).toString('utf8'));
    at = headerEnd + 1 + Number(size) + 1;
  }
  return texts;
}

function git(args: string[], cwd: string, onError?: () => BaseError): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (error) {
    throw onError?.() ?? gitFailure(args[0]!, (error as { stderr?: string }).stderr ?? String(error));
  }
}

function gitFailure(command: string, stderr: string): BaseError {
  const said = stderr.trim();
  return new BaseError({ zh: `但 git ${command} 失败：${said}`, en: `but git ${command} failed: ${said}` });
}
