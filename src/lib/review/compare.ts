/**
 * A pull request's proposals against its base branch (`npm run check -- --base <ref>`): which files
 * are new, changed, renamed or deleted, and for each the score before and after and the rules newly
 * met or newly failing. Pure: the script asks git what changed and hands both sides' entries here.
 *
 * Both versions are judged by the head's rules, so a difference is the proposal's own, never a
 * change of the rules in the same pull request.
 */
import type { ReviewEntry } from './entry.ts';

/** One line of `git diff --name-status`: A(dded), M(odified), D(eleted), R(enamed) or C(opied). */
export interface FileChange {
  status: 'added' | 'changed' | 'deleted' | 'renamed';
  /** The path now (for a deletion, the path it had). Relative to the repository's top level. */
  path: string;
  /** For a rename, the path it had in the base. */
  basePath?: string;
}

/**
 * Reads `git diff --name-status -z -M`: `<status>\0<path>\0`, or `<R|C><score>\0<old>\0<new>\0`.
 * A copy is a new file; a change of type (T) is a change. Throws on anything else, so that a git
 * whose output this does not know is never misread as "nothing changed".
 */
export function parseNameStatus(output: string): FileChange[] {
  const fields = output.split('\0');
  if (fields.at(-1) === '') fields.pop();
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++]!;
    const letter = status[0];
    const path = fields[i++];
    if (path === undefined) throw new Error(`git diff --name-status: a status "${status}" without a path`);
    if (letter === 'R' || letter === 'C') {
      const to = fields[i++];
      if (to === undefined) throw new Error(`git diff --name-status: "${status}" without its new path`);
      changes.push(letter === 'R' ? { status: 'renamed', path: to, basePath: path } : { status: 'added', path: to });
    } else if (letter === 'A') changes.push({ status: 'added', path });
    else if (letter === 'M' || letter === 'T') changes.push({ status: 'changed', path });
    else if (letter === 'D') changes.push({ status: 'deleted', path });
    else throw new Error(`git diff --name-status: unknown status "${status}" for ${path}`);
  }
  return changes;
}

export interface ScoreChange {
  from: number;
  to: number;
  /** Rule ids met now and not in the base, in the rules' order. */
  newlyMet: string[];
  /** Rule ids not met now and met in the base. */
  newlyFailing: string[];
}

export interface ReviewedFile {
  /** `unchanged` only when there is no base: every proposal is then reported as it is. */
  change: FileChange['status'] | 'unchanged';
  /** The file now; for a deletion, the file as it was. */
  file: string;
  /** For a rename, the file it was. */
  baseFile?: string;
  /** Absent for a deletion. */
  head?: ReviewEntry;
  /** Absent for a new file, and when there is no base. */
  base?: ReviewEntry;
  /** Set when both sides were scored. */
  score?: ScoreChange;
}

/**
 * The changed files of a pull request, each with both sides' entries. `headEntries` and
 * `baseEntries` are by file (the paths of `changes`); a changed file the head could not read as a
 * proposal still has its entry (its errors), so nothing changed is ever left out.
 */
export function compareWithBase(
  changes: readonly FileChange[],
  headEntries: ReadonlyMap<string, ReviewEntry>,
  baseEntries: ReadonlyMap<string, ReviewEntry>,
): ReviewedFile[] {
  return changes
    .map((change): ReviewedFile => {
      const head = change.status === 'deleted' ? undefined : headEntries.get(change.path);
      const baseFile = change.status === 'renamed' ? change.basePath! : change.path;
      const base = change.status === 'added' ? undefined : baseEntries.get(baseFile);
      const reviewed: ReviewedFile = { change: change.status, file: change.path };
      if (change.status === 'renamed') reviewed.baseFile = baseFile;
      if (head) reviewed.head = head;
      if (base) reviewed.base = base;
      if (head?.completeness && base?.completeness) {
        const before = new Set(base.completeness.met);
        const after = new Set(head.completeness.met);
        reviewed.score = {
          from: base.completeness.score,
          to: head.completeness.score,
          newlyMet: head.completeness.met.filter((id) => !before.has(id)),
          newlyFailing: base.completeness.met.filter((id) => !after.has(id)),
        };
      }
      return reviewed;
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Without a base: every file as it is now. */
export function reviewAll(entries: readonly ReviewEntry[]): ReviewedFile[] {
  return entries.map((entry) => ({ change: 'unchanged', file: entry.file, head: entry }));
}
