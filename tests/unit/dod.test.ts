/**
 * The Definition of Done engine (issue 14): the results table and the DoD lines of section 5
 * (src/lib/dod/parse.ts), the verdicts (src/lib/dod/verdict.ts), the record the reader keeps, and
 * the `dod-verdict` completeness rule.
 */
import { quotedCode, withoutQuoteMarks } from '../../src/lib/completeness/text.ts';
import { describe, expect, it } from 'vitest';
import { assessSource } from '../../src/lib/completeness/assess.ts';
import { analyseBody } from '../../src/lib/markdown/analyse.ts';
import { readDod, readMeasure, readThresholdClause } from '../../src/lib/dod/parse.ts';
import { metricsNamed } from '../../src/lib/dod/metric-names.ts';
import type { DodAssessment, Unreadable } from '../../src/lib/dod/types.ts';
import { assessDod, candidateAtThreshold, dodInFile, dodOfBody } from '../../src/lib/dod/verdict.ts';
import { readProposal, recordOf } from '../../src/lib/reader/read-proposal.ts';
import { READING_INPUTS } from '../../src/lib/reader/reading-cache.ts';
import { METRICS } from '../../src/lib/vocabulary/metrics.ts';
import { proposalSource } from '../helpers/proposal-source.ts';

const HEADING = { zh: '## 5) 性能验证（必须给“可重复”的基准）', en: '## 5) Performance validation (a repeatable benchmark)' };

/** Section 5 with this content: the heading is line 1, a blank line 2, the content starts on line 3. */
function body(content: string, lang: 'zh' | 'en' = 'zh'): string {
  return `${HEADING[lang]}\n\n${content}\n`;
}

function reading(content: string, lang: 'zh' | 'en' = 'zh') {
  const analysed = analyseBody(body(content, lang));
  return readDod(analysed.sections.find((s) => s.key === 'performance'));
}

function assess(content: string, lang: 'zh' | 'en' = 'zh'): DodAssessment {
  return dodOfBody(analyseBody(body(content, lang)));
}

/** One DoD line under the label, read: its thresholds, or its reason. */
function dodLine(line: string, lang: 'zh' | 'en' = 'zh') {
  return reading(`**${lang === 'zh' ? '验收阈值（Definition of Done）' : 'Definition of Done'}**\n\n- ${line}`, lang);
}

const HAN = /\p{Script=Han}/u;

/** A reason in both languages, the Chinese one in Chinese. */
function expectBilingual(unreadable: readonly Unreadable[]) {
  for (const u of unreadable) {
    expect(u.reason.en.trim()).not.toBe('');
    expect(u.reason.zh).toMatch(HAN);
    expect(u.reason.zh).not.toBe(u.reason.en);
  }
}

describe('the metric vocabulary', () => {
  it('has unique ids, names in both languages, and only metrics it knows in `narrows`', () => {
    const ids = METRICS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of METRICS) {
      expect(m.name.zh).not.toBe('');
      expect(m.name.en).not.toBe('');
      expect(['lower', 'higher']).toContain(m.better);
      for (const narrowed of (m as { narrows?: readonly string[] }).narrows ?? []) expect(ids).toContain(narrowed);
    }
  });

  it('reads the percentiles before latency in general, and the narrower metric where two are named', () => {
    const named = (text: string) => {
      const result = metricsNamed(text, true);
      return 'metrics' in result ? result.metrics.map((m) => m.id) : { ambiguous: result.ambiguous.map((m) => m.id) };
    };
    expect(named('p99 延迟')).toEqual(['latency-p99']);
    expect(named('延迟p99')).toEqual(['latency-p99']);
    expect(named('p99 latency')).toEqual(['latency-p99']);
    expect(named('Produce p99.9')).toEqual(['latency-p999']);
    expect(named('p999')).toEqual(['latency-p999']);
    expect(named('平均延迟')).toEqual(['latency-mean']);
    expect(named('mean latency')).toEqual(['latency-mean']);
    expect(named('latency')).toEqual(['latency']);
    expect(named('GC 暂停 p99')).toEqual(['gc-pause']);
    expect(named('young GC（次/秒）')).toEqual(['gc-count']);
    expect(named('磁盘写放大')).toEqual(['write-amplification']);
    expect(named('disk write amplification')).toEqual(['write-amplification']);
    expect(named('I/O 线程 CPU')).toEqual(['cpu']);
    expect(named('清理线程分配（MB/s）')).toEqual(['allocation-rate']);
    expect(named('Throughput (MB/s)')).toEqual(['throughput']);
    expect(named('RequestQueueTimeMs p99')).toEqual(['request-queue-time']);
    expect(named('吞吐/磁盘写放大/内存峰值')).toEqual(['throughput', 'write-amplification', 'memory']);
    expect(named('throughput / disk write amplification / peak memory')).toEqual(['throughput', 'write-amplification', 'memory']);
    expect(named('warm-up ratio')).toEqual([]);
    expect(named('p99 CPU')).toEqual({ ambiguous: ['latency-p99', 'cpu'] });
  });
});

