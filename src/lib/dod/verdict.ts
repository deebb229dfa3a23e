/**
 * Judges a proposal's results against its own Definition of Done (issue 14): each threshold on each
 * scenario of the results table, met, missed, inconclusive or without data, and the proposal-wide
 * verdict. Pure; the reader calls `dodOfBody` once per reading and keeps the result in the record.
 */
import { quotedCode } from '../completeness/text.ts';
import type { Localized } from '../i18n/locales.ts';
import type { AnalysedBody } from '../markdown/analyse.ts';
import { findMetric } from '../vocabulary/metrics.ts';
import { readDod, type DodReading } from './parse.ts';
import type { Better, DodAssessment, DodVerdict, ResultRow, Threshold, Verdict } from './types.ts';

/** Fewer runs than this, and a result is inconclusive whatever it shows. */
export const MIN_RUNS = 3;

/** Floating-point slack for comparing percentages: 15% computed as 14.999999999999998 still meets ≥ 15%. */
const EPSILON = 1e-9;

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** A percentage as a reason shows it: `+12.4%`, `−3%`. */
function percent(x: number, signed = true): string {
  const text = String(Math.round(Math.abs(x) * 10) / 10);
  return `${signed ? (x < 0 ? '−' : '+') : ''}${text}%`;
}

/** What a threshold requires of the improvement: at least `bound`, or no worse than `−bound`. */
export function requiredImprovement(threshold: Pick<Threshold, 'kind' | 'bound'>): number {
  return threshold.kind === 'improve' ? threshold.bound : -threshold.bound;
}

/** The change from the baseline, in percent of it, signed so that positive is better. */
export function improvementOf(row: Pick<ResultRow, 'baseline' | 'candidate'>, better: Better): number {
  const b = row.baseline.value;
  const c = row.candidate.value;
  return better === 'lower' ? ((b - c) * 100) / b : ((c - b) * 100) / b;
}

/**
 * The candidate value that just meets a threshold, in the row's unit: where a chart marks the
 * threshold beside the baseline and the candidate.
 */
export function candidateAtThreshold(threshold: Pick<Threshold, 'kind' | 'bound'>, baseline: number, better: Better): number {
  const required = requiredImprovement(threshold) / 100;
  return better === 'lower' ? baseline * (1 - required) : baseline * (1 + required);
}

/** The threshold as a reason names it: `≥ 15%` to improve, `≥ −2%` for no regression. */
function requirement(threshold: Threshold): Localized {
  return threshold.kind === 'improve'
    ? { zh: `改善至少 ${percent(threshold.bound, false)}`, en: `an improvement of at least ${percent(threshold.bound, false)}` }
    : { zh: `回退不超过 ${percent(threshold.bound, false)}`, en: `a regression of at most ${percent(threshold.bound, false)}` };
}

/** One threshold (the `index`-th) judged on one scenario, with the row of that scenario and metric if any. */
export function judge(threshold: Threshold, index: number, scenario: string, row: ResultRow | undefined, rowIndex?: number): Verdict {
  const metric = findMetric(threshold.metric);
  const name = metric?.name ?? { zh: threshold.metric, en: threshold.metric };
  if (!row || !metric) {
    return {
      threshold: index,
      scenario,
      outcome: 'no-data',
      reason: {
        zh: `结果表里没有场景 ${quotedCode(scenario)} 的${name.zh}一行。`,
        en: `The results table has no ${name.en} row for scenario ${quotedCode(scenario)}.`,
      },
    };
  }
  const improvement = improvementOf(row, metric.better);
  const required = requiredImprovement(threshold);
  const verdict: Verdict = { threshold: index, scenario, outcome: 'met', improvement: round(improvement), required };
  if (rowIndex !== undefined) verdict.row = rowIndex;
  const spread = (row.baseline.spread ?? 0) + (row.candidate.spread ?? 0);
  const uncertainty = (spread * 100) / row.baseline.value;
  if (row.baseline.spread !== undefined || row.candidate.spread !== undefined) verdict.uncertainty = round(uncertainty);

  if (row.runs !== undefined && row.runs < MIN_RUNS) {
    verdict.outcome = 'inconclusive';
    verdict.reason = {
      zh: `只跑了 ${row.runs} 次，至少 ${MIN_RUNS} 次才能下结论。`,
      en: `Only ${row.runs} run${row.runs === 1 ? '' : 's'}: at least ${MIN_RUNS} are needed to conclude.`,
    };
  } else if (improvement - uncertainty >= required - EPSILON) {
    verdict.outcome = 'met';
  } else if (improvement + uncertainty < required - EPSILON) {
    verdict.outcome = 'missed';
  } else {
    const need = requirement(threshold);
    verdict.outcome = 'inconclusive';
    verdict.reason = {
      zh: `变化为 ${percent(improvement)}（误差 ±${percent(uncertainty, false)}），阈值（${need.zh}）落在所报误差之内：判断不了是否达标。`,
      en: `The change, ${percent(improvement)} ± ${percent(uncertainty, false)}, has the threshold (${need.en}) within its stated spread: whether it is met cannot be told.`,
    };
  }
  return verdict;
}

