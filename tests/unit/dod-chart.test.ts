import { describe, expect, it } from 'vitest';
import {
  BAR_GAP,
  changeLabel,
  formatPercent,
  percentChange,
  BAR_HEIGHT,
  dodChart,
  formatNumber,
  measureLabel,
  niceStep,
  PANEL_TOP,
  PLOT_END,
  PLOT_START,
  PLOT_WIDTH,
  LABEL_HEIGHT,
  rowHeight,
  TARGET_HEIGHT,
  SCENARIO_HEIGHT,
  targetValue,
  withUnit,
  type ChartPanel,
} from '../../src/lib/dod/chart.ts';
import type { DodAssessment, Measure, ResultRow, Threshold, Verdict } from '../../src/lib/dod/types.ts';

const row = (scenario: string, metricText: string, metric: string, baseline: Measure, candidate: Measure, runs = 5): ResultRow => ({
  line: 10,
  scenario,
  metricText,
  metric,
  baseline,
  candidate,
  runs,
});

function assessment(rows: ResultRow[], thresholds: Threshold[] = [], verdicts: Verdict[] = []): DodAssessment {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  return { rows, thresholds, unreadable: [], scenarios, verdicts, verdict: 'none', met: 0, total: verdicts.length };
}

const threshold = (metric: string, kind: Threshold['kind'], bound: number): Threshold => ({ line: 20, text: `${metric} ${kind} ${bound}%`, metric, kind, bound });

/** Where a value falls on a panel's scale. */
const xOf = (panel: ChartPanel, value: number) => PLOT_START + (value / panel.max) * PLOT_WIDTH;

describe('targetValue', () => {
  it('asks a lower-is-better metric to fall by the bound to improve, and not to rise by more than it', () => {
    expect(targetValue(100, 'lower', 'improve', 15)).toMatchObject({ side: 'atMost' });
    expect(targetValue(100, 'lower', 'improve', 15).value).toBeCloseTo(85);
    expect(targetValue(100, 'lower', 'no-regression', 2)).toMatchObject({ side: 'atMost' });
    expect(targetValue(100, 'lower', 'no-regression', 2).value).toBeCloseTo(102);
  });

  it('mirrors it for a higher-is-better metric', () => {
    expect(targetValue(100, 'higher', 'improve', 10)).toMatchObject({ side: 'atLeast' });
    expect(targetValue(100, 'higher', 'improve', 10).value).toBeCloseTo(110);
    expect(targetValue(100, 'higher', 'no-regression', 3)).toMatchObject({ side: 'atLeast' });
    expect(targetValue(100, 'higher', 'no-regression', 3).value).toBeCloseTo(97);
  });
});

