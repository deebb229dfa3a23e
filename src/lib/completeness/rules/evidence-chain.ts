import type { Localized } from '../../i18n/locales.ts';
import { firstMatch, hasQuantity, joinPhrases, labelledBlock, section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const PROFILER = /async-profiler|\bJFR\b|Java Flight Recorder|JDK Mission Control|\bJMC\b|flame ?graph|火焰图|\bperf\b|bpftrace|eBPF|\bjstack\b|\bjcmd\b|VisualVM|YourKit|JProfiler|Honest Profiler|GC log|GC 日志/i;
const METRIC = /p9\d|p50|latency|延迟|throughput|吞吐|CPU|GC|allocation|分配|IOPS|I\/O|IO|bytes|字节|heap|堆|pause|停顿|contention|争用|锁/i;
const ROOT_CAUSE = [/根因/, /root[- ]cause/i, /hypothesis/i];

const MISSING = {
  tool: { zh: 'profiling 工具', en: 'a profiling tool' },
  metric: { zh: '带数值的实测指标', en: 'a measured metric with its value' },
  rootCause: { zh: '根因假设', en: 'a root-cause hypothesis' },
} as const satisfies Record<string, Localized>;

export const evidenceChain: Rule = {
  id: 'evidence-chain',
  title: { zh: '动机有证据和根因假设', en: 'The motivation has evidence and a root-cause hypothesis' },
  why: {
    zh: '证据 → 根因假设 → 关键路径 → 改动点，是模板的一条主线：没有实测数据，提案只是愿望。',
    en: 'Evidence → root-cause hypothesis → key path → change points is the template’s single chain: without measurements, a proposal is only a wish.',
  },
  fix: {
    zh: '在“**证据**”下写明 profiling 工具（async-profiler、JFR 等）和至少一项带数值的实测指标（如“p99 48 ms”“CPU 72%”）；在“**根因假设**”下说明哪段代码做了多余的工作、为什么。',
    en: 'Under “**证据**/**Evidence**”, name the profiler (async-profiler, JFR…) and at least one measured metric with its value (“p99 48 ms”, “CPU 72%”); under “**根因假设**/**Root-cause hypothesis**”, say which code does the extra work and why.',
  },
  weight: 8,
  sections: ['motivation'],
  check: (doc) => {
    const motivation = section(doc, 'motivation');
    if (!motivation) return fail({ zh: '没有“动机 / 问题陈述”一节。', en: 'There is no motivation section.' });
    const written = writtenLines(motivation);
    const tool = firstMatch(written, PROFILER);
    const metric = written.find(({ text }) => METRIC.test(text) && hasQuantity(text));
    const rootCause = labelledBlock(motivation, ROOT_CAUSE);
    const missing = [!tool && MISSING.tool, !metric && MISSING.metric, !(rootCause && rootCause.lines.length > 0) && MISSING.rootCause].filter((m) => m !== false);
    if (missing.length === 0) return pass({ zh: 'profiling 工具、实测指标和根因假设都有。', en: 'Profiler, measured metric and root-cause hypothesis are there.' }, motivation.line);
    const list = joinPhrases(missing);
    return fail({ zh: `动机部分缺少：${list.zh}。`, en: `The motivation lacks ${list.en}.` }, rootCause?.labelLine ?? motivation.line);
  },
};
