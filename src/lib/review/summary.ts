/**
 * The review as Markdown (`npm run check -- --format markdown`, and `$GITHUB_STEP_SUMMARY`): a table
 * of the files with their scores, levels and DoD verdicts, then for each file with something to say
 * its errors, the rules it does not meet with their lines, and what changed from the base. The same
 * text is the pull request's sticky comment (.github/workflows/review-comment.yml).
 *
 * Everything from a proposal goes through github-markdown.ts, so in what GitHub renders it is text.
 */
import { codeSpan } from '../completeness/text.ts';
import { COMPLETENESS_LEVELS } from '../completeness/levels.ts';
import type { Locale } from '../i18n/locales.ts';
import { translator, type Translate, type UiKey } from '../i18n/translate.ts';
import { dodVerdict } from '../vocabulary/dod-verdicts.ts';
import type { ReviewedFile } from './compare.ts';
import { isFailing, type ReviewEntry } from './entry.ts';
import { githubInline, githubText } from './github-markdown.ts';

/** Marks the comment, so that the workflow updates its own comment instead of adding one. */
export const REVIEW_COMMENT_MARKER = '<!-- kafka-proposal-review -->';

/**
 * GitHub refuses a comment over 65,536 characters; the summary stays under this, with room for the
 * marker. A step summary may be 1 MiB, but one text serves both.
 */
export const MAX_SUMMARY_CHARS = 60_000;

/** The word for each kind of change, in the table and after a file's heading. */
const CHANGE_WORDS = {
  added: 'review.change.added',
  changed: 'review.change.changed',
  renamed: 'review.change.renamed',
  deleted: 'review.change.deleted',
  unchanged: 'review.change.unchanged',
} as const satisfies Record<ReviewedFile['change'], UiKey>;

export interface SummaryOptions {
  locale: Locale;
  /** The base ref as given, and the merge base it resolved to; absent when every proposal is reviewed as it is. */
  base?: { ref: string; commit: string };
  /** `--min-score`, when the policy is on. */
  minScore?: number;
  maxChars?: number;
}

export function reviewSummary(files: readonly ReviewedFile[], { locale, base, minScore, maxChars = MAX_SUMMARY_CHARS }: SummaryOptions): string {
  const t = translator(locale);
  const heads = files.flatMap((f) => (f.head ? [f.head] : []));
  const unbuildable = heads.filter((e) => e.errors.length > 0).length;
  const belowMinScore = heads.filter((e) => e.belowMinScore !== undefined).length;

  const intro: string[] = [REVIEW_COMMENT_MARKER, `## ${t('review.heading')}`, ''];
  intro.push(base ? t('review.comparedWith', { base: codeSpan(base.ref), commit: codeSpan(base.commit.slice(0, 12)) }) : t('review.everyProposal'));
  if (base) {
    const count = (change: ReviewedFile['change']) => files.filter((f) => f.change === change).length;
    intro.push('', t('review.counts', { changed: count('changed'), added: count('added'), renamed: count('renamed'), deleted: count('deleted') }));
  }
  intro.push('', unbuildable === 0 ? t('review.buildable') : t('review.unbuildable', { count: unbuildable }));
  if (belowMinScore > 0) intro.push('', t('review.belowMinScoreCount', { count: belowMinScore, min: minScore ?? 0 }));
  if (files.length === 0) return [...intro, '', t('review.noChanges'), ''].join('\n');

  const header = [
    '',
    `| ${[t('review.column.file'), ...(base ? [t('review.column.change')] : []), t('review.column.score'), t('review.column.level'), t('review.column.dod'), t('review.column.notMet'), t('review.column.errors')].join(' | ')} |`,
    `|${base ? ' --- |' : ''} --- | ---: | --- | --- | ---: | ---: |`,
  ];
  const rows = files.map((f) => tableRow(f, t, locale, base !== undefined));
  const details = files.map((f) => fileDetails(f, t, locale));

  // Within the budget: the intro and table header always; then rows, then details, file by file,
  // and the count of what did not fit.
  const out = [...intro, ...header];
  let used = out.join('\n').length;
  const reserve = 400;
  let shownRows = 0;
  for (const row of rows) {
    if (used + row.length + 1 > maxChars - reserve) break;
    out.push(row);
    used += row.length + 1;
    shownRows++;
  }
  let shownDetails = 0;
  for (const detail of details.slice(0, shownRows)) {
    if (detail === '') {
      shownDetails++;
      continue;
    }
    if (used + detail.length + 2 > maxChars - reserve) break;
    out.push('', detail);
    used += detail.length + 2;
    shownDetails++;
  }
  const hidden = files.length - Math.min(shownRows, shownDetails);
  if (hidden > 0) out.push('', t('review.truncated', { count: hidden }));
  out.push('');
  return out.join('\n');
}

