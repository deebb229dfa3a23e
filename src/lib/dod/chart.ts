/**
 * The proposal page's chart of baseline against candidate (issue 14), as numbers: one panel per
 * metric, one row per result of that metric, each with two bars on a linear scale from 0, the `±`
 * spreads as whiskers and each threshold's target value marked. The component
 * (src/components/DodChart.astro) only draws what this computes and words it, so the geometry is
 * tested here and the page is an SVG rendered at build time, with no script.
 *
 * Coordinates are in a fixed viewBox, CHART_WIDTH wide; a panel's height grows with its rows. Texts
 * that do not depend on the reader's language (numbers with their units) are made here; the words
 * around them come from the page's dictionaries.
 */
import type { Localized } from '../i18n/locales.ts';
import { findMetric } from '../vocabulary/metrics.ts';
import type { Better, DodAssessment, Measure, ResultRow, Threshold, VerdictOutcome } from './types.ts';
import { candidateAtThreshold } from './verdict.ts';

/**
 * The viewBox's width: narrow enough that a phone shows the chart at about its natural size, since
 * the figure scales to its box (no fixed width, nothing scrolls).
 */
export const CHART_WIDTH = 400;
/**
 * Where the bars start. Every text has a line of its own above what it names (the scenario, each
 * target, each bar's "基线 48 ms ± 1.4"), so a label never runs into a bar and can use the whole
 * width, whatever its length.
 */
export const PLOT_START = 8;
/** Where the axis' maximum falls; the rest is room for the last tick's label. */
export const PLOT_END = CHART_WIDTH - 24;
export const PLOT_WIDTH = PLOT_END - PLOT_START;

/**
 * A row: the scenario's line, a line per target, then for the baseline and then the candidate a
 * label's line and its bar, then a gap.
 */
export const SCENARIO_HEIGHT = 20;
export const TARGET_HEIGHT = 17;
export const LABEL_HEIGHT = 16;
export const BAR_HEIGHT = 14;
export const BAR_GAP = 6;
export const ROW_GAP = 14;
/** How tall a row with this many targets is. */
export const rowHeight = (targets: number) => SCENARIO_HEIGHT + targets * TARGET_HEIGHT + 2 * (LABEL_HEIGHT + BAR_HEIGHT) + BAR_GAP + ROW_GAP;
/** Above the first row, and below the last one for the axis and its labels. */
export const PANEL_TOP = 8;
export const AXIS_HEIGHT = 28;

/** Room above the largest value, so its whisker and the target never touch the axis' end. */
const HEADROOM = 1.1;
/** The axis aims for about this many steps between 0 and its maximum. */
const TICK_STEPS = 4;

export interface ChartBar {
  measure: Measure;
  /** "48 ms ± 1.4": the measure as the table wrote it. */
  label: string;
  /** The bar's left edge is PLOT_START; it ends at `x + width`. */
  x: number;
  width: number;
  /** The bar's top; it is BAR_HEIGHT tall. */
  y: number;
  /** The baseline of the label's text, on the line above the bar. */
  labelY: number;
  /** The `±` spread as a whisker, [value − spread, value + spread] on the scale, clamped to it. */
  whisker?: { from: number; to: number };
}

/** One threshold's target value on one row: the line the candidate has to be on the right side of. */
export interface ChartTarget {
  /** Index into `DodAssessment.thresholds`. */
  threshold: number;
  kind: Threshold['kind'];
  /** In percent of the baseline, as the DoD line says it. */
  bound: number;
  /** The value the candidate must reach (`atMost`: at or below it; `atLeast`: at or above it). */
  value: number;
  side: 'atMost' | 'atLeast';
  /** "40.8 ms". */
  label: string;
  x: number;
  /** The baseline of this target's line of text, under the scenario's. */
  labelY: number;
  /** The verdict of this threshold on this row's scenario, when the engine judged one. */
  outcome?: VerdictOutcome;
}

export interface ChartRow {
  /** Index into `DodAssessment.rows`. */
  row: number;
  scenario: string;
  /** The row's top; the scenario's text sits on its first SCENARIO_HEIGHT. */
  y: number;
  /** The baseline of the scenario's text. */
  scenarioY: number;
  baseline: ChartBar;
  candidate: ChartBar;
  /** One per threshold on this row's metric; none when no threshold applies. */
  targets: ChartTarget[];
  runs?: number;
}

export interface ChartTick {
  value: number;
  /** "40", "0.5": the axis' numbers; the panel's unit is said once, after the last one. */
  label: string;
  x: number;
}