describe('the results table', () => {
  it('reads a Chinese table, header words after the column names included', () => {
    const r = reading(
      [
        '| 场景 | 指标 | 基线（off） | 候选（on） | 次数 |',
        '|---|---|---|---|---|',
        '| S1 小消息 | produce p99 | 48.2 ms ± 1.1 | 40.1 ms ± 0.9 | 5 |',
        '| S1 小消息 | CPU | 72% | 64% | 5 次 |',
        '| S2 混合 | 吞吐 | 1,200 records/s | 1,250 records/s | 5 |',
      ].join('\n'),
    );
    expect(r.unreadable).toEqual([]);
    expect(r.resultsTableLine).toBe(3);
    expect(r.rows).toEqual([
      { line: 5, scenario: 'S1 小消息', metricText: 'produce p99', metric: 'latency-p99', baseline: { value: 48.2, unit: 'ms', spread: 1.1 }, candidate: { value: 40.1, unit: 'ms', spread: 0.9 }, runs: 5 },
      { line: 6, scenario: 'S1 小消息', metricText: 'CPU', metric: 'cpu', baseline: { value: 72, unit: '%' }, candidate: { value: 64, unit: '%' }, runs: 5 },
      { line: 7, scenario: 'S2 混合', metricText: '吞吐', metric: 'throughput', baseline: { value: 1200, unit: 'records/s' }, candidate: { value: 1250, unit: 'records/s' }, runs: 5 },
    ]);
  });

  it('reads an English table in any column order, ignoring extra columns, in any letter case', () => {
    const r = reading(
      [
        'Results (illustrative):',
        '',
        '| METRIC | Note | Candidate (flag on) | scenario | Baseline, flag off |',
        '| :-- | --- | --: | --- | --: |',
        '| Fetch `TotalTimeMs` p99 | main target | 33 ms | A. Many sessions | 48 ms |',
        '| GC pause p99 | | 11ms+/-2 | A. Many sessions | 17ms+/-2 |',
      ].join('\n'),
      'en',
    );
    expect(r.unreadable).toEqual([]);
    expect(r.resultsTableLine).toBe(5);
    expect(r.rows.map((row) => [row.line, row.scenario, row.metric, row.baseline, row.candidate, row.runs])).toEqual([
      [7, 'A. Many sessions', 'latency-p99', { value: 48, unit: 'ms' }, { value: 33, unit: 'ms' }, undefined],
      [8, 'A. Many sessions', 'gc-pause', { value: 17, unit: 'ms', spread: 2 }, { value: 11, unit: 'ms', spread: 2 }, undefined],
    ]);
  });

  it('ignores tables without the four columns, such as a scenario matrix', () => {
    const r = reading(['| # | 场景 | 编码 |', '|---|---|---|', '| S1 | 小消息 | lz4 |', '', '| Scenario | Baseline | Candidate |', '|---|---|---|', '| A | 1 | 2 |'].join('\n'));
    expect(r).toEqual({ rows: [], thresholds: [], unreadable: [] });
  });

  it('reads values with units, spreads (±, +/-), thousands separators and percentages', () => {
    expect(readMeasure('48.2 ms ± 1.1')).toEqual({ measure: { value: 48.2, unit: 'ms', spread: 1.1 } });
    expect(readMeasure('48.2ms±1.1')).toEqual({ measure: { value: 48.2, unit: 'ms', spread: 1.1 } });
    expect(readMeasure('48.2 ms +/- 1.1 ms')).toEqual({ measure: { value: 48.2, unit: 'ms', spread: 1.1 } });
    expect(readMeasure('48.2 ± 1.1 ms')).toEqual({ measure: { value: 48.2, unit: 'ms', spread: 1.1 } });
    expect(readMeasure('1.21 GB/s')).toEqual({ measure: { value: 1.21, unit: 'GB/s' } });
    expect(readMeasure('72%')).toEqual({ measure: { value: 72, unit: '%' } });
    expect(readMeasure('72％ ± 2')).toEqual({ measure: { value: 72, unit: '%', spread: 2 } });
    expect(readMeasure('1,200 records/s')).toEqual({ measure: { value: 1200, unit: 'records/s' } });
    expect(readMeasure('12,345,678')).toEqual({ measure: { value: 12345678 } });
    expect(readMeasure('3.5 条/秒')).toEqual({ measure: { value: 3.5, unit: '条/秒' } });
    expect(readMeasure('-3')).toEqual({ measure: { value: -3 } });
    expect(readMeasure('0.5 µs')).toEqual({ measure: { value: 0.5, unit: 'μs' } });

    expect(readMeasure('fast')).toEqual({ problem: 'not-a-number' });
    expect(readMeasure('48 → 33 ms')).toEqual({ problem: 'not-a-number' });
    expect(readMeasure('1,20 ms')).toEqual({ problem: 'not-a-number' });
    expect(readMeasure('48 ms (mean)')).toEqual({ problem: 'not-a-number' });
    expect(readMeasure('48 ms ± a lot')).toEqual({ problem: 'bad-spread' });
    expect(readMeasure('48 ms ± 1 ± 2')).toEqual({ problem: 'several-spreads' });
    expect(readMeasure('48 ms ± 1 s')).toEqual({ problem: 'spread-unit' });
  });

  it('reports malformed rows with their line and why, and keeps the good ones', () => {
    const r = reading(
      [
        '| Scenario | Metric | Baseline | Candidate | Runs |',
        '|---|---|---|---|---|',
        '| A | p99 | 48 ms | 40 ms | 5 |',
        '| B | p99 | 48 ms |',
        '| C | p99 | fast | 40 ms | 5 |',
        '| D | p99 | 48 ms | 0.04 s | 5 |',
        '| E | lock samples/s | 1,400 | 210 | 5 |',
        '| F | p99 | 48 ms | 40 ms | 0 |',
        '| G | p99 | 48 ms | 40 ms | 2.5 |',
        '| A | p99 | 47 ms | 41 ms | 5 |',
        '| H | p99 | {{baseline}} | 40 ms | 5 |',
        '| I | p99 | 0 ms | 1 ms | 5 |',
        '| J | p99 CPU | 1 | 2 | 5 |',
      ].join('\n'),
      'en',
    );
    expect(r.rows.map((row) => [row.line, row.scenario])).toEqual([[5, 'A']]);
    expect(r.unreadable.map((u) => [u.line, u.source])).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((line) => [line, 'table']));
    const reasons = r.unreadable.map((u) => withoutQuoteMarks(u.reason.en));
    expect(reasons[0]).toBe('The row has no Candidate and Runs.');
    expect(reasons[1]).toMatch(/^The Baseline `fast` is not a number with an optional unit: write it like/);
    expect(reasons[2]).toMatch(/^The baseline and the candidate are in different units \(`ms` against `s`\)/);
    expect(reasons[3]).toMatch(/^`lock samples\/s` is not a metric the catalogue knows/);
    expect(reasons[4]).toMatch(/^The run count `0` is not a positive whole number\.$/);
    expect(reasons[5]).toMatch(/^The run count `2\.5` is not a positive whole number\.$/);
    expect(reasons[6]).toMatch(/^Scenario `A` already has a `p99` row, on line 5/);
    expect(reasons[7]).toMatch(/still template text/);
    expect(reasons[8]).toMatch(/is not above zero/);
    expect(reasons[9]).toMatch(/names p99 latency and CPU at once/);
    expect(r.unreadable[1]!.text).toBe('| C | p99 | fast | 40 ms | 5 |');
    expect(r.unreadable[0]!.reason.zh).toBe('这一行缺少“候选”和“次数”。');
    expectBilingual(r.unreadable);
  });
});