function tableRow(f: ReviewedFile, t: Translate, locale: Locale, withChange: boolean): string {
  const entry = f.head ?? f.base;
  const cells = [githubText(f.file)];
  if (withChange) cells.push(t(CHANGE_WORDS[f.change]));
  cells.push(scoreCell(f, t), levelCell(entry, locale, t), dodCell(f.head, locale), f.head?.completeness ? String(f.head.completeness.notMet.length) : '—', f.head ? String(f.head.errors.length) : '—');
  return `| ${cells.join(' | ')} |`;
}

function scoreCell(f: ReviewedFile, t: Translate): string {
  if (f.score) {
    const delta = f.score.to - f.score.from;
    return delta === 0 ? String(f.score.to) : t('review.scoreChange', { from: f.score.from, to: f.score.to, delta: delta > 0 ? `+${delta}` : `−${-delta}` });
  }
  if (!f.head && f.base?.completeness) return t('review.wasScore', { score: f.base.completeness.score });
  return f.head?.completeness ? String(f.head.completeness.score) : '—';
}

function levelCell(entry: ReviewEntry | undefined, locale: Locale, t: Translate): string {
  if (!entry?.completeness) return t('review.notProposal');
  return COMPLETENESS_LEVELS.find((l) => l.id === entry.completeness!.level)!.name[locale];
}

function dodCell(entry: ReviewEntry | undefined, locale: Locale): string {
  if (!entry?.dod) return '—';
  const label = dodVerdict(entry.dod.verdict).label[locale];
  return entry.dod.verdict === 'none' ? label : `${label} ${entry.dod.met}/${entry.dod.total}`;
}

/** A file's section, or '' when a row says everything (no error, every rule met, nothing changed). */
function fileDetails(f: ReviewedFile, t: Translate, locale: Locale): string {
  const lines: string[] = [];
  if (f.baseFile) lines.push(t('review.renamedFrom', { file: codeSpan(f.baseFile) }));
  if (!f.head) lines.push(f.base?.completeness ? t('review.deletedWithScore', { score: f.base.completeness.score }) : t('review.deleted'));
  if (f.score && f.score.newlyMet.length > 0) lines.push(`- ${t('review.newlyMet', { rules: f.score.newlyMet.map(codeSpan).join(', ') })}`);
  if (f.score && f.score.newlyFailing.length > 0) lines.push(`- ${t('review.newlyFailing', { rules: f.score.newlyFailing.map(codeSpan).join(', ') })}`);
  const head = f.head;
  if (head && head.errors.length > 0) {
    lines.push('', `**${t('review.errors')}**`, '');
    for (const e of head.errors) lines.push(`- ${t('review.atLine', { line: e.line })} ${codeSpan(e.id)}: ${githubInline(e.message[locale])}`);
  }
  if (head?.belowMinScore !== undefined && head.completeness) {
    lines.push('', `- ${codeSpan('policy')}: ${githubText(t('review.belowMinScore', { score: head.completeness.score, min: head.belowMinScore }))}`);
  }
  if (head?.completeness && head.completeness.notMet.length > 0) {
    lines.push('', `**${t('review.rulesNotMet')}**`, '');
    for (const rule of head.completeness.notMet) lines.push(`- ${t('review.atLine', { line: rule.line })} ${codeSpan(rule.id)}: ${githubInline(rule.message[locale])}`);
  }
  if (lines.length === 0 && f.change === 'unchanged') return '';
  if (lines.length === 0 && head?.completeness) lines.push(t('review.allRulesMet'));
  const title = head?.id ?? f.base?.id ?? null;
  const failing = head !== undefined && isFailing(head);
  while (lines[0] === '') lines.shift();
  return [`### ${failing ? '❌ ' : ''}${codeSpan(title ?? f.file)}${f.change === 'unchanged' ? '' : ` (${t(CHANGE_WORDS[f.change])})`}`, '', ...lines].join('\n');
}
