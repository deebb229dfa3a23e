/**
 * The words for whether a proposal's evidence meets its Definition of Done (issue 14): the verdict
 * of each threshold on each scenario, and the proposal-wide verdict that `data-dod-verdict`, the
 * lists' "DoD 5/6" mark, the filters and the proposal page's results all say. One vocabulary, so a
 * filter and a page never call the same verdict two names.
 */
import type { Localized } from '../i18n/locales.ts';
import type { DodVerdict, VerdictOutcome } from '../dod/types.ts';

export interface DodTerm<Id extends string> {
  readonly id: Id;
  /** The word a table, a filter or a mark shows. */
  readonly label: Localized;
  /** What it means, in a sentence: a filter's description, the template's documentation. */
  readonly meaning: Localized;
  /**
   * A sign beside the word, never in its place (the word says it; colour and sign only add), and
   * hidden from assistive technology.
   */
  readonly icon: string;
}

/** One threshold judged on one scenario (`Verdict.outcome`), in the order a reader weighs them. */
export const DOD_OUTCOMES = [
  {
    id: 'met',
    label: { zh: '达成', en: 'Met' },
    meaning: {
      zh: '候选相对基线的变化达到阈值，且超出所报告的波动范围。',
      en: 'The candidate’s change from the baseline reaches the threshold, beyond the reported spread.',
    },
    icon: '✓',
  },
  {
    id: 'missed',
    label: { zh: '未达成', en: 'Missed' },
    meaning: {
      zh: '候选相对基线的变化未达到阈值，且超出所报告的波动范围。',
      en: 'The candidate’s change from the baseline falls short of the threshold, beyond the reported spread.',
    },
    icon: '✗',
  },
  {
    id: 'inconclusive',
    label: { zh: '待定', en: 'Inconclusive' },
    meaning: {
      zh: '数据还不足以判定：变化落在所报告的波动范围内，或运行次数少于 3 次。',
      en: 'The data cannot decide yet: the change is within the reported spread, or there were fewer than 3 runs.',
    },
    icon: '?',
  },
  {
    id: 'no-data',
    label: { zh: '无数据', en: 'No data' },
    meaning: {
      zh: '结果表中没有该场景下这一指标的数据。',
      en: 'The results table has no row for this metric in this scenario.',
    },
    icon: '–',
  },
] as const satisfies readonly DodTerm<VerdictOutcome>[];

/** The proposal-wide verdict (`DodAssessment.verdict`, `data-dod-verdict`), in filter order. */
export const DOD_VERDICTS = [
  {
    id: 'met',
    label: { zh: '达成', en: 'Met' },
    meaning: { zh: '每个 DoD 阈值在每个场景下都已达成。', en: 'Every DoD threshold is met in every scenario.' },
    icon: '✓',
  },
  {
    id: 'missed',
    label: { zh: '未达成', en: 'Missed' },
    meaning: { zh: '至少一个 DoD 阈值在某个场景下未达成。', en: 'At least one DoD threshold is missed in some scenario.' },
    icon: '✗',
  },
  {
    id: 'inconclusive',
    label: { zh: '待定', en: 'Inconclusive' },
    meaning: {
      zh: '没有未达成的阈值，但至少一项待定或缺少数据。',
      en: 'No threshold is missed, but at least one is inconclusive or has no data.',
    },
    icon: '?',
  },
  {
    id: 'none',
    label: { zh: '无结果', en: 'None' },
    meaning: {
      zh: '没有可判定的内容：第 5 节没有 DoD 阈值或没有结果表。',
      en: 'Nothing to judge: section 5 has no DoD threshold or no results table.',
    },
    icon: '–',
  },
] as const satisfies readonly DodTerm<DodVerdict>[];

export type DodVerdictTerm = DodTerm<DodVerdict>;
export type DodOutcomeTerm = DodTerm<VerdictOutcome>;

export const DOD_VERDICT_IDS = DOD_VERDICTS.map((v) => v.id) as DodVerdict[];

const verdictsById = new Map<string, DodTerm<DodVerdict>>(DOD_VERDICTS.map((v) => [v.id, v]));
const outcomesById = new Map<string, DodTerm<VerdictOutcome>>(DOD_OUTCOMES.map((o) => [o.id, o]));

/** The words for a proposal-wide verdict. */
export function dodVerdict(id: DodVerdict): DodTerm<DodVerdict> {
  return verdictsById.get(id)!;
}

/** The words for one threshold's outcome on one scenario. */
export function dodOutcome(id: VerdictOutcome): DodTerm<VerdictOutcome> {
  return outcomesById.get(id)!;
}

/** Whether a text (a URL parameter, a `data-` attribute) is a verdict id. */
export function isDodVerdict(value: unknown): value is DodVerdict {
  return typeof value === 'string' && verdictsById.has(value);
}
