/**
 * The worked example of reporting results (issue 14), in each template language: a Definition of
 * Done and a results table as section 5 would carry them. /template/ shows it with the verdicts the
 * site's own engine gives it, and a unit test holds it to reading cleanly and to showing every
 * outcome, so the documentation cannot drift from what the parser reads. The numbers are
 * illustrative. The template files themselves stay as their author wrote them: this is how to add
 * results to a proposal, not part of the template.
 */
import { analyseBody } from '../markdown/analyse.ts';
import { TEMPLATE_SECTIONS } from '../vocabulary/sections.ts';
import type { LanguageId } from '../vocabulary/languages.ts';
import type { DodAssessment } from './types.ts';
import { dodOfBody } from './verdict.ts';

export interface ResultsExample {
  /** The DoD label and its lines, as the template writes them. */
  dod: string;
  /** The results table to add after them. */
  table: string;
}

export const RESULTS_EXAMPLES: Readonly<Record<LanguageId, ResultsExample>> = {
  zh: {
    dod: ['**验收阈值（Definition of Done）**', '- 延迟：p99 降低 ≥ 15%', '- 无回归：吞吐 不退化超过 2%'].join('\n'),
    table: [
      '| 场景 | 指标 | 基线 | 候选 | 次数 |',
      '|---|---|---|---|---|',
      '| 小消息 + 压缩（lz4） | p99 延迟 | 48.2 ms ± 1.1 | 36.1 ms ± 0.9 | 5 |',
      '| 小消息 + 压缩（lz4） | 吞吐 | 1210 MB/s ± 10 | 1220 MB/s ± 10 | 5 |',
      '| 小消息 + 压缩（lz4） | CPU | 72% ± 1 | 68% ± 1 | 5 |',
      '| 混合消息大小 | p99 延迟 | 61.0 ms ± 1.5 | 57.3 ms ± 1.4 | 5 |',
      '| 混合消息大小 | 吞吐 | 870 MB/s ± 6 | 868 MB/s ± 6 | 5 |',
      '| Compaction 开启 | p99 延迟 | 35.4 ms ± 2.0 | 29.8 ms ± 1.8 | 5 |',
      '| Compaction 开启 | 吞吐 | 410 MB/s ± 3 | 415 MB/s ± 3 | 2 |',
    ].join('\n'),
  },
  en: {
    dod: ['**Definition of Done (acceptance thresholds)**', '- Latency: p99 down ≥ 15%', '- No regression: throughput no worse than 2%'].join('\n'),
    table: [
      '| Scenario | Metric | Baseline | Candidate | Runs |',
      '|---|---|---|---|---|',
      '| Small messages + compression (lz4) | p99 latency | 48.2 ms ± 1.1 | 36.1 ms ± 0.9 | 5 |',
      '| Small messages + compression (lz4) | throughput | 1210 MB/s ± 10 | 1220 MB/s ± 10 | 5 |',
      '| Small messages + compression (lz4) | CPU | 72% ± 1 | 68% ± 1 | 5 |',
      '| Mixed message sizes | p99 latency | 61.0 ms ± 1.5 | 57.3 ms ± 1.4 | 5 |',
      '| Mixed message sizes | throughput | 870 MB/s ± 6 | 868 MB/s ± 6 | 5 |',
      '| Compaction on | p99 latency | 35.4 ms ± 2.0 | 29.8 ms ± 1.8 | 5 |',
      '| Compaction on | throughput | 410 MB/s ± 3 | 415 MB/s ± 3 | 2 |',
    ].join('\n'),
  },
};

/**
 * DoD lines the parser reads, in each template language, for /template/ to list: an improvement
 * with `≥` or "at least", several metrics bound at once, no regression worded both ways.
 */
export const DOD_LINE_FORMS: Readonly<Record<LanguageId, readonly string[]>> = {
  zh: ['延迟：p99 降低 ≥ 15%', 'CPU：降低至少 10%', 'GC 暂停 p99 减少 20% 或以上', '吞吐提升 ≥ 5%', '无回归：吞吐/内存峰值 不退化超过 2%', '内存峰值增加不超过 3%'],
  en: ['Latency: p99 down ≥ 15%', 'CPU reduced by at least 10%', 'GC pause p99 down 20% or more', 'Throughput up ≥ 5%', 'No regression: throughput / peak memory no worse than 2%', 'No regression over 2% in throughput'],
};

/** A line the parser refuses rather than guesses (is 15% a floor or a ceiling?), shown with its reason. */
export const DOD_LINE_REFUSED: Readonly<Record<LanguageId, string>> = {
  zh: 'p99 降低 15%',
  en: 'p99 down 15%',
};

/** The example as it would stand in section 5: the DoD, a blank line, the table. */
export function exampleMarkdown(lang: LanguageId): string {
  const { dod, table } = RESULTS_EXAMPLES[lang];
  return `${dod}\n\n${table}\n`;
}

/** What the site makes of the example, read as section 5 of a proposal in that language. */
export function assessExample(lang: LanguageId): DodAssessment {
  const section = TEMPLATE_SECTIONS.find((s) => s.key === 'performance')!;
  return dodOfBody(analyseBody(`## ${section.number}) ${section[lang]}\n\n${exampleMarkdown(lang)}`));
}
