import { firstMatch, hasQuantity, labelledBlock, section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const PROFILER = /async-profiler|\bJFR\b|Java Flight Recorder|JDK Mission Control|\bJMC\b|flame ?graph|火焰图|\bperf\b|bpftrace|eBPF|\bjstack\b|\bjcmd\b|VisualVM|YourKit|JProfiler|Honest Profiler|GC log|GC 日志/i;
const METRIC = /p9\d|p50|latency|延迟|throughput|吞吐|CPU|GC|allocation|分配|IOPS|I\/O|IO|bytes|字节|heap|堆|pause|停顿|contention|争用|锁/i;
const ROOT_CAUSE = [/根因/, /root[- ]cause/i, /hypothesis/i];

export const evidenceChain: Rule = {
  id: 'evidence-chain',
  title: 'The motivation has evidence and a root-cause hypothesis',
  why: 'Evidence → root-cause hypothesis → key path → change points is the template’s single chain: without measurements, a proposal is only a wish.',
  fix: 'Under “**证据**/**Evidence**”, name the profiler (async-profiler, JFR…) and at least one measured metric with its value (“p99 48 ms”, “CPU 72%”); under “**根因假设**/**Root-cause hypothesis**”, say which code does the extra work and why.',
  weight: 8,
  sections: ['motivation'],
  check: (doc) => {
    const motivation = section(doc, 'motivation');
    if (!motivation) return fail('There is no motivation section.');
    const written = writtenLines(motivation);
    const tool = firstMatch(written, PROFILER);
    const metric = written.find(({ text }) => METRIC.test(text) && hasQuantity(text));
    const rootCause = labelledBlock(motivation, ROOT_CAUSE);
    const missing = [!tool && 'a profiling tool', !metric && 'a measured metric with its value', !(rootCause && rootCause.lines.length > 0) && 'a root-cause hypothesis'].filter(Boolean);
    return missing.length === 0 ? pass('Profiler, measured metric and root-cause hypothesis are there.', motivation.line) : fail(`The motivation lacks ${missing.join(', ')}.`, rootCause?.labelLine ?? motivation.line);
  },
};
