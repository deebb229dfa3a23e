import { firstMatch, hasQuantity, labelledBlock, section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const ENVIRONMENT = /broker|集群|cluster/i;
const VERSIONS = /Kafka\s*\d|JDK\s*\d|Java\s*\d|OpenJDK/i;
const BASELINE = /baseline|基线|关开关|(?:flag|switch) off/i;
const CANDIDATE = /candidate|候选|开开关|(?:flag|switch) on/i;
const RUN_COUNT = /\d+\s*(?:次|轮|runs?\b|times\b|iterations?\b|repetitions?\b)|(?:runs?|次数)\s*[:：=]?\s*\d+/i;
const SCENARIOS = [/场景/, /scenario/i];
const DOD = [/Definition of Done/i, /验收阈值/, /\bDoD\b/];
const ITEM = /^\s*(?:[-*+]\s+|\d+[.)]\s+|\|(?!\s*:?-{3})).+/;

export const performanceValidation: Rule = {
  id: 'performance-validation',
  title: 'A repeatable benchmark with Definition of Done thresholds',
  why: 'Without a baseline, a run count and thresholds fixed in advance, “faster” cannot be decided. The DoD is what makes a performance claim falsifiable.',
  fix: 'Give the environment (brokers, hardware, Kafka and JDK versions), baseline (flag off) vs candidate (flag on) with the number of runs, at least three scenarios, and DoD thresholds with numbers (“p99 −15% or better”, “no throughput regression over 2%”).',
  weight: 10,
  sections: ['performance'],
  check: (doc) => {
    const perf = section(doc, 'performance');
    if (!perf) return fail('There is no performance validation section.');
    const written = writtenLines(perf);
    const scenarios = labelledBlock(perf, SCENARIOS);
    const scenarioCount = (scenarios?.lines ?? []).filter(({ text }) => ITEM.test(text) && !/^\s*\|?\s*(场景|scenario)\b/i.test(text.replace(/^\|\s*/, ''))).length;
    const dod = labelledBlock(perf, DOD);
    const missing = [
      !(firstMatch(written, ENVIRONMENT) && firstMatch(written, VERSIONS)) && 'the environment (brokers and Kafka/JDK versions)',
      !(firstMatch(written, BASELINE) && firstMatch(written, CANDIDATE)) && 'baseline vs candidate',
      !firstMatch(written, RUN_COUNT) && 'a run count',
      scenarioCount < 3 && `at least three scenarios (found ${scenarioCount})`,
      !(dod && dod.lines.some(({ text }) => hasQuantity(text))) && 'Definition of Done thresholds with numbers',
    ].filter(Boolean);
    return missing.length === 0 ? pass(`Environment, baseline vs candidate, ${scenarioCount} scenarios and numeric DoD.`, perf.line) : fail(`The benchmark lacks ${missing.join('; ')}.`, dod?.labelLine ?? perf.line);
  },
};
