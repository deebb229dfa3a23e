/**
 * Does a proposal's evidence meet its own Definition of Done? (issue 14). The shapes shared by the
 * parser (results table and DoD lines in section 5), the verdicts, the completeness rule, the pages
 * and the API. Plain data: a `DodAssessment` is part of a proposal's record, computed once per version
 * of the file by the reader, cached with it, and read by every page that shows it.
 *
 * Lines are 1-based, and mean what the completeness checks' lines mean where they are: in a record
 * (`ProposalRecord.dod`, `ReadProposal.dod`) a line of the proposal file, as `CompletenessCheck.line`;
 * straight from the parser (`readDod`, `assessDod`, `dodOfBody`) a line of the body, as
 * `RuleResult.line`. `dodInFile` turns the one into the other, as `assessCompleteness` does.
 *
 * Texts for the reader (`reason`) are inline Markdown in every interface language, like rule
 * messages; an author's words in them are quoted as code.
 */
import type { Localized } from '../i18n/locales.ts';

/** Which way a metric is better: latency and CPU lower, throughput higher. */
export type Better = 'lower' | 'higher';

/** A measured value as the results table writes it: `48.2 ms ± 1.1`, `1.21 GB/s`, `72%`. */
export interface Measure {
  value: number;
  /** As written (NFKC: a full-width `％` is `%`), such as `ms`, `GB/s`, `%`; absent for a bare number. */
  unit?: string;
  /** The `±` spread, in the value's unit; absent when none is given. */
  spread?: number;
}

/** One row of the results table: one scenario and one metric. */
export interface ResultRow {
  /** 1-based line (see above). */
  line: number;
  /** As written, its spaces collapsed. */
  scenario: string;
  /** The metric as written in its cell. */
  metricText: string;
  /**
   * The metric vocabulary's id (src/lib/vocabulary/metrics.ts). Always there: a row whose metric the
   * vocabulary does not know is unreadable, not a row.
   */
  metric: string;
  baseline: Measure;
  candidate: Measure;
  /** The `次数`/`Runs` column, when the table has one. */
  runs?: number;
}

/** A row or a DoD line that could not be read, with why: reported, never guessed. */
export interface Unreadable {
  line: number;
  /** Where it is: a row of the results table, or a line of the DoD list. */
  source: 'table' | 'dod';
  /** The row's source line, or the DoD line (or its clause, where `;` or `。` separates several) as written. */
  text: string;
  reason: Localized;
}

/**
 * A DoD line read as a threshold. `improve`: the metric must get better by at least `bound` percent
 * ("p99 降低 ≥ 15%"). `no-regression`: it must not get worse by more than `bound` percent ("吞吐不退化超过 2%").
 */
export interface Threshold {
  line: number;
  /**
   * The DoD line as written, without its list marker; where `;` or `。` separates several clauses,
   * the clause. A line that lists several metrics gives one threshold each, with the same text.
   */
  text: string;
  /** The metric vocabulary's id. */
  metric: string;
  kind: 'improve' | 'no-regression';
  /** In percent of the baseline. */
  bound: number;
}

export type VerdictOutcome = 'met' | 'missed' | 'inconclusive' | 'no-data';

/** One threshold judged on one scenario. */
export interface Verdict {
  /** Index into `DodAssessment.thresholds`. */
  threshold: number;
  scenario: string;
  outcome: VerdictOutcome;
  /** Index into `DodAssessment.rows` of the row it was judged on, when there is one. */
  row?: number;
  /**
   * The candidate's change from the baseline, in percent of the baseline, signed so that positive is
   * better: (b−c)/b for a metric where lower is better, (c−b)/b where higher is. Rounded to 1e-6.
   */
  improvement?: number;
  /**
   * What the threshold requires of `improvement`: `bound` to improve, `−bound` for no regression.
   */
  required?: number;
  /**
   * The stated spreads as a share of the baseline, (sb+sc)/b in percent: the improvement lies within
   * `improvement ± uncertainty`. Absent when the row gives no spread.
   */
  uncertainty?: number;
  /**
   * Why inconclusive (the change is within the stated spread, or fewer than 3 runs) or why no data
   * (no row of that scenario and metric).
   */
  reason?: Localized;
}

/** The proposal-wide verdict, as `data-dod-verdict` and the filters say it. */
export type DodVerdict = 'met' | 'missed' | 'inconclusive' | 'none';

export interface DodAssessment {
  /** The results table's rows that could be read, in document order (every results table of section 5). */
  rows: ResultRow[];
  thresholds: Threshold[];
  /** Table rows and DoD lines that could not be read, by line. */
  unreadable: Unreadable[];
  /** The line of the first results table's header, when section 5 has one. */
  resultsTableLine?: number;
  /** The line of the DoD label (`**验收阈值（Definition of Done）**`), when section 5 has one. */
  dodLine?: number;
  /** The distinct scenarios of the rows, in table order: the columns of the verdicts. */
  scenarios: string[];
  verdicts: Verdict[];
  /**
   * `none` when there is no threshold or no result to judge; else `missed` if any verdict is missed,
   * `inconclusive` if any is inconclusive or has no data, `met` when every one is met.
   */
  verdict: DodVerdict;
  /** Verdicts met, out of all verdicts (`verdicts.length`, one per threshold and scenario): "DoD 5/6". */
  met: number;
  total: number;
}
