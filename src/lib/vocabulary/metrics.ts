/**
 * The metrics a benchmark reports, for the Definition of Done (issue 14): what each is called in
 * both languages, which way is better, and the words that name it in a results table's `指标`/`Metric`
 * cell or in a DoD line. The parser (src/lib/dod/parse.ts) reads these words and nothing else, so
 * a metric it does not know is reported as unreadable rather than guessed.
 *
 * Words are matched case-insensitively after NFKC normalisation (full-width `％` and `：` become `%`
 * and `:`). A Latin word must stand alone (`up` is not in `warm-up`, `p99` is not in `p99.9`); a
 * Chinese word is found anywhere. A phrase given as a list needs all its words, in any order, in
 * the same part of the text: `['gc', 'pause']` is "GC pause" as well as "pause time of GC".
 */
import type { Localized } from '../i18n/locales.ts';
import type { Better } from '../dod/types.ts';

/** One way of naming a metric: a word or phrase, or several words that must all be there. */
export type MetricPhrase = string | readonly string[];

export interface Metric {
  /** Stable id, kept in records and shown in `data-` attributes. */
  readonly id: string;
  readonly name: Localized;
  readonly better: Better;
  /** The words that name it, by the language they come from (both are looked for in any proposal). */
  readonly words: Localized<readonly MetricPhrase[]>;
  /**
   * Metrics this one is a narrower reading of: named together, this one is meant. "p99 延迟" is the
   * p99, not latency in general; "GC 暂停 p99" is a GC pause, not a request's p99; "磁盘写放大" is write
   * amplification, not disk I/O. Two metrics named together where neither narrows the other are
   * ambiguous, and reported so.
   */
  readonly narrows?: readonly string[];
}

const LATENCY_PERCENTILES = ['latency-p50', 'latency-p95', 'latency-p99', 'latency-p999'];
const LATENCY = [...LATENCY_PERCENTILES, 'latency-mean', 'latency'];