describe('the DoD lines', () => {
  const read = (line: string, lang: 'zh' | 'en' = 'zh') => {
    const r = dodLine(line, lang);
    return r.unreadable.length > 0 ? { unreadable: r.unreadable.map((u) => withoutQuoteMarks(u.reason.en)) } : r.thresholds.map((t) => [t.metric, t.kind, t.bound]);
  };

  it('reads every form the template and its translation write', () => {
    expect(read('延迟：p99 降低 ≥ 15%')).toEqual([['latency-p99', 'improve', 15]]);
    expect(read('CPU：降低 ≥ 10%')).toEqual([['cpu', 'improve', 10]]);
    expect(read('无回归：吞吐/磁盘写放大/内存峰值 不退化超过 2%')).toEqual([
      ['throughput', 'no-regression', 2],
      ['write-amplification', 'no-regression', 2],
      ['memory', 'no-regression', 2],
    ]);
    expect(read('Latency: p99 down ≥ 15%', 'en')).toEqual([['latency-p99', 'improve', 15]]);
    expect(read('CPU: down ≥ 10%', 'en')).toEqual([['cpu', 'improve', 10]]);
    expect(read('No regression: throughput / disk write amplification / peak memory no worse than 2%', 'en')).toEqual([
      ['throughput', 'no-regression', 2],
      ['write-amplification', 'no-regression', 2],
      ['memory', 'no-regression', 2],
    ]);
  });

  it('reads the other ways of writing a threshold', () => {
    expect(read('CPU reduced by at least 10%', 'en')).toEqual([['cpu', 'improve', 10]]);
    expect(read('no regression over 2% in throughput', 'en')).toEqual([['throughput', 'no-regression', 2]]);
    expect(read('p99 latency −15% or better', 'en')).toEqual([['latency-p99', 'improve', 15]]);
    expect(read('p99 latency -15% or better', 'en')).toEqual([['latency-p99', 'improve', 15]]);
    expect(read('延迟：p99 降低 >= 15%')).toEqual([['latency-p99', 'improve', 15]]);
    expect(read('CPU：降低至少 10%')).toEqual([['cpu', 'improve', 10]]);
    expect(read('吞吐：不超过 2%')).toEqual([['throughput', 'no-regression', 2]]);
    expect(read('吞吐提升 ≥ 20%')).toEqual([['throughput', 'improve', 20]]);
    expect(read('吞吐下降不超过 10%')).toEqual([['throughput', 'no-regression', 10]]);
    expect(read('Produce/Fetch 的 p99 与 p999 上升不超过 3%')).toEqual([
      ['latency-p99', 'no-regression', 3],
      ['latency-p999', 'no-regression', 3],
    ]);
    expect(read('No regression: p99 and CPU within ±3%', 'en')).toEqual([
      ['latency-p99', 'no-regression', 3],
      ['cpu', 'no-regression', 3],
    ]);
    expect(read('GC pause p99 improved by at least 20%', 'en')).toEqual([['gc-pause', 'improve', 20]]);
    expect(read('分配：清理线程分配速率降低 ≥ 50%。')).toEqual([['allocation-rate', 'improve', 50]]);
    expect(read('压缩率提升 ≥ 10%')).toEqual([['compression-ratio', 'improve', 10]]);
    expect(read('CPU：S1 的 I/O 线程 CPU 降低 ≥ 5%（相对值）。')).toEqual([['cpu', 'improve', 5]]);
  });

  it('reads each clause of a line on its own, with the line it is on', () => {
    const r = dodLine('延迟：p99 降低 ≥ 15%；无回归：吞吐不退化超过 2%。');
    expect(r.thresholds).toEqual([
      { line: 5, text: '延迟：p99 降低 ≥ 15%', metric: 'latency-p99', kind: 'improve', bound: 15 },
      { line: 5, text: '无回归：吞吐不退化超过 2%', metric: 'throughput', kind: 'no-regression', bound: 2 },
    ]);
    expect(r.dodLine).toBe(3);
  });

  it('reports a line it cannot read, and why, never guessing', () => {
    expect(read('延迟：p99 降低 ≥ {{Y}}%')).toEqual({ unreadable: ['It still has the placeholder `{{Y}}`: fill in the number.'] });
    expect(read('吞吐降低 ≥ 10%')).toEqual({ unreadable: [expect.stringMatching(/asks throughput to go down, but for throughput higher is better/)] });
    expect(read('p99 上升 ≥ 10%')).toEqual({ unreadable: [expect.stringMatching(/asks p99 latency to go up, but for p99 latency lower is better/)] });
    expect(read('吞吐提升不超过 2%')).toEqual({ unreadable: [expect.stringMatching(/caps how far throughput may go up/)] });
    expect(read('Lock samples down ≥ 70%', 'en')).toEqual({ unreadable: [expect.stringMatching(/names no metric/)] });
    expect(read('No regression over 2% in the third scenario.', 'en')).toEqual({ unreadable: [expect.stringMatching(/names no metric/)] });
    expect(read('Broker CPU down ≥ 5 percentage points', 'en')).toEqual({ unreadable: [expect.stringMatching(/percentage points/)] });
    expect(read('heap up ≤ 2 MiB', 'en')).toEqual({ unreadable: [expect.stringMatching(/not a percentage/)] });
    expect(read('broker 堆内存峰值不上升')).toEqual({ unreadable: [expect.stringMatching(/no bound/)] });
    expect(read('p99 down 15%', 'en')).toEqual({ unreadable: [expect.stringMatching(/no comparison/)] });
    expect(read('CPU ≥ 10%', 'en')).toEqual({ unreadable: [expect.stringMatching(/does not say which way/)] });
    expect(read('p99 down ≥ 15% and CPU down ≥ 10%', 'en')).toEqual({ unreadable: [expect.stringMatching(/2 percentages/)] });
    expect(read('p99 down 10–20% or better', 'en')).toEqual({ unreadable: [expect.stringMatching(/range/)] });
    expect(read('p99 CPU down ≥ 10%', 'en')).toEqual({ unreadable: [expect.stringMatching(/names p99 latency and CPU together/)] });
    expect(read('p99 down at least 10% and no more than 20%', 'en')).toEqual({ unreadable: [expect.stringMatching(/2 percentages/)] });
    expect(read('p99 down ≥ 10% TBD', 'en')).toEqual({ unreadable: [expect.stringMatching(/marked open/)] });
    expect(read('p99 降低 ≥ 150%')).toEqual({ unreadable: [expect.stringMatching(/100% or more/)] });
    expect(read('无回归：吞吐至少 2%')).toEqual({ unreadable: [expect.stringMatching(/no regression and for an improvement/)] });
  });

  it('gives each unreadable line its line number and the clause as written, in both languages', () => {
    const r = reading(['**验收阈值（Definition of Done）**', '', '- 延迟：p99 降低 ≥ 15%', '- 结果：S2 未达标', '  （第二行接着上一项）', '- CPU：降低 ≥ {{X}}%'].join('\n'));
    expect(r.thresholds.map((t) => t.line)).toEqual([5]);
    expect(r.unreadable.map((u) => [u.line, u.source, u.text])).toEqual([
      [6, 'dod', '结果：S2 未达标 （第二行接着上一项）'],
      [8, 'dod', 'CPU：降低 ≥ {{X}}%'],
    ]);
    expectBilingual(r.unreadable);
  });

  it('reads the template’s DoD, once filled, in both languages', () => {
    const zh = reading(['**验收阈值（Definition of Done）【补】**', '- 延迟：p99 降低 ≥ 15%', '- CPU：降低 ≥ 10%', '- 无回归：吞吐/磁盘写放大/内存峰值 不退化超过 2%', '', '---'].join('\n'));
    const en = reading(
      ['**Definition of Done (acceptance thresholds) [Template note]**', '- Latency: p99 down ≥ 15%', '- CPU: down ≥ 10%', '- No regression: throughput / disk write amplification / peak memory no worse than 2%'].join('\n'),
      'en',
    );
    for (const r of [zh, en]) {
      expect(r.unreadable).toEqual([]);
      expect(r.thresholds.map((t) => [t.line, t.metric, t.kind, t.bound])).toEqual([
        [4, 'latency-p99', 'improve', 15],
        [5, 'cpu', 'improve', 10],
        [6, 'throughput', 'no-regression', 2],
        [6, 'write-amplification', 'no-regression', 2],
        [6, 'memory', 'no-regression', 2],
      ]);
    }
    // The template as it is: every line a placeholder, reported, and no threshold.
    const template = reading(['**验收阈值（Definition of Done）【补】**', '- 延迟：p99 降低 ≥ {{Y}}%', '- CPU：降低 ≥ {{X}}%', '- 无回归：吞吐/磁盘写放大/内存峰值 不退化超过 {{threshold}}'].join('\n'));
    expect(template.thresholds).toEqual([]);
    expect(template.unreadable.map((u) => u.line)).toEqual([4, 5, 6]);
  });

  it('reads only the list after the label: not prose before it, nor lists after the next paragraph', () => {
    const r = reading(
      ['Reviewers will compare against the DoD below.', '', '**Definition of Done** (as set before the prototype)', '', 'Agreed in review:', '', '- p99 down ≥ 15%', '- CPU down ≥ 10%', '', 'Notes:', '', '- p99 was 48 ms'].join('\n'),
      'en',
    );
    expect(r.dodLine).toBe(5);
    expect(r.thresholds.map((t) => t.metric)).toEqual(['latency-p99', 'cpu']);
    expect(r.unreadable).toEqual([]);
  });

  it('reads no threshold in a note on the label’s line', () => {
    expect(reading('**验收阈值（Definition of Done）**（评审前设定：2025-03）\n\n- p99 降低 ≥ 15%')).toMatchObject({ unreadable: [], thresholds: [{ line: 5 }] });
    expect(reading('**验收阈值（Definition of Done）**：p99 降低 ≥ 15%')).toMatchObject({ unreadable: [], thresholds: [{ line: 3 }] });
  });

  it('reads a threshold on the label’s own line', () => {
    const r = reading('- Definition of Done: boundary p99 down ≥ 20%; remote GET requests up ≤ {{Z}}%.', 'en');
    expect(r.thresholds.map((t) => [t.line, t.text, t.metric])).toEqual([[3, 'boundary p99 down ≥ 20%', 'latency-p99']]);
    expect(r.unreadable.map((u) => [u.line, u.text])).toEqual([[3, 'remote GET requests up ≤ {{Z}}%']]);
  });
});

