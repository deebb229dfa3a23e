import { dodOfBody } from '../../dod/verdict.ts';
import type { Localized } from '../../i18n/locales.ts';
import { statusByName, type StatusId } from '../../vocabulary/statuses.ts';
import { joinPhrases, section } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

/** Once agreed or shipped, a proposal's benchmark has been run: its results are due. */
const RESULTS_EXPECTED: readonly StatusId[] = ['accepted', 'implemented'];

const VERDICT_NAMES = {
  met: { zh: '全部达标', en: 'met' },
  missed: { zh: '未达标', en: 'missed' },
  inconclusive: { zh: '无法判断', en: 'inconclusive' },
} as const satisfies Record<string, Localized>;

/** "It asks…" as a clause after a colon: "…: it asks…". */
const uncapitalise = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

export const dodVerdict: Rule = {
  id: 'dod-verdict',
  title: { zh: '已接受或已实现的提案，给出结果表并可判定 DoD', en: 'Once Accepted or Implemented, a results table that the Definition of Done can be judged on' },
  why: {
    zh: '验收阈值只有和实测结果放在一起才有意义。提案被接受或实现之后，基准已经跑过，读者应能逐个场景看到阈值是达标、未达标还是无法判断，而不是只看到一句“变快了”。',
    en: 'Thresholds mean something only beside the results. Once a proposal is accepted or implemented, its benchmark has been run, and readers should see, scenario by scenario, whether each threshold was met, missed or cannot be told, not only that it “got faster”.',
  },
  fix: {
    zh: '在“5) 性能验证”里加一张结果表，列为 `场景`、`指标`、`基线`、`候选`，可加 `次数`，每个场景、每个指标一行，数值可带单位和误差（如 `48.2 ms ± 1.1`）；DoD 每行写成可读的阈值，如“延迟：p99 降低 ≥ 15%”“无回归：吞吐/内存峰值 不退化超过 2%”。',
    en: 'Add a results table to “5) Performance validation” with the columns `Scenario`, `Metric`, `Baseline`, `Candidate` and optionally `Runs`, one row per scenario and metric, values with an optional unit and spread (`48.2 ms ± 1.1`); and write each DoD line as a threshold that can be read, such as “Latency: p99 down ≥ 15%” or “No regression: throughput / peak memory no worse than 2%”.',
  },
  weight: 4,
  sections: ['performance'],
  check: (doc) => {
    const status = doc.data ? statusByName(doc.data.status) : undefined;
    if (!status || !RESULTS_EXPECTED.includes(status.id as StatusId)) {
      const label = status?.label ?? { zh: '未定', en: 'not set' };
      return pass({
        zh: `状态为“${label.zh}”，还不要求结果；提案被接受或实现后才需要。`,
        en: `Status ${label.en}: results are not expected yet, only once a proposal is Accepted or Implemented.`,
      });
    }
    const perf = section(doc, 'performance');
    if (!perf) return fail({ zh: `状态为“${status.label.zh}”，但没有“性能验证”一节。`, en: `${status.label.en}, but there is no performance validation section.` });

    const dod = dodOfBody(doc.analysed);
    const unreadableLines = dod.unreadable.filter((u) => u.source === 'dod');
    // What is missing, each with the line it points at; the first one found gives the finding's line.
    const missing: { what: Localized; line: number }[] = [];
    if (dod.resultsTableLine === undefined) {
      missing.push({ what: { zh: '没有结果表（列为 `场景`、`指标`、`基线`、`候选`）', en: 'no results table (with the columns `Scenario`, `Metric`, `Baseline`, `Candidate`)' }, line: dod.dodLine ?? perf.line });
    } else if (dod.rows.length === 0) {
      missing.push({ what: { zh: `结果表（第 ${dod.resultsTableLine} 行）没有一行读得出`, en: `no row of the results table (line ${dod.resultsTableLine}) can be read` }, line: dod.resultsTableLine });
    }
    if (unreadableLines.length > 0) {
      const first = unreadableLines[0]!;
      const more = unreadableLines.length - 1;
      missing.unshift({
        what: {
          zh: `有 ${unreadableLines.length} 行 DoD 读不出，第一处在第 ${first.line} 行：${first.reason.zh.replace(/。$/, '')}${more > 0 ? `（另有 ${more} 处）` : ''}`,
          en: `${unreadableLines.length} DoD line${unreadableLines.length === 1 ? '' : 's'} cannot be read, the first on line ${first.line}: ${uncapitalise(first.reason.en).replace(/\.$/, '')}${more > 0 ? ` (and ${more} more)` : ''}`,
        },
        line: first.line,
      });
    } else if (dod.dodLine === undefined) {
      missing.push({ what: { zh: '没有验收阈值（Definition of Done）', en: 'no Definition of Done' }, line: perf.line });
    } else if (dod.thresholds.length === 0) {
      missing.push({ what: { zh: `验收阈值（第 ${dod.dodLine} 行）下没有阈值`, en: `no threshold under the Definition of Done (line ${dod.dodLine})` }, line: dod.dodLine });
    }

    if (missing.length === 0 && dod.verdict !== 'none') {
      const verdict = VERDICT_NAMES[dod.verdict];
      return pass(
        { zh: `结果表可判定 DoD：${verdict.zh}，${dod.met}/${dod.total} 项达标。`, en: `The results table gives a DoD verdict: ${verdict.en}, ${dod.met}/${dod.total} met.` },
        dod.resultsTableLine,
      );
    }
    // (No verdict without anything missing cannot happen: no verdict means no row or no threshold.)
    const list = joinPhrases(missing.map((m) => m.what), { zh: '；', en: '; ' });
    return fail({ zh: `状态为“${status.label.zh}”，但${list.zh}。`, en: `${status.label.en}, but ${list.en}.` }, missing[0]?.line ?? perf.line);
  },
};