export interface ChartPanel {
  /** The metric vocabulary's id. */
  metric: string;
  /**
   * The metric's name in each interface language; the text as written for an id the vocabulary no
   * longer has (a record kept from an older vocabulary).
   */
  name: Localized;
  /** Whether `name` is the author's text (shown in the proposal's language) rather than the vocabulary's. */
  asWritten: boolean;
  /** Which way is better, when the vocabulary knows the metric. */
  better?: Better;
  /** The unit every value of the panel shares, absent for bare numbers. */
  unit?: string;
  /** The axis' maximum: a round number above every value, spread and target, with headroom. */
  max: number;
  ticks: ChartTick[];
  rows: ChartRow[];
  /** The viewBox's height. */
  height: number;
  /** The axis' line, below the last row. */
  axisY: number;
}

export interface DodChart {
  panels: ChartPanel[];
  /** Rows left out because their baseline and candidate are in different units: one scale cannot show both. */
  leftOut: number[];
}

/** "48.2 ms", "72%", "3": a value and its unit as a results table writes them. */
export function withUnit(value: string, unit: string | undefined): string {
  if (!unit) return value;
  return unit === '%' || unit === '‰' ? `${value}${unit}` : `${value} ${unit}`;
}

/**
 * A number for a label: a measured value as written (JavaScript prints 48.2 as `48.2`), a computed
 * one (a target, a tick) to three significant figures at most and without a trailing `.0`, never in
 * exponent notation and never grouped (authors write `3100 ms`).
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const decimals = Math.min(Math.max(2 - magnitude, 0), 12);
  return String(Number(value.toFixed(decimals)));
}

/** "48 ms ± 1.4": a measure as the results table wrote it. */
export function measureLabel(measure: Measure): string {
  const value = withUnit(String(measure.value), measure.unit);
  return measure.spread === undefined ? value : `${value} ± ${measure.spread}`;
}

/** A percentage to one decimal, signed with a true minus: `−25.1%`, `+0.8%`, `0%`. */
export function formatPercent(value: number, signed = true): string {
  const rounded = Math.round(Math.abs(value) * 10) / 10;
  if (rounded === 0) return '0%';
  return `${signed ? (value < 0 ? '−' : '+') : ''}${rounded}%`;
}

/**
 * How the metric moved from the baseline, in percent of it, as the numbers go (a latency that fell
 * is negative, whether or not that is better): the reader compares it with the values beside it.
 */
export function percentChange(row: Pick<ResultRow, 'baseline' | 'candidate'>): number {
  return ((row.candidate.value - row.baseline.value) * 100) / row.baseline.value;
}

/** "−25.1% ± 4.1%": the change, and the stated spreads as a share of the baseline when there are any. */
export function changeLabel(row: Pick<ResultRow, 'baseline' | 'candidate'>, uncertainty?: number): string {
  const change = formatPercent(percentChange(row));
  return uncertainty === undefined ? change : `${change} ± ${formatPercent(uncertainty, false)}`;
}

/**
 * The value a threshold asks of the candidate, from the baseline, as the verdicts judge it
 * (`candidateAtThreshold`): an improvement of B% on a lower-is-better metric is baseline·(1 − B/100)
 * or below; no regression over T% is baseline·(1 + T/100) or below; mirrored for higher-is-better.
 */
export function targetValue(baseline: number, better: Better, kind: Threshold['kind'], bound: number): { value: number; side: 'atMost' | 'atLeast' } {
  return { value: candidateAtThreshold({ kind, bound }, baseline, better), side: better === 'lower' ? 'atMost' : 'atLeast' };
}