describe('the verdicts', () => {
  const TABLE_HEAD = ['| Scenario | Metric | Baseline | Candidate | Runs |', '|---|---|---|---|---|'];
  const DOD = ['', '**Definition of Done**', '', '- Latency: p99 down ≥ 15%', '- No regression: throughput no worse than 2%'];
  const judged = (rows: string[], dod = DOD) => assess([...TABLE_HEAD, ...rows, ...dod].join('\n'), 'en');

  it('meets a threshold whose improvement, spread included, reaches the bound', () => {
    const a = judged(['| A | p99 | 100 ms ± 1 | 80 ms ± 1 | 5 |', '| A | throughput | 100 MB/s | 99 MB/s | 5 |']);
    expect(a.verdicts).toEqual([
      { threshold: 0, scenario: 'A', outcome: 'met', row: 0, improvement: 20, required: 15, uncertainty: 2 },
      { threshold: 1, scenario: 'A', outcome: 'met', row: 1, improvement: -1, required: -2 },
    ]);
    expect(a).toMatchObject({ scenarios: ['A'], verdict: 'met', met: 2, total: 2 });
  });

  it('misses a threshold even the high end of the spread does not reach', () => {
    const a = judged(['| A | p99 | 100 ms ± 1 | 90 ms ± 1 | 5 |', '| A | throughput | 100 MB/s | 97 MB/s | 5 |']);
    expect(a.verdicts.map((v) => [v.outcome, v.improvement])).toEqual([
      ['missed', 10],
      ['missed', -3],
    ]);
    expect(a).toMatchObject({ verdict: 'missed', met: 0, total: 2 });
  });

  it('is inconclusive when the bound lies within the stated spread', () => {
    const a = judged(['| A | p99 | 100 ms ± 2 | 84 ms ± 2 | 5 |', '| A | throughput | 100 MB/s | 100 MB/s | 5 |']);
    expect(a.verdicts[0]).toMatchObject({ outcome: 'inconclusive', improvement: 16, uncertainty: 4 });
    expect(a.verdicts[0]!.reason!.en).toMatch(/within its stated spread/);
    expect(a.verdicts[0]!.reason!.zh).toMatch(HAN);
    expect(a).toMatchObject({ verdict: 'inconclusive', met: 1, total: 2 });
  });

  it('is inconclusive with fewer than 3 runs, however large the change', () => {
    const a = judged(['| A | p99 | 100 ms | 50 ms | 2 |', '| A | throughput | 100 MB/s | 100 MB/s | 3 |']);
    expect(a.verdicts[0]).toMatchObject({ outcome: 'inconclusive', improvement: 50 });
    expect(a.verdicts[0]!.reason).toEqual({ zh: '只跑了 2 次，至少 3 次才能下结论。', en: 'Only 2 runs: at least 3 are needed to conclude.' });
    expect(a.verdicts[1]!.outcome).toBe('met');
  });

  it('has no data for a scenario without the threshold’s metric, and is then inconclusive overall', () => {
    const a = judged(['| A | p99 | 100 ms | 80 ms | 5 |', '| A | throughput | 100 MB/s | 100 MB/s | 5 |', '| B | p99 | 100 ms | 80 ms | 5 |']);
    expect(a.scenarios).toEqual(['A', 'B']);
    expect(a.verdicts.map((v) => [v.threshold, v.scenario, v.outcome])).toEqual([
      [0, 'A', 'met'],
      [0, 'B', 'met'],
      [1, 'A', 'met'],
      [1, 'B', 'no-data'],
    ]);
    expect(a.verdicts[3]!.reason!.en).toBe(`The results table has no throughput row for scenario ${quotedCode('B')}.`);
    expect(a).toMatchObject({ verdict: 'inconclusive', met: 3, total: 4 });
  });

  it('is missed overall when any verdict is, whatever the others', () => {
    const a = judged(['| A | p99 | 100 ms | 50 ms | 2 |', '| A | throughput | 100 MB/s | 90 MB/s | 5 |', '| B | p99 | 100 ms | 80 ms | 5 |']);
    expect(a.verdicts.map((v) => v.outcome)).toEqual(['inconclusive', 'met', 'missed', 'no-data']);
    expect(a).toMatchObject({ verdict: 'missed', met: 1, total: 4 });
  });

  it('judges a metric where higher is better the other way round', () => {
    const a = assess([...TABLE_HEAD, '| A | throughput | 1.00 GB/s | 1.21 GB/s | 5 |', '', '**Definition of Done**', '', '- 吞吐提升 ≥ 20%'].join('\n'), 'en');
    expect(a.verdicts).toEqual([{ threshold: 0, scenario: 'A', outcome: 'met', row: 0, improvement: 21, required: 20 }]);
    expect(candidateAtThreshold(a.thresholds[0]!, 1, 'higher')).toBeCloseTo(1.2);
    expect(candidateAtThreshold({ kind: 'improve', bound: 15 }, 100, 'lower')).toBeCloseTo(85);
    expect(candidateAtThreshold({ kind: 'no-regression', bound: 2 }, 100, 'lower')).toBeCloseTo(102);
  });

  it('meets a bound reached exactly, despite floating point', () => {
    const a = judged(['| A | p99 | 48.2 ms | 40.97 ms | 5 |', '| A | throughput | 1.1 | 1.078 | 5 |']);
    expect(a.verdicts.map((v) => v.outcome)).toEqual(['met', 'met']);
  });

  it('gives no verdict without thresholds or without rows', () => {
    expect(judged(['| A | p99 | 100 ms | 80 ms | 5 |'], [])).toMatchObject({ verdict: 'none', met: 0, total: 0, verdicts: [] });
    expect(assess(DOD.join('\n'), 'en')).toMatchObject({ verdict: 'none', met: 0, total: 0, scenarios: [] });
    expect(assess('', 'en')).toEqual({ rows: [], thresholds: [], unreadable: [], scenarios: [], verdicts: [], verdict: 'none', met: 0, total: 0 });
    expect(assessDod({ rows: [], thresholds: [], unreadable: [] }).verdict).toBe('none');
  });
});

