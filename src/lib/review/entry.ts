/**
 * What a review says about one proposal file (issue 21): its errors, its score and level, the rules
 * it does not meet with their lines, and its Definition of Done verdict. `npm run check` builds one
 * for every file it reads, in every format, so the annotations, the Markdown summary, `--json` and
 * the plain lines all report the same things.
 *
 * Plain data made from the reader's records; nothing here reads files or git.
 */
import type { CompletenessLevelId } from '../completeness/levels.ts';
import { RULES } from '../completeness/rules/index.ts';
import { localizedWithoutQuoteMarks } from '../completeness/text.ts';
import type { DodVerdict } from '../dod/types.ts';
import type { Localized } from '../i18n/locales.ts';
import type { Finding } from '../reader/findings.ts';
import type { ProposalRecord } from '../reader/read-proposal.ts';

/** A completeness rule the proposal does not meet, where, and how much of the score it costs. */
export interface RuleNotMet {
  id: string;
  line: number;
  message: Localized;
  weight: number;
}

export interface ReviewEntry {
  /** The path shown, relative to the repository root. */
  file: string;
  /** The proposal's id; null for a file in the folder that is not a proposal at all. */
  id: string | null;
  /** Schema, content-policy and file errors: any one of them stops the build. */
  errors: Finding[];
  /** Null when the file is not a proposal, so there is nothing to score. */
  completeness: {
    score: number;
    level: CompletenessLevelId;
    /** Ids of the rules met. */
    met: string[];
    notMet: RuleNotMet[];
  } | null;
  dod: { verdict: DodVerdict; met: number; total: number } | null;
  /** Set when `--min-score` applies to the proposal (past Draft) and its score is below it. */
  belowMinScore?: number;
}

const WEIGHTS = new Map(RULES.map((rule) => [rule.id, rule.weight]));

/** The entry of a proposal read, with the errors the folder reader found in its file. */
export function entryOfRecord(record: ProposalRecord, errors: readonly Finding[], minScore?: number): ReviewEntry {
  const { checks, score, level } = record.completeness;
  const pastDraft = (record.data?.status ?? record.statusAsWritten) !== 'Draft';
  const entry: ReviewEntry = {
    file: record.file,
    id: record.id,
    errors: [...errors],
    completeness: {
      score,
      level,
      met: checks.filter((c) => c.passed).map((c) => c.id),
      notMet: checks
        .filter((c) => !c.passed)
        .map((c) => ({ id: c.id, line: c.line ?? 1, message: localizedWithoutQuoteMarks(c.message), weight: WEIGHTS.get(c.id) ?? 0 })),
    },
    dod: { verdict: record.dod.verdict, met: record.dod.met, total: record.dod.total },
  };
  if (minScore !== undefined && pastDraft && score < minScore) entry.belowMinScore = minScore;
  return entry;
}

/** The entry of a file that could not be read as a proposal: only its errors. */
export function entryOfStrayFile(file: string, errors: readonly Finding[]): ReviewEntry {
  return { file, id: null, errors: [...errors], completeness: null, dod: null };
}

/**
 * One entry per file: every proposal read, then every other file that has findings (a stray file,
 * or one the reader could not read), in file order.
 */
export function reviewEntries(proposals: readonly ProposalRecord[], findings: readonly Finding[], minScore?: number): ReviewEntry[] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const entries = proposals.map((record) => entryOfRecord(record, byFile.get(record.file) ?? [], minScore));
  const read = new Set(proposals.map((p) => p.file));
  for (const [file, errors] of byFile) if (!read.has(file)) entries.push(entryOfStrayFile(file, errors));
  return entries.sort((a, b) => a.file.localeCompare(b.file));
}

/** Whether the check fails on this entry: an error, or a score below `--min-score`. */
export function isFailing(entry: ReviewEntry): boolean {
  return entry.errors.length > 0 || entry.belowMinScore !== undefined;
}