/** The proposal-wide verdict: `missed` if any is, else `inconclusive` if any is or has no data, else `met`; `none` without verdicts. */
export function overallVerdict(verdicts: readonly Verdict[]): DodVerdict {
  if (verdicts.length === 0) return 'none';
  if (verdicts.some((v) => v.outcome === 'missed')) return 'missed';
  if (verdicts.some((v) => v.outcome === 'inconclusive' || v.outcome === 'no-data')) return 'inconclusive';
  return 'met';
}

/** Judges every threshold on every scenario of the table, in table order. Lines stay as the reading has them. */
export function assessDod(reading: DodReading): DodAssessment {
  const { rows, thresholds, unreadable } = reading;
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const rowIndex = new Map(rows.map((row, i) => [`${row.scenario}\0${row.metric}`, i]));
  const verdicts = thresholds.flatMap((threshold, t) =>
    scenarios.map((scenario) => {
      const i = rowIndex.get(`${scenario}\0${threshold.metric}`);
      return judge(threshold, t, scenario, i === undefined ? undefined : rows[i], i);
    }),
  );
  const assessment: DodAssessment = {
    rows,
    thresholds,
    unreadable,
    scenarios,
    verdicts,
    verdict: overallVerdict(verdicts),
    met: verdicts.filter((v) => v.outcome === 'met').length,
    total: verdicts.length,
  };
  if (reading.resultsTableLine !== undefined) assessment.resultsTableLine = reading.resultsTableLine;
  if (reading.dodLine !== undefined) assessment.dodLine = reading.dodLine;
  return assessment;
}

/** Assessments already made, by the analysis they were made from: the reader and the completeness rule share one. */
const assessed = new WeakMap<AnalysedBody, DodAssessment>();

/**
 * The assessment of a body's section 5, in the body's lines. Made once per analysis: the reader and
 * the `dod-verdict` rule both ask for it. Treat it as read-only; `dodInFile` gives a copy.
 */
export function dodOfBody(analysed: AnalysedBody): DodAssessment {
  let assessment = assessed.get(analysed);
  if (!assessment) {
    assessment = assessDod(readDod(analysed.sections.find((s) => s.key === 'performance')));
    assessed.set(analysed, assessment);
  }
  return assessment;
}

/**
 * The same assessment in the file's lines, for a record: `line + bodyStartLine − 1`, as
 * `assessCompleteness` turns rule lines into file lines. A fresh plain object, safe to keep as JSON.
 */
export function dodInFile(assessment: DodAssessment, bodyStartLine: number): DodAssessment {
  const shift = <T extends { line: number }>(item: T): T => ({ ...item, line: item.line + bodyStartLine - 1 });
  const copy: DodAssessment = structuredClone(assessment);
  copy.rows = copy.rows.map(shift);
  copy.thresholds = copy.thresholds.map(shift);
  copy.unreadable = copy.unreadable.map(shift);
  if (copy.resultsTableLine !== undefined) copy.resultsTableLine += bodyStartLine - 1;
  if (copy.dodLine !== undefined) copy.dodLine += bodyStartLine - 1;
  return copy;
}