describe('the assessment in the record', () => {
  const text = proposalSource(
    {},
    [
      '## 5) Performance validation (a repeatable benchmark)',
      '',
      '| Scenario | Metric | Baseline | Candidate | Runs |',
      '|---|---|---|---|---|',
      '| A | p99 | 100 ms | 80 ms | 5 |',
      '',
      '**Definition of Done**',
      '',
      '- Latency: p99 down ≥ 15%',
      '- Broker CPU down ≥ 5 percentage points',
    ].join('\n'),
  );
  const proposal = readProposal('p.md', 'p.md', text);
  const fileLine = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('gives every line as a line of the file, as the completeness checks do', () => {
    expect(proposal.bodyStartLine).toBeGreaterThan(1);
    expect(proposal.dod.resultsTableLine).toBe(fileLine('| Scenario |'));
    expect(proposal.dod.rows[0]!.line).toBe(fileLine('| A | p99 |'));
    expect(proposal.dod.dodLine).toBe(fileLine('**Definition of Done**'));
    expect(proposal.dod.thresholds[0]!.line).toBe(fileLine('- Latency: p99'));
    expect(proposal.dod.unreadable[0]!.line).toBe(fileLine('percentage points'));
    expect(proposal.dod).toMatchObject({ verdict: 'met', met: 1, total: 1 });
  });

  it('keeps the body’s lines in the shared assessment, and shifts only a copy', () => {
    const inBody = dodOfBody(proposal.analysed);
    expect(inBody.rows[0]!.line).toBe(proposal.dod.rows[0]!.line - proposal.bodyStartLine + 1);
    expect(dodInFile(inBody, 1)).toEqual(inBody);
    expect(dodInFile(inBody, 1)).not.toBe(inBody);
  });

  it('is read again whenever the engine changes: its files are among the reading cache’s inputs', () => {
    const files = ['src/lib/dod/parse.ts', 'src/lib/dod/verdict.ts', 'src/lib/dod/words.ts', 'src/lib/dod/metric-names.ts', 'src/lib/dod/types.ts'];
    files.push('src/lib/vocabulary/metrics.ts', 'src/lib/vocabulary/definition-of-done.ts', 'src/lib/completeness/rules/dod-verdict.ts');
    for (const file of files) expect(READING_INPUTS.some((input) => file.startsWith(`${input}/`)), file).toBe(true);
  });

  it('is plain data, as the cache, the worker threads and the content collection keep it', () => {
    const record = recordOf(proposal);
    expect(JSON.parse(JSON.stringify(record.dod))).toEqual(record.dod);
    expect(structuredClone(record.dod)).toEqual(record.dod);
  });
});

