import { firstMatch, hasQuantity, joinPhrases, labelledBlock, section, writtenLines } from '../text.ts';
import { DOD_LABELS } from '../../vocabulary/definition-of-done.ts';
import { fail, pass, type Rule } from '../types.ts';

const ENVIRONMENT = /broker|集群|cluster/i;
const VERSIONS = /Kafka\s*\d|JDK\s*\d|Java\s*\d|OpenJDK/i;
const BASELINE = /baseline|基线|关开关|(?:flag|switch) off/i;
const CANDIDATE = /candidate|候选|开开关|(?:flag|switch) on/i;
const RUN_COUNT = /\d+\s*(?:次|轮|runs?\b|times\b|iterations?\b|repetitions?\b)|(?:runs?|次数)\s*[:：=]?\s*\d+/i;
const SCENARIOS = [/场景/, /scenario/i];
const ITEM = /^\s*(?:[-*+]\s+|\d+[.)]\s+|\|(?!\s*:?-{3})).+/;

export const performanceValidation: Rule = {
  id: 'performance-validation',
  title: { zh: '可重复的基准测试，并给出验收阈值（DoD）', en: 'A repeatable benchmark with Definition of Done thresholds' },
  why: {
    zh: '没有基线、跑的次数和事先定好的阈值，“变快了”就无从判断。有了 DoD，性能结论才可以被证伪。',
    en: 'Without a baseline, a run count and thresholds fixed in advance, “faster” cannot be decided. The DoD is what makes a performance claim falsifiable.',
  },
  fix: {
    zh: '写清环境（broker 数、硬件、Kafka 和 JDK 版本），基线（关开关）对比候选（开开关）及各跑几次，至少三个场景，以及带数字的验收阈值（DoD），如“p99 降低 ≥ 15%”“吞吐回退不超过 2%”。',
    en: 'Give the environment (brokers, hardware, Kafka and JDK versions), baseline (flag off) vs candidate (flag on) with the number of runs, at least three scenarios, and DoD thresholds with numbers (“p99 −15% or better”, “no throughput regression over 2%”).',
  },
  weight: 10,
  sections: ['performance'],
  check: (doc) => {
    const perf = section(doc, 'performance');
    if (!perf) return fail({ zh: '没有“性能验证”一节。', en: 'There is no performance validation section.' });
    const written = writtenLines(perf);
    const scenarios = labelledBlock(perf, SCENARIOS);
    const scenarioCount = (scenarios?.lines ?? []).filter(({ text }) => ITEM.test(text) && !/^\s*\|?\s*(场景|scenario)\b/i.test(text.replace(/^\|\s*/, ''))).length;
    const dod = labelledBlock(perf, DOD_LABELS);
    const missing = [
      !(firstMatch(written, ENVIRONMENT) && firstMatch(written, VERSIONS)) && { zh: '环境（broker 数和 Kafka/JDK 版本）', en: 'the environment (brokers and Kafka/JDK versions)' },
      !(firstMatch(written, BASELINE) && firstMatch(written, CANDIDATE)) && { zh: '基线与候选的对比', en: 'baseline vs candidate' },
      !firstMatch(written, RUN_COUNT) && { zh: '跑的次数', en: 'a run count' },
      scenarioCount < 3 && { zh: `至少三个场景（目前 ${scenarioCount} 个）`, en: `at least three scenarios (found ${scenarioCount})` },
      !(dod && dod.lines.some(({ text }) => hasQuantity(text))) && { zh: '带数字的验收阈值（DoD）', en: 'Definition of Done thresholds with numbers' },
    ].filter((m) => m !== false);
    if (missing.length === 0) {
      return pass({ zh: `环境、基线与候选对比、${scenarioCount} 个场景和量化的 DoD 都有。`, en: `Environment, baseline vs candidate, ${scenarioCount} scenarios and numeric DoD.` }, perf.line);
    }
    const list = joinPhrases(missing, { zh: '；', en: '; ' });
    return fail({ zh: `基准测试缺少：${list.zh}。`, en: `The benchmark lacks ${list.en}.` }, dod?.labelLine ?? perf.line);
  },
};