export const METRICS = [
  {
    id: 'latency-p50',
    name: { zh: 'p50 延迟', en: 'p50 latency' },
    better: 'lower',
    words: { zh: ['50 分位', '50分位', '中位数'], en: ['p50', '50th percentile', 'median'] },
    narrows: ['latency'],
  },
  {
    id: 'latency-p95',
    name: { zh: 'p95 延迟', en: 'p95 latency' },
    better: 'lower',
    words: { zh: ['95 分位', '95分位'], en: ['p95', '95th percentile'] },
    narrows: ['latency'],
  },
  {
    id: 'latency-p99',
    name: { zh: 'p99 延迟', en: 'p99 latency' },
    better: 'lower',
    words: { zh: ['99 分位', '99分位'], en: ['p99', '99th percentile'] },
    narrows: ['latency'],
  },
  {
    id: 'latency-p999',
    name: { zh: 'p99.9 延迟', en: 'p99.9 latency' },
    better: 'lower',
    words: { zh: ['99.9 分位', '99.9分位'], en: ['p999', 'p99.9', '99.9th percentile'] },
    narrows: ['latency'],
  },
  {
    id: 'latency-mean',
    name: { zh: '平均延迟', en: 'mean latency' },
    better: 'lower',
    words: {
      zh: ['平均延迟', '延迟均值', ['平均', '延迟'], ['均值', '延迟'], ['平均', '时延']],
      en: [['mean', 'latency'], ['avg', 'latency'], ['average', 'latency']],
    },
    narrows: ['latency'],
  },
  {
    // Latency as a table or a line names it without saying which statistic: matched only to itself.
    id: 'latency',
    name: { zh: '延迟', en: 'latency' },
    better: 'lower',
    words: { zh: ['延迟', '时延', '响应时间'], en: ['latency', 'response time', 'totaltimems'] },
  },
  {
    id: 'request-queue-time',
    name: { zh: '请求排队时间', en: 'request queue time' },
    better: 'lower',
    words: { zh: ['排队时间', '排队', '队列等待'], en: ['queue time', 'requestqueuetimems', 'queueing time', 'queuing time'] },
    narrows: LATENCY,
  },
  {
    id: 'cpu',
    name: { zh: 'CPU', en: 'CPU' },
    better: 'lower',
    words: { zh: ['处理器占用'], en: ['cpu'] },
    // "I/O 线程 CPU", "network thread CPU": the CPU of a thread pool, not its traffic.
    narrows: ['disk-io', 'network'],
  },
  {
    id: 'gc-pause',
    name: { zh: 'GC 暂停', en: 'GC pause' },
    better: 'lower',
    words: {
      zh: [['gc', '暂停'], ['gc', '停顿'], ['gc', '耗时'], ['gc', '时间'], ['垃圾回收', '暂停'], ['垃圾回收', '停顿']],
      en: [['gc', 'pause'], ['gc', 'pauses'], ['gc', 'time'], ['garbage collection', 'pause']],
    },
    narrows: [...LATENCY, 'gc'],
  },
  {
    id: 'gc-count',
    name: { zh: 'GC 次数', en: 'GC count' },
    better: 'lower',
    words: {
      zh: [['gc', '次数'], ['gc', '次/秒'], ['gc', '频率'], ['垃圾回收', '次数']],
      en: [['gc', 'count'], ['gc', 'collections'], ['gc', 'frequency'], ['gc', 'per second'], ['gc', '/s']],
    },
    narrows: [...LATENCY, 'gc'],
  },
  {
    // GC named without saying pause or count: matched only to itself.
    id: 'gc',
    name: { zh: 'GC', en: 'GC' },
    better: 'lower',
    words: { zh: ['垃圾回收'], en: ['gc', 'garbage collection'] },
    narrows: LATENCY,
  },
  {
    id: 'throughput',
    name: { zh: '吞吐', en: 'throughput' },
    better: 'higher',
    words: {
      zh: ['吞吐', '吞吐量', '条/秒', '消息/秒'],
      en: ['throughput', 'records/s', 'records/sec', 'msgs/s', 'msg/s', 'messages/s', 'ops/s', 'mb/s', 'mib/s', 'gb/s', 'qps'],
    },
    // "网络吞吐" is throughput, higher better; "produce 吞吐 p99" does not arise.
    narrows: ['network'],
  },
  {
    id: 'memory',
    name: { zh: '内存峰值', en: 'peak memory' },
    better: 'lower',
    words: {
      zh: ['内存峰值', '内存', '堆内存', '常驻内存', '堆'],
      en: ['peak memory', 'memory', 'heap', 'rss', 'resident memory'],
    },
    // "heap after GC" is the heap.
    narrows: ['gc'],
  },
  {
    id: 'allocation-rate',
    name: { zh: '分配速率', en: 'allocation rate' },
    better: 'lower',
    words: {
      zh: ['分配速率', '分配', '分配字节'],
      en: ['allocation rate', 'allocation', 'allocations', 'allocated bytes', 'alloc rate', 'gc.alloc.rate', 'gc.alloc.rate.norm'],
    },
    // "heap allocation (MB/s)" is allocation, not memory held or throughput.
    narrows: ['memory', 'throughput', 'gc'],
  },
  {
    id: 'disk-io',
    name: { zh: '磁盘 IO', en: 'disk I/O' },
    better: 'lower',
    words: {
      zh: ['磁盘 io', '磁盘io', '磁盘 i/o', '磁盘读写', '读写字节', '写入字节', '读取字节', '磁盘写入', '磁盘读取'],
      en: ['disk io', 'disk i/o', 'i/o', 'io', 'iops', 'i/o bytes', 'io bytes', 'bytes written', 'bytes read', 'disk writes', 'disk reads', 'disk write', 'disk read'],
    },
    // "disk write MB/s" is I/O.
    narrows: ['throughput'],
  },
  {
    id: 'disk-usage',
    name: { zh: '磁盘占用', en: 'disk usage' },
    better: 'lower',
    words: { zh: ['磁盘占用', '磁盘空间', '存储占用'], en: ['disk usage', 'disk space', 'storage used', 'bytes on disk'] },
  },
  {
    id: 'write-amplification',
    name: { zh: '写放大', en: 'write amplification' },
    better: 'lower',
    words: { zh: ['写放大'], en: ['write amplification', 'write amp'] },
    narrows: ['disk-io'],
  },
  {
    id: 'network',
    name: { zh: '网络流量', en: 'network traffic' },
    better: 'lower',
    words: { zh: ['网络流量', '网络字节', '网络带宽占用', '网络'], en: ['network', 'network bytes', 'network traffic', 'bytes in', 'bytes out', 'bytesin', 'bytesout'] },
  },
  {
    id: 'compression-ratio',
    name: { zh: '压缩率', en: 'compression ratio' },
    better: 'higher',
    words: { zh: ['压缩率', '压缩比'], en: ['compression ratio'] },
  },
] as const satisfies readonly Metric[];

export type MetricId = (typeof METRICS)[number]['id'];

const byId = new Map<string, Metric>(METRICS.map((m) => [m.id, m]));

/** The metric with this id; undefined for an id the vocabulary does not have (an old cached record). */
export function findMetric(id: string): Metric | undefined {
  return byId.get(id);
}