describe('labels', () => {
  it('writes a percentage against its number and any other unit after a space', () => {
    expect(withUnit('72', '%')).toBe('72%');
    expect(withUnit('48.2', 'ms')).toBe('48.2 ms');
    expect(withUnit('1.21', 'GB/s')).toBe('1.21 GB/s');
    expect(withUnit('3', undefined)).toBe('3');
  });

  it('writes a measure as the table did, with its spread', () => {
    expect(measureLabel({ value: 48.2, unit: 'ms', spread: 1.1 })).toBe('48.2 ms ± 1.1');
    expect(measureLabel({ value: 1.21, unit: 'GB/s' })).toBe('1.21 GB/s');
    expect(measureLabel({ value: 72, unit: '%' })).toBe('72%');
  });

  it('rounds computed numbers to three significant figures, without exponents, grouping or a trailing .0', () => {
    expect(formatNumber(48 * 0.85)).toBe('40.8');
    expect(formatNumber(3100 * 0.85)).toBe('2635');
    expect(formatNumber(1.21 * 1.1)).toBe('1.33');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(40)).toBe('40');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('niceStep', () => {
  it('is 1, 2 or 5 times a power of ten, cutting the range into about four parts', () => {
    expect(niceStep(100)).toBe(50);
    expect(niceStep(66)).toBe(20);
    expect(niceStep(1.4)).toBe(0.5);
    expect(niceStep(4000)).toBe(1000);
    expect(niceStep(0)).toBe(1);
  });
});

describe('dodChart', () => {
  it('has no panels when the table has no rows, thresholds or not', () => {
    expect(dodChart(assessment([])).panels).toEqual([]);
    expect(dodChart(assessment([], [threshold('latency-p99', 'improve', 15)])).panels).toEqual([]);
  });

  it('makes one panel per metric, in the order the table first names them, one row per scenario', () => {
    const chart = dodChart(
      assessment([
        row('A', 'p99 latency', 'latency-p99', { value: 48, unit: 'ms' }, { value: 33, unit: 'ms' }),
        row('A', 'throughput', 'throughput', { value: 1.21, unit: 'GB/s' }, { value: 1.22, unit: 'GB/s' }),
        row('B', 'p99 latency', 'latency-p99', { value: 61, unit: 'ms' }, { value: 44, unit: 'ms' }),
        row('B', 'throughput', 'throughput', { value: 1.1, unit: 'GB/s' }, { value: 1.12, unit: 'GB/s' }),
        row('C', 'p99 latency', 'latency-p99', { value: 55, unit: 'ms' }, { value: 41, unit: 'ms' }),
      ]),
    );
    expect(chart.panels.map((p) => [p.metric, p.unit, p.rows.map((r) => r.scenario)])).toEqual([
      ['latency-p99', 'ms', ['A', 'B', 'C']],
      ['throughput', 'GB/s', ['A', 'B']],
    ]);
    const [latency] = chart.panels;
    expect(latency!.name).toEqual({ zh: 'p99 延迟', en: 'p99 latency' });
    expect(latency!.asWritten).toBe(false);
    expect(latency!.better).toBe('lower');
    expect(latency!.rows.map((r) => r.row)).toEqual([0, 2, 4]);
    // Rows stack: each one row's height below the last, the candidate's label and bar below the baseline's.
    expect(latency!.rows.map((r) => r.y)).toEqual([PANEL_TOP, PANEL_TOP + rowHeight(0), PANEL_TOP + 2 * rowHeight(0)]);
    const first = latency!.rows[0]!;
    expect(first.baseline.y).toBe(first.y + SCENARIO_HEIGHT + LABEL_HEIGHT);
    expect(first.candidate.y).toBe(first.baseline.y + BAR_HEIGHT + BAR_GAP + LABEL_HEIGHT);
    // Each label sits on its own line, above its bar and below what comes before it.
    expect(first.scenarioY).toBeLessThan(first.baseline.labelY);
    expect(first.baseline.labelY).toBeLessThan(first.baseline.y);
    expect(first.baseline.y + BAR_HEIGHT).toBeLessThan(first.candidate.labelY - 10);
    expect(first.candidate.labelY).toBeLessThan(first.candidate.y);
    expect(latency!.height).toBeGreaterThan(latency!.axisY);
    expect(latency!.axisY).toBeGreaterThan(latency!.rows[2]!.candidate.y + BAR_HEIGHT);
  });

  it('scales every bar linearly from 0 to a round maximum above the largest value and spread, with headroom', () => {
    const [panel] = dodChart(
      assessment([
        row('A', 'p99', 'latency-p99', { value: 48, unit: 'ms', spread: 1.4 }, { value: 33, unit: 'ms', spread: 1.1 }),
        row('B', 'p99', 'latency-p99', { value: 61, unit: 'ms', spread: 1.9 }, { value: 44, unit: 'ms', spread: 1.5 }),
      ]),
    ).panels;
    // 62.9 with 10% headroom is 69.19: steps of 20, so the axis ends at 80.
    expect(panel!.max).toBe(80);
    expect(panel!.ticks.map((t) => [t.value, t.label])).toEqual([
      [0, '0'],
      [20, '20'],
      [40, '40'],
      [60, '60'],
      [80, '80'],
    ]);
    expect(panel!.ticks[0]!.x).toBe(PLOT_START);
    expect(panel!.ticks.at(-1)!.x).toBe(PLOT_END);
    const [a, b] = panel!.rows;
    expect(a!.baseline.x).toBe(PLOT_START);
    expect(a!.baseline.width).toBeCloseTo((48 / 80) * PLOT_WIDTH);
    expect(a!.candidate.width).toBeCloseTo((33 / 80) * PLOT_WIDTH);
    expect(b!.baseline.width).toBeCloseTo((61 / 80) * PLOT_WIDTH);
    // Every bar, with its whisker, ends inside the axis.
    for (const r of panel!.rows) for (const bar of [r.baseline, r.candidate]) expect(bar.whisker!.to).toBeLessThan(PLOT_END);
    expect(a!.baseline.label).toBe('48 ms ± 1.4');
    expect(a!.candidate.label).toBe('33 ms ± 1.1');
  });

  it('draws each spread as a whisker from value − spread to value + spread, and none without a spread', () => {
    const [panel] = dodChart(assessment([row('A', 'CPU', 'cpu', { value: 50, unit: '%', spread: 5 }, { value: 40, unit: '%' })])).panels;
    const r = panel!.rows[0]!;
    expect(r.baseline.whisker!.from).toBeCloseTo(xOf(panel!, 45));
    expect(r.baseline.whisker!.to).toBeCloseTo(xOf(panel!, 55));
    expect(r.candidate.whisker).toBeUndefined();
    expect(r.candidate.label).toBe('40%');
  });

  it('marks an improvement on a lower-is-better metric at baseline·(1 − B/100), with the verdict of that row', () => {
    const chart = dodChart(
      assessment(
        [row('A', 'p99', 'latency-p99', { value: 48, unit: 'ms' }, { value: 33, unit: 'ms' }), row('B', 'p99', 'latency-p99', { value: 60, unit: 'ms' }, { value: 58, unit: 'ms' })],
        [threshold('latency-p99', 'improve', 15)],
        [
          { threshold: 0, scenario: 'A', outcome: 'met', row: 0, improvement: 31.25 },
          { threshold: 0, scenario: 'B', outcome: 'missed', row: 1, improvement: 3.33 },
        ],
      ),
    );
    const [panel] = chart.panels;
    const [a, b] = panel!.rows;
    expect(a!.targets).toHaveLength(1);
    expect(a!.targets[0]).toMatchObject({ threshold: 0, kind: 'improve', bound: 15, side: 'atMost', label: '40.8 ms', outcome: 'met' });
    expect(a!.targets[0]!.value).toBeCloseTo(40.8);
    expect(a!.targets[0]!.x).toBeCloseTo(xOf(panel!, 40.8));
    expect(b!.targets[0]!.value).toBeCloseTo(51);
    expect(b!.targets[0]!.outcome).toBe('missed');
  });

  it('marks no regression on a lower-is-better metric at baseline·(1 + T/100)', () => {
    const [panel] = dodChart(assessment([row('A', 'memory', 'memory', { value: 4, unit: 'GB' }, { value: 4.05, unit: 'GB' })], [threshold('memory', 'no-regression', 2)])).panels;
    const target = panel!.rows[0]!.targets[0]!;
    expect(target).toMatchObject({ kind: 'no-regression', side: 'atMost', label: '4.08 GB' });
    expect(target.value).toBeCloseTo(4.08);
    expect(target.x).toBeCloseTo(xOf(panel!, 4.08));
  });

  it('mirrors both for a higher-is-better metric: improve at baseline·(1 + B/100), no regression at baseline·(1 − T/100)', () => {
    const [panel] = dodChart(
      assessment([row('A', 'throughput', 'throughput', { value: 1.2, unit: 'GB/s' }, { value: 1.3, unit: 'GB/s' })], [threshold('throughput', 'improve', 10), threshold('throughput', 'no-regression', 3)]),
    ).panels;
    expect(panel!.better).toBe('higher');
    const [improve, noRegression] = panel!.rows[0]!.targets;
    expect(improve).toMatchObject({ threshold: 0, side: 'atLeast', label: '1.32 GB/s' });
    expect(improve!.value).toBeCloseTo(1.32);
    expect(noRegression).toMatchObject({ threshold: 1, side: 'atLeast', label: '1.16 GB/s' });
    expect(noRegression!.value).toBeCloseTo(1.164);
    expect(noRegression!.x).toBeCloseTo(xOf(panel!, 1.164));
    // Each target has its own line of text between the scenario's and the baseline's label, which moves down for them.
    const [only] = panel!.rows;
    expect([only!.scenarioY, improve!.labelY, noRegression!.labelY, only!.baseline.labelY]).toEqual([...[only!.scenarioY, improve!.labelY, noRegression!.labelY, only!.baseline.labelY]].sort((a, b) => a - b));
    expect(noRegression!.labelY - improve!.labelY).toBe(TARGET_HEIGHT);
    expect(only!.baseline.y).toBe(only!.y + SCENARIO_HEIGHT + 2 * TARGET_HEIGHT + LABEL_HEIGHT);
    expect(panel!.axisY).toBeGreaterThan(only!.candidate.y + BAR_HEIGHT);
    // No verdict was given for these: the mark carries none.
    expect(improve!.outcome).toBeUndefined();
  });

  it('leaves the target inside the scale when it is the largest value', () => {
    const [panel] = dodChart(assessment([row('A', 'throughput', 'throughput', { value: 100, unit: 'MB/s' }, { value: 101, unit: 'MB/s' })], [threshold('throughput', 'improve', 50)])).panels;
    const target = panel!.rows[0]!.targets[0]!;
    expect(target.value).toBeCloseTo(150);
    expect(panel!.max).toBeGreaterThanOrEqual(150 * 1.1);
    expect(target.x).toBeLessThan(PLOT_END);
  });

  it('marks nothing on a row whose metric no threshold names, nor on a metric the vocabulary no longer knows', () => {
    const chart = dodChart(
      assessment(
        [
          row('A', 'p99', 'latency-p99', { value: 48, unit: 'ms' }, { value: 33, unit: 'ms' }),
          row('A', 'CPU', 'cpu', { value: 52, unit: '%' }, { value: 51, unit: '%' }),
          row('A', 'Flux capacitance', 'flux-capacitance', { value: 7 }, { value: 6 }),
        ],
        [threshold('latency-p99', 'improve', 15), threshold('flux-capacitance', 'improve', 5)],
      ),
    );
    expect(chart.panels.map((p) => p.metric)).toEqual(['latency-p99', 'cpu', 'flux-capacitance']);
    expect(chart.panels[0]!.rows[0]!.targets).toHaveLength(1);
    expect(chart.panels[1]!.rows[0]!.targets).toEqual([]);
    const unknown = chart.panels[2]!;
    expect(unknown.rows[0]!.targets).toEqual([]);
    expect(unknown.asWritten).toBe(true);
    expect(unknown.name).toEqual({ zh: 'Flux capacitance', en: 'Flux capacitance' });
    expect(unknown.better).toBeUndefined();
    expect(unknown.unit).toBeUndefined();
  });

  it('gives each unit of a metric its own scale, and leaves out a row whose baseline and candidate differ in unit', () => {
    const chart = dodChart(
      assessment([
        row('A', 'p99', 'latency-p99', { value: 48, unit: 'ms' }, { value: 33, unit: 'ms' }),
        row('B', 'p99', 'latency-p99', { value: 3.1, unit: 's' }, { value: 2.9, unit: 's' }),
        row('C', 'p99', 'latency-p99', { value: 1.2, unit: 's' }, { value: 900, unit: 'ms' }),
      ]),
    );
    expect(chart.panels.map((p) => [p.unit, p.rows.map((r) => r.scenario)])).toEqual([
      ['ms', ['A']],
      ['s', ['B']],
    ]);
    expect(chart.leftOut).toEqual([2]);
  });

  it('keeps a scale when every value is 0, and clamps negative values and spreads below 0 to the axis start', () => {
    const [zero] = dodChart(assessment([row('A', 'GC count', 'gc-count', { value: 0 }, { value: 0 })])).panels;
    expect(zero!.max).toBeGreaterThan(0);
    expect(zero!.rows[0]!.baseline.width).toBe(0);
    const [small] = dodChart(assessment([row('A', 'CPU', 'cpu', { value: 2, unit: '%', spread: 5 }, { value: -1, unit: '%' })])).panels;
    expect(small!.rows[0]!.baseline.whisker!.from).toBe(PLOT_START);
    expect(small!.rows[0]!.candidate.width).toBe(0);
  });

  it('stays finite and bounded for a value at the edge of what a number holds', () => {
    const [panel] = dodChart(assessment([row('A', 'CPU', 'cpu', { value: 1e308 }, { value: 1 })])).panels;
    expect(Number.isFinite(panel!.max)).toBe(true);
    expect(panel!.ticks.length).toBeLessThanOrEqual(11);
    expect(panel!.rows[0]!.baseline.width).toBeLessThanOrEqual(PLOT_WIDTH);
  });
});

describe('the change as the verdict table gives it', () => {
  it('is the metric’s own movement in percent of the baseline, signed with a true minus, to one decimal', () => {
    expect(percentChange({ baseline: { value: 48 }, candidate: { value: 36 } })).toBeCloseTo(-25);
    expect(changeLabel({ baseline: { value: 48.2 }, candidate: { value: 36.1 } })).toBe('−25.1%');
    expect(changeLabel({ baseline: { value: 1210 }, candidate: { value: 1220 } })).toBe('+0.8%');
    expect(changeLabel({ baseline: { value: 100 }, candidate: { value: 100.01 } })).toBe('0%');
  });

  it('adds the stated spreads as a share of the baseline when the verdict has them', () => {
    expect(changeLabel({ baseline: { value: 48.2 }, candidate: { value: 36.1 } }, 4.149378)).toBe('−25.1% ± 4.1%');
    expect(formatPercent(2, false)).toBe('2%');
    expect(formatPercent(-3.14)).toBe('−3.1%');
  });
});