/** A round step (1, 2 or 5 times a power of ten) that cuts [0, max] into about TICK_STEPS parts. */
export function niceStep(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const rough = max / TICK_STEPS;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** A unit as the parser compares them: `GB/s` and `GB / s` are one unit. */
const unitKey = (unit: string | undefined) => (unit ?? '').replace(/\s+/g, '');

/** The chart of an assessment: no panels when its results table has no rows. */
export function dodChart(assessment: DodAssessment): DodChart {
  const leftOut: number[] = [];
  // Panels keyed by metric and unit, in the order the table first names them: `ms` and `s` of one
  // metric cannot share a scale.
  const groups = new Map<string, { metric: string; unit?: string; rows: number[] }>();
  assessment.rows.forEach((row, index) => {
    if (unitKey(row.baseline.unit) !== unitKey(row.candidate.unit)) {
      leftOut.push(index);
      return;
    }
    const metric = row.metric;
    const key = `${metric}\u0000${unitKey(row.baseline.unit)}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { metric, unit: row.baseline.unit, rows: [] }));
    group.rows.push(index);
  });

  const panels = [...groups.values()].map(({ metric, unit, rows }) => panel(assessment, metric, unit, rows));
  return { panels, leftOut };
}

function panel(assessment: DodAssessment, metric: string, unit: string | undefined, rowIndexes: number[]): ChartPanel {
  const first = assessment.rows[rowIndexes[0]!]!;
  const known = findMetric(metric);
  const better = known?.better;

  // Thresholds only apply to a metric the vocabulary knows: it says which way is better.
  const thresholds = better === undefined ? [] : assessment.thresholds.map((threshold, index) => ({ threshold, index })).filter(({ threshold }) => threshold.metric === metric);

  const targetsOf = (rowIndex: number) => {
    const row = assessment.rows[rowIndex]!;
    return thresholds.map(({ threshold, index }) => {
      const { value, side } = targetValue(row.baseline.value, better!, threshold.kind, threshold.bound);
      const verdict =
        assessment.verdicts.find((v) => v.threshold === index && v.row === rowIndex) ??
        assessment.verdicts.find((v) => v.threshold === index && v.row === undefined && v.scenario === row.scenario);
      return { threshold: index, kind: threshold.kind, bound: threshold.bound, value, side, label: withUnit(formatNumber(value), unit), outcome: verdict?.outcome };
    });
  };
  const prepared = rowIndexes.map((index) => ({ index, row: assessment.rows[index]!, targets: targetsOf(index) }));

  const top = (m: Measure) => m.value + Math.abs(m.spread ?? 0);
  // A value the parser could not hold as a finite number is drawn at the axis' end, never scaled by.
  const highest = Math.max(0, ...prepared.flatMap(({ row, targets }) => [top(row.baseline), top(row.candidate), ...targets.map((t) => t.value)]).filter(Number.isFinite));
  const span = Math.min(highest * HEADROOM, Number.MAX_VALUE);
  const step = niceStep(span);
  const rounded = Math.ceil(span / step) * step;
  const max = highest > 0 ? (Number.isFinite(rounded) ? rounded : span) : step * TICK_STEPS;

  const x = (value: number) => PLOT_START + (Number.isNaN(value) ? 0 : Math.min(Math.max(value, 0), max) / max) * PLOT_WIDTH;
  const bar = (measure: Measure, top: number): ChartBar => {
    const end = x(measure.value);
    const spread = measure.spread === undefined ? undefined : Math.abs(measure.spread);
    const y = top + LABEL_HEIGHT;
    return {
      measure,
      label: measureLabel(measure),
      x: PLOT_START,
      width: end - PLOT_START,
      y,
      labelY: y - 4,
      ...(spread === undefined || spread === 0 ? {} : { whisker: { from: x(measure.value - spread), to: x(measure.value + spread) } }),
    };
  };

  let next = PANEL_TOP;
  const rows: ChartRow[] = prepared.map(({ index, row, targets }) => {
    const y = next;
    next += rowHeight(targets.length);
    const barsTop = y + SCENARIO_HEIGHT + targets.length * TARGET_HEIGHT;
    return {
      row: index,
      scenario: row.scenario,
      y,
      scenarioY: y + 14,
      baseline: bar(row.baseline, barsTop),
      candidate: bar(row.candidate, barsTop + LABEL_HEIGHT + BAR_HEIGHT + BAR_GAP),
      targets: targets.map((t, i) => ({ ...t, x: x(t.value), labelY: y + SCENARIO_HEIGHT + i * TARGET_HEIGHT + 12 })),
      ...(row.runs === undefined ? {} : { runs: row.runs }),
    };
  });

  const ticks: ChartTick[] = [];
  // At most 11 ticks for any round step; the bound only guards values at the edge of what a double holds.
  for (let i = 0; i * step <= max * (1 + 1e-9) && i <= 2 * TICK_STEPS + 3; i++) {
    const value = i * step;
    ticks.push({ value, label: formatNumber(value), x: x(value) });
  }

  const axisY = next - ROW_GAP / 2;
  return {
    metric,
    name: known ? known.name : { zh: first.metricText, en: first.metricText },
    asWritten: !known,
    ...(better === undefined ? {} : { better }),
    ...(unit === undefined ? {} : { unit }),
    max,
    ticks,
    rows,
    height: axisY + AXIS_HEIGHT,
    axisY,
  };
}
