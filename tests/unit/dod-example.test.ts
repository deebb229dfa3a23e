import { describe, expect, it } from 'vitest';
import { dodChart } from '../../src/lib/dod/chart.ts';
import { assessExample, DOD_LINE_FORMS, DOD_LINE_REFUSED, exampleMarkdown, RESULTS_EXAMPLES } from '../../src/lib/dod/example.ts';
import { readThresholdClause } from '../../src/lib/dod/parse.ts';
import { MIN_RUNS } from '../../src/lib/dod/verdict.ts';
import { DOD_OUTCOMES, DOD_VERDICTS } from '../../src/lib/vocabulary/dod-verdicts.ts';
import { RESULT_COLUMNS } from '../../src/lib/vocabulary/definition-of-done.ts';
import { LANGUAGE_IDS } from '../../src/lib/vocabulary/languages.ts';

/** The example /template/ documents reporting results with: it must read as the page says it does. */
describe('the results example', () => {
  for (const lang of LANGUAGE_IDS) {
    describe(lang, () => {
      const assessment = assessExample(lang);

      it('reads without a single unreadable row or line', () => {
        expect(assessment.unreadable).toEqual([]);
        expect(assessment.rows).toHaveLength(7);
        expect(assessment.thresholds.map((t) => [t.metric, t.kind, t.bound])).toEqual([
          ['latency-p99', 'improve', 15],
          ['throughput', 'no-regression', 2],
        ]);
      });

      it('shows every outcome a threshold can have on a scenario with data: met, missed, inconclusive by spread and by runs', () => {
        expect(assessment.verdicts.map((v) => v.outcome)).toEqual(['met', 'missed', 'inconclusive', 'met', 'met', 'inconclusive']);
        expect(assessment.verdict).toBe('missed');
        expect([assessment.met, assessment.total]).toEqual([3, 6]);
      });

      it('writes its table with the columns in the template language, with a spread, a unit and a percentage', () => {
        const header = RESULTS_EXAMPLES[lang].table.split('\n')[0]!;
        for (const column of RESULT_COLUMNS) expect(header).toContain(column.name[lang]);
        for (const value of ['48.2 ms ± 1.1', '1210 MB/s ± 10', '72%']) expect(exampleMarkdown(lang)).toContain(value);
      });

      it('charts one panel per metric, in one unit each, the CPU row without a target', () => {
        const chart = dodChart(assessment);
        expect(chart.panels.map((p) => [p.metric, p.rows.length])).toEqual([
          ['latency-p99', 3],
          ['throughput', 3],
          ['cpu', 1],
        ]);
        expect(chart.panels[2]!.rows[0]!.targets).toEqual([]);
      });
    });
  }

  it('is the same example in both languages: the same numbers, judged the same way', () => {
    const [zh, en] = LANGUAGE_IDS.map(assessExample);
    const strip = (a: typeof zh) => a!.verdicts.map(({ outcome, improvement, uncertainty }) => ({ outcome, improvement, uncertainty }));
    expect(strip(zh)).toEqual(strip(en));
  });
});

describe('the DoD line forms /template/ lists', () => {
  for (const lang of LANGUAGE_IDS) {
    it(`reads every one in ${lang} as at least one threshold`, () => {
      for (const line of DOD_LINE_FORMS[lang]) {
        const read = readThresholdClause(line);
        expect('thresholds' in read && read.thresholds.length > 0, line).toBe(true);
      }
    });

    it(`refuses the line it shows as refused in ${lang}, with a reason in both languages`, () => {
      const read = readThresholdClause(DOD_LINE_REFUSED[lang]);
      expect('reason' in read).toBe(true);
      if ('reason' in read) expect(read.reason.zh && read.reason.en).toBeTruthy();
    });
  }
});

describe('the outcome words', () => {
  it('say the same number of runs the verdicts require', () => {
    const inconclusive = DOD_OUTCOMES.find((o) => o.id === 'inconclusive')!;
    expect(inconclusive.meaning.zh).toContain(`${MIN_RUNS} 次`);
    expect(inconclusive.meaning.en).toContain(`${MIN_RUNS} runs`);
  });

  it('name every outcome and every proposal-wide verdict once, in both languages', () => {
    expect(DOD_OUTCOMES.map((o) => o.id)).toEqual(['met', 'missed', 'inconclusive', 'no-data']);
    expect(DOD_VERDICTS.map((v) => v.id)).toEqual(['met', 'missed', 'inconclusive', 'none']);
    for (const term of [...DOD_OUTCOMES, ...DOD_VERDICTS]) for (const text of [term.label.zh, term.label.en, term.meaning.zh, term.meaning.en]) expect(text).not.toBe('');
    expect(new Set(DOD_VERDICTS.map((v) => v.label.zh)).size).toBe(4);
  });
});