describe('the dod-verdict rule', () => {
  const rule = (status: string, body: string) => assessSource(readProposal('p.md', 'p.md', proposalSource({ status }, body))).checks.find((c) => c.id === 'dod-verdict')!;
  const SECTION = ['## 5) 性能验证（必须给“可重复”的基准）', ''];
  const TABLE = ['| 场景 | 指标 | 基线 | 候选 | 次数 |', '|---|---|---|---|---|', '| S1 | p99 | 20 ms | 16 ms | 5 |'];
  const DOD = ['', '**验收阈值（Definition of Done）**', '', '- 延迟：p99 降低 ≥ 15%'];

  it('passes a proposal not yet Accepted, saying results are not expected yet', () => {
    const check = rule('Under Discussion', SECTION.join('\n'));
    expect(check.passed).toBe(true);
    expect(check.message.zh).toBe('状态为“讨论中”，还不要求结果；提案被接受或实现后才需要。');
  });

  it('passes an Accepted proposal whose table yields a verdict, and says which', () => {
    const check = rule('Accepted', [...SECTION, ...TABLE, ...DOD].join('\n'));
    expect(check).toMatchObject({ passed: true, message: { en: 'The results table gives a DoD verdict: met, 1/1 met.', zh: '结果表可判定 DoD：全部达标，1/1 项达标。' } });
  });

  it('fails an Implemented proposal without a results table, at its DoD', () => {
    const text = proposalSource({ status: 'Implemented', release: '4.1.0' }, [...SECTION, ...DOD].join('\n'));
    const check = assessSource(readProposal('p.md', 'p.md', text)).checks.find((c) => c.id === 'dod-verdict')!;
    expect(check.passed).toBe(false);
    expect(check.message.en).toMatch(/^Implemented, but no results table/);
    expect(check.line).toBe(text.split('\n').indexOf('**验收阈值（Definition of Done）**') + 1);
  });

  it('fails an Accepted proposal with a DoD line it cannot read, at that line', () => {
    const body = [...SECTION, ...TABLE, ...DOD, '- 吞吐降低 ≥ 10%'].join('\n');
    const text = proposalSource({ status: 'Accepted' }, body);
    const check = assessSource(readProposal('p.md', 'p.md', text)).checks.find((c) => c.id === 'dod-verdict')!;
    expect(check.passed).toBe(false);
    expect(check.message.zh).toMatch(/^状态为“已接受”，但有 1 行 DoD 读不出，第一处在第 \d+ 行：要求吞吐降低/);
    expect(check.message.en).toMatch(/^Accepted, but 1 DoD line cannot be read, the first on line \d+: it asks throughput to go down/);
    expect(check.line).toBe(text.split('\n').indexOf('- 吞吐降低 ≥ 10%') + 1);
  });

  it('fails an Accepted proposal without thresholds, or whose table has no readable row', () => {
    expect(rule('Accepted', [...SECTION, ...TABLE].join('\n')).message.en).toMatch(/no Definition of Done/);
    const unreadableTable = rule('Accepted', [...SECTION, ...TABLE.slice(0, 2), '| S1 | p99 | fast | 16 ms | 5 |', ...DOD].join('\n'));
    expect(unreadableTable.passed).toBe(false);
    expect(unreadableTable.message.en).toMatch(/no row of the results table \(line \d+\) can be read/);
  });
});

describe('linear time on hostile input', () => {
  const FAST_MS = 1_000;
  const time = (run: () => void) => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };

  it('reads a 100,000-character cell of digits and ± quickly, and reports it', () => {
    const cell = '1±'.repeat(50_000);
    expect(time(() => expect(readMeasure(cell)).toEqual({ problem: 'several-spreads' }))).toBeLessThan(FAST_MS);
    const digits = '9'.repeat(100_000);
    expect(time(() => expect(readMeasure(`${digits} ± ${digits}`)).toEqual({ problem: 'not-a-number' }))).toBeLessThan(FAST_MS);
    expect(time(() => expect(readMeasure(`1${',000'.repeat(25_000)}.5 ${'m'.repeat(10)}`)).toEqual({ problem: 'not-a-number' }))).toBeLessThan(FAST_MS);
    expect(time(() => metricsNamed('p99/'.repeat(25_000), true))).toBeLessThan(FAST_MS);
  });

  it('reads a table row and a DoD line of 100,000 characters quickly', () => {
    const analysed = analyseBody(
      body([
        '| Scenario | Metric | Baseline | Candidate |',
        '|---|---|---|---|',
        `| A | p99 | ${'1±'.repeat(50_000)} | 1 |`,
        '',
        '**Definition of Done**' + ' '.repeat(100_000) + 'x',
        '',
        `- p99 ${'1%'.repeat(25_000)}${'≥ '.repeat(25_000)}`,
        `- ${'down '.repeat(20_000)}`,
        `- ${'9'.repeat(100_000)}% p99 down ≥`,
      ].join('\n'), 'en'),
    );
    let assessment: DodAssessment | undefined;
    expect(time(() => (assessment = dodOfBody(analysed)))).toBeLessThan(FAST_MS);
    expect(assessment!.unreadable.map((u) => [u.source, u.line])).toEqual([
      ['table', 5],
      ['dod', 9],
      ['dod', 10],
      ['dod', 11],
    ]);
    expect(time(() => readThresholdClause(`${'.'.repeat(100_000)}x`))).toBeLessThan(FAST_MS);
  });
});
