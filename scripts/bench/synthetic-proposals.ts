/**
 * Synthetic proposals for the benchmark: shaped like the template (every section, 120–200 lines,
 * tables, code blocks, links), half Chinese and half English, spread over every component and
 * status, with frontmatter that the real schema accepts. Deterministic: the same seed gives the
 * same files, so runs on different days measure the same content.
 *
 * The words are assembled from Kafka vocabulary and random figures rather than copied from one
 * proposal, so the search index sees a realistic spread of distinct terms, not N copies of one page.
 */
import { COMPONENTS, sourceUrl, type Component } from '../../src/lib/vocabulary/components.ts';
import { TEMPLATE_SECTIONS, SUMMARY_ITEMS } from '../../src/lib/vocabulary/sections.ts';
import { STATUS_NAMES, type StatusName } from '../../src/lib/vocabulary/statuses.ts';
import type { LanguageId } from '../../src/lib/vocabulary/languages.ts';

export interface SyntheticProposal {
  id: string;
  fileName: string;
  lang: LanguageId;
  status: StatusName;
  component: string;
  /** The frontmatter as written, before the schema's defaults and transforms. */
  frontmatter: Record<string, unknown>;
  text: string;
  lines: number;
}

export const MIN_LINES = 120;
export const MAX_LINES = 200;

/** mulberry32: small, fast and good enough to pick words (and, in tests, to make documents that can be made again). */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return out;
  };
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of entries) if ((r -= w) < 0) return value;
    return entries[entries.length - 1]![0];
  };
  return { next, int, pick, chance, sample, weighted };
}

type Random = ReturnType<typeof createRandom>;

/** Roughly the spread of a living catalogue: many drafts and discussions, fewer final states. */
const STATUS_WEIGHTS: readonly (readonly [StatusName, number])[] = [
  ['Draft', 28],
  ['Under Discussion', 24],
  ['Accepted', 10],
  ['Implemented', 12],
  ['Rejected', 6],
  ['Withdrawn', 5],
  ['Superseded', 5],
  ['Dormant', 10],
];
if (STATUS_WEIGHTS.length !== STATUS_NAMES.length) throw new Error('synthetic-proposals: give every status a weight');

const AUTHORS = ['Lin Wei', 'Zhang Min', 'Chen Jie', 'Wang Fang', 'Liu Yang', 'Alex Morgan', 'Priya Raman', 'Jonas Berg', 'Maria Santos', 'Kenji Sato', 'Sam Okafor', 'Elena Petrova', 'Zhao Lei', 'Huang Xin', 'Tomás Ruiz', 'Hannah Schmidt'];
const METRICS = ['RequestHandlerAvgIdlePercent', 'NetworkProcessorAvgIdlePercent', 'LocalTimeMs', 'RemoteTimeMs', 'RequestQueueTimeMs', 'ResponseSendTimeMs', 'TotalTimeMs', 'BytesInPerSec', 'MessagesInPerSec', 'UnderReplicatedPartitions', 'cleaner-recopy-percent', 'max-clean-time-secs', 'RemoteFetchBytesPerSec', 'EventQueueTimeMs', 'ProduceThrottleTime'];
const TOOLS = ['async-profiler `-e cpu`', 'async-profiler `-e alloc`', 'async-profiler `-e lock`', 'JFR (`jdk.ObjectAllocationSample`)', '`perf record -g`', 'JMH with `-prof gc`', 'bpftrace off-CPU sampling'];
const CODECS = ['gzip', 'snappy', 'lz4', 'zstd', 'none'];
const JDKS = ['JDK 17', 'JDK 21', 'JDK 11'];
const VERSIONS = ['3.6.2', '3.7.1', '3.8.1', '3.9.0', '4.0.0', '4.1.0'];
const CONFIG_AREAS = ['log', 'log.cleaner', 'replica', 'socket', 'queued', 'remote.log', 'controller', 'num', 'fetch', 'producer.state'];
const CONFIG_WORDS = ['buffer', 'reuse', 'prefetch', 'shard', 'priority', 'batch', 'lazy', 'streaming', 'index', 'cache', 'keyed', 'inplace', 'dictionary', 'adaptive', 'split'];

const EN = {
  problems: ['allocates a fresh buffer for every batch it reads', 'holds a partition-wide lock for the whole append', 'copies each record twice before it reaches the socket', 'scans the whole offset index on every lookup', 'recompresses batches it only needs to filter', 'wakes every waiting request when one key completes', 'serialises large responses on the network thread', 'rebuilds the session map on each incremental request', 'fsyncs the producer state snapshot on the request path', 'decodes the full batch header twice per validation'],
  workloads: ['small messages with compression on', 'brokers with more than 4,000 partitions', 'a compacted topic with sparse updates', 'consumers catching up from tiered storage', 'acks=all producers with three replicas', 'bursty fetch traffic from 2,000 consumers', 'transactional producers with short transactions', 'a controller under heavy metadata churn'],
  approaches: ['reuse one buffer per I/O thread through `BufferSupplier`', 'complete waiting operations by key instead of scanning the purgatory', 'split the lock into one per segment', 'prefetch the next index block on a background thread', 'skip recompression when only a few bytes are removed', 'cache the encoded response per session', 'validate in place while streaming the batch', 'move the snapshot write off the request path'],
  evidence: ['The flame graph shows {pct}% of I/O thread samples under `{cls}`.', 'Young GC runs {n} times a second and allocation rate reaches {mb} MB/s.', '`{metric}` p99 rises from {ms} ms to {ms2} ms once the load passes {n} k messages/s.', 'Lock profiling attributes {pct}% of blocked time to one monitor in `{cls}`.', 'Off-CPU sampling shows request handlers parked for {ms} ms on average.'],
  filler: ['The same pattern appears in `{cls}` and `{cls2}`, so the change touches both and keeps their behaviour identical.', 'We measured this on {version} with {jdk}; the numbers below repeat within {pct}% across {n} runs.', 'Operators see it as a rise in `{metric}` that does not follow CPU, which points at waiting rather than work.', 'Nothing here changes what a client sees: requests, responses and error codes stay as they are.', 'Batches of {n} records at {size} bytes each make the effect clearest; larger batches hide it behind I/O.', 'The hot path runs once per batch, so the cost scales with batch count rather than with bytes.', 'A simpler fix (raising `{config}`) only moves the limit; it does not remove the repeated work.', 'Previous attempts in {jira} stalled on the question of who owns the buffer after the response is sent.'],
  openQuestions: ['Should the switch be per topic or per broker?', 'Is a metric for the hit rate worth its cost on the hot path?', 'What happens to in-flight requests when the flag is turned off at runtime?', 'Does this interact with KIP-{kipNumber}, which also changes `{cls}`?', 'Is {pct}% a safe default threshold, or should it be derived from the segment size?', 'Who owns the pooled buffer if the response is dropped before it is sent?'],
  headings: { symptoms: 'Symptoms', evidence: 'Evidence', rootCause: 'Root-cause hypothesis', keyFinding: 'Key finding', coreIdea: 'Core idea', changePoints: 'Change points', compatibility: 'Compatibility', failureModes: 'Failure modes', environment: 'Environment', method: 'Method', matrix: 'Scenario matrix', dod: 'Definition of Done' },
};

const ZH: typeof EN = {
  problems: ['每读一个批次都新分配一块缓冲', '整个追加过程都持有分区级的锁', '记录在写到 socket 之前被拷贝两次', '每次查找都扫描整个 offset 索引', '对只需过滤的批次也重新压缩', '一个 key 完成时唤醒所有等待的请求', '在网络线程上序列化大的响应', '每个增量请求都重建 session 映射', '在请求路径上对 producer state 快照做 fsync', '每次校验都把批次头解码两遍'],
  workloads: ['小消息且开启压缩', '单 broker 超过 4,000 个分区', '更新稀疏的 compacted topic', '消费者从分层存储追读', '三副本 acks=all 的生产者', '2,000 个消费者的突发 fetch 流量', '短事务的事务型生产者', '元数据频繁变更下的 controller'],
  approaches: ['经 `BufferSupplier` 让每个 I/O 线程复用一块缓冲', '按 key 完成等待中的操作，不再扫描整个 purgatory', '把锁拆成每个段一把', '在后台线程预取下一个索引块', '只删掉少量字节时跳过重压缩', '按 session 缓存编码好的响应', '在流式读取批次的同时原地校验', '把快照写入移出请求路径'],
  evidence: ['火焰图中 I/O 线程 {pct}% 的采样落在 `{cls}` 之下。', 'young GC 每秒 {n} 次，分配速率达到 {mb} MB/s。', '负载超过每秒 {n} k 条消息后，`{metric}` p99 从 {ms} ms 升到 {ms2} ms。', '锁分析显示 {pct}% 的阻塞时间集中在 `{cls}` 的一个 monitor 上。', 'off-CPU 采样显示请求处理线程平均等待 {ms} ms。'],
  filler: ['`{cls}` 与 `{cls2}` 中有同样的模式，所以改动同时覆盖两处，并保持行为一致。', '测量基于 {version} 与 {jdk}；下面的数字在 {n} 次运行中波动不超过 {pct}%。', '运维侧看到的是 `{metric}` 上升而 CPU 不变，说明时间花在等待而不是计算上。', '客户端看不到任何变化：请求、响应与错误码都保持原样。', '每批 {n} 条、每条 {size} 字节时效果最明显；批次更大时会被 I/O 掩盖。', '热点路径每个批次执行一次，所以开销随批次数而不是字节数增长。', '更简单的做法（调大 `{config}`）只是推迟了上限，并没有消除重复的工作。', '{jira} 中之前的尝试卡在"响应发出后缓冲归谁"这个问题上。'],
  openQuestions: ['开关应该按 topic 还是按 broker 设置？', '命中率指标值得在热点路径上付出开销吗？', '运行时关闭开关时，正在处理的请求怎么办？', '这与同样修改 `{cls}` 的 KIP-{kipNumber} 有冲突吗？', '{pct}% 作为默认阈值安全吗，还是应该由段大小推导？', '如果响应在发送前被丢弃，池化的缓冲归谁？'],
  headings: { symptoms: '现象', evidence: '证据', rootCause: '根因假设', keyFinding: '关键发现', coreIdea: '核心理念', changePoints: '改动点', compatibility: '兼容性', failureModes: '失败模式', environment: '环境', method: '方法', matrix: '场景矩阵', dod: '验收阈值（Definition of Done）' },
};

const TITLE_EN = ['{area}: {approach} to stop {problemShort}', '{area}: cut {metric} p99 by {approachShort}', '{area}: {approachShort} ({jira})'];
const TITLE_ZH = ['{area}：{approach}，避免{problemShort}', '{area}：通过{approachShort}降低 {metric} p99', '{area}：{approachShort}（{jira}）'];

/** Per-proposal context that slots in templates read from. */
interface Context {
  r: Random;
  component: Component;
  classes: string[];
  metric: string;
  config: string;
  version: string;
  jdk: string;
  jira: string;
}

function fill(template: string, c: Context): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const { r } = c;
    switch (slot) {
      case 'cls':
        return r.pick(c.classes);
      case 'cls2':
        return r.pick(c.classes);
      case 'pct':
        return String(r.int(3, 68));
      case 'n':
        return String(r.int(2, 900));
      case 'mb':
        return String(r.int(80, 2400));
      case 'ms':
        return String(r.int(2, 60));
      case 'ms2':
        return String(r.int(61, 400));
      case 'size':
        return String(r.pick([64, 100, 256, 512, 1024, 4096]));
      case 'metric':
        return r.pick(METRICS);
      case 'config':
        return c.config;
      case 'version':
        return c.version;
      case 'jdk':
        return c.jdk;
      case 'jira':
        return c.jira;
      case 'kipNumber':
        return String(r.int(300, 1200));
      default:
        throw new Error(`synthetic-proposals: unknown slot {${slot}}`);
    }
  });
}

/** A sentence from the pool, or (in unfinished proposals) a template placeholder left in. */
function sentence(pool: readonly string[], c: Context, maturity: number, lang: LanguageId): string {
  if (!c.r.chance(maturity)) return c.r.pick(lang === 'zh' ? ['{{待补充}}', '【待确认】', '{{metrics}}'] : ['{{to be written}}', 'TBD', '{{metrics}}']);
  return fill(c.r.pick(pool), c);
}

function paragraph(pool: readonly string[], c: Context, maturity: number, lang: LanguageId, min: number, max: number): string {
  const count = c.r.int(min, max);
  return Array.from({ length: count }, () => sentence(pool, c, maturity, lang)).join(lang === 'zh' ? '' : ' ');
}

function javaSnippet(c: Context): string[] {
  const cls = (c.r.pick(c.classes).split('#')[0] ?? 'Broker').replace(/[^A-Za-z]/g, '') || 'Broker';
  const field = c.r.pick(['buffer', 'index', 'session', 'waiters', 'batch']);
  return [
    '```java',
    `// ${cls}: ${c.r.pick(['reuse the thread-local buffer', 'route by key', 'skip when unchanged'])}`,
    `if (config.${c.r.pick(CONFIG_WORDS)}Enabled()) {`,
    `    ByteBuffer ${field} = bufferSupplier.get(${c.r.pick([2048, 16384, 65536])});`,
    '    try {',
    `        return ${cls.charAt(0).toLowerCase() + cls.slice(1)}.process(records, ${field});`,
    '    } finally {',
    `        bufferSupplier.release(${field});`,
    '    }',
    '}',
    `return legacyPath(records); // ${c.r.int(1, 9)} allocations per batch`,
    '```',
  ];
}

function configSnippet(c: Context): string[] {
  return ['```properties', `${c.config}=false`, `# ${c.r.pick(['threshold in percent of bytes removed', 'per-thread pool size', 'prefetch depth in blocks'])}`, `${c.config.replace(/\.enable$/, '')}.threshold=${c.r.int(1, 50)}`, '```'];
}

function shellSnippet(c: Context): string[] {
  return [
    '```sh',
    `bin/kafka-producer-perf-test.sh --topic bench-${c.r.int(1, 99)} --num-records ${c.r.int(1, 50)}000000 \\`,
    `  --record-size ${c.r.pick([100, 512, 1024])} --throughput -1 --producer-props acks=all compression.type=${c.r.pick(CODECS)}`,
    '```',
  ];
}

function bullets(items: readonly string[]): string[] {
  return items.map((item) => `- ${item}`);
}

function body(c: Context, lang: LanguageId, maturity: number, created: string, updated: string, targetLines: number): string[] {
  const { r } = c;
  const t = lang === 'zh' ? ZH : EN;
  const colon = lang === 'zh' ? '：' : ': ';
  const stop = lang === 'zh' ? '。' : '. ';
  const heading = (index: number) => {
    const section = TEMPLATE_SECTIONS[index]!;
    return section.number === null ? `## ${section[lang]}` : `## ${section.number}) ${section[lang]}`;
  };
  const label = (key: keyof typeof EN.headings) => `**${t.headings[key]}**`;
  const s = (pool: readonly string[]) => sentence(pool, c, maturity, lang);
  const p = (pool: readonly string[], min = 1, max = 3) => paragraph(pool, c, maturity, lang, min, max);
  const chain = () => r.sample(c.classes, Math.min(c.classes.length, r.int(2, 4))).map((x) => `\`${x}\``).join(' → ');
  const out: string[] = [];
  const section = (index: number, lines: string[]) => out.push(heading(index), '', ...lines, '');

  const summary = SUMMARY_ITEMS.map((item) => {
    const text = item.key === 'problem' ? `\`${r.pick(c.classes)}\` ${r.pick(t.problems)}${lang === 'zh' ? '，场景：' : ' under '}${r.pick(t.workloads)}${stop}${s(t.evidence)}` : item.key === 'approach' ? `${r.pick(t.approaches)}${lang === 'zh' ? '；开关 ' : ', behind '}\`${c.config}\`${lang === 'zh' ? '，默认关闭。' : ' (default off).'}` : s(t.evidence);
    return `**${item[lang]}**${colon}${text}`;
  });
  section(0, bullets(summary));

  // The filler sections: each grows until the proposal reaches its target length.
  const motivation = [label('symptoms'), '', ...bullets([`${lang === 'zh' ? '场景' : 'Workload'}${colon}${r.pick(t.workloads)}`, p(t.filler)]), '', label('evidence'), '', ...bullets([`Profiling${colon}${r.pick(TOOLS)}${stop}${s(t.evidence)}`, p(t.evidence, 1, 2)]), '', label('rootCause'), ''];
  const rootCauses = bullets(Array.from({ length: r.int(2, 3) }, () => p(t.filler, 2, 3)));
  section(1, [...motivation, ...rootCauses]);

  section(2, [...bullets(Array.from({ length: r.int(3, 5) }, () => `${r.pick(['Network', 'Append', 'Fetch', 'Cleaner', 'Controller', 'Remote'])}${colon}${chain()}`)), '', label('keyFinding'), '', ...bullets([p(t.filler, 1, 2), s(t.evidence)])]);

  const proposal = [label('coreIdea'), '', ...bullets([`${r.pick(t.approaches)}${stop}${p(t.filler, 1, 2)}`]), '', label('changePoints'), '', ...bullets(Array.from({ length: r.int(3, 6) }, () => `\`${r.pick(c.classes)}\`${colon}${p(t.filler, 1, 3)}`)), ''];
  if (r.chance(0.5)) proposal.push(...javaSnippet(c), '');
  proposal.push(label('compatibility'), '', ...bullets([`${lang === 'zh' ? '默认' : 'Default'}${colon}${lang === 'zh' ? '**关闭**' : '**off**'} (\`${c.config}\`)`, p(t.filler, 1, 1), p(t.filler, 1, 1)]), '');
  proposal.push(label('failureModes'), '', ...bullets([p(t.filler, 1, 2), p(t.filler, 1, 2), `${lang === 'zh' ? '回退策略' : 'Fallback'}${colon}${lang === 'zh' ? `关闭 \`${c.config}\` 即回到原路径。` : `turn \`${c.config}\` off to return to the old path.`}`]));
  section(3, proposal);

  const rows = Array.from({ length: r.int(3, 6) }, (_, i) => `| S${i + 1} | ${r.pick(t.workloads)} | ${r.pick(CODECS)} | ${r.int(2, 60)} → ${r.int(1, 40)} ms | ${r.int(-5, 60)}% |`);
  const performance = [label('environment'), '', ...bullets([`${r.int(3, 9)} brokers, ${r.pick([8, 16, 32])} vCPU / ${r.pick([32, 64, 128])} GiB, NVMe; Kafka ${c.version}, ${c.jdk}`]), ''];
  if (r.chance(0.3)) performance.push(...shellSnippet(c), '');
  performance.push(label('method'), '', ...bullets([p(t.filler, 1, 2), p(t.filler, 1, 1)]), '', label('matrix'), '', '| # | Scenario | Codec | p99 | Δ CPU |', '|---|---|---|---|---|', ...rows, '', label('dod'), '');
  performance.push(...bullets([`${r.pick(METRICS)} p99 ${lang === 'zh' ? '降低' : 'down'} ≥ ${r.int(5, 40)}%`, `CPU ${lang === 'zh' ? '降低' : 'down'} ≥ ${r.int(3, 30)}%`, `${lang === 'zh' ? '无回归' : 'No regression'}${colon}±${r.int(1, 5)}%`]));
  section(4, performance);

  section(5, Array.from({ length: r.int(3, 5) }, () => `- [${r.chance(0.3) ? 'x' : ' '}] ${p(t.filler, 1, 1)}`));

  const release = bullets([p(t.filler, 1, 2), p(t.filler, 1, 2)]);
  if (r.chance(0.25)) release.push('', ...configSnippet(c));
  section(6, release);

  section(7, bullets(Array.from({ length: r.int(2, 4) }, () => s(t.openQuestions))));

  const classLinks = r.sample(c.component.classes, Math.min(3, c.component.classes.length)).map((k) => `[${k.path.split('/').pop()}](${sourceUrl(k.path)})`);
  section(8, bullets([`KIP${colon}[KIP index](https://cwiki.apache.org/confluence/display/KAFKA/Kafka+Improvement+Proposals)`, `JIRA${colon}[${c.jira}](https://issues.apache.org/jira/browse/${c.jira})`, `${lang === 'zh' ? '相关代码路径' : 'Code'}${colon}${classLinks.join(lang === 'zh' ? '、' : ', ')}`]));

  // Grow the middle sections until the target length; the change log closes the file.
  const closing = [heading(9), '', `- ${created}: ${lang === 'zh' ? '初稿' : 'first draft'}`, ...(updated !== created ? [`- ${updated}: ${lang === 'zh' ? '根据评审补充细节' : 'details added after review'}`] : [])];
  const extraAt = out.indexOf(heading(2)) - 1;
  const extra: string[] = [];
  while (out.length + extra.length + closing.length < targetLines) extra.push(`- ${p(t.filler, 1, 3)}`);
  out.splice(extraAt, 0, ...extra);
  return [...out, ...closing];
}

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2022, 0, 1);

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Generates `count` proposals; ids are unique and `supersededBy` always names another of them. */
export function generateProposals(count: number, seed = 20260301): SyntheticProposal[] {
  const r = createRandom(seed);
  const drafts = Array.from({ length: count }, (_, index) => {
    const created = FIRST_DAY + r.int(0, 1600) * DAY;
    const component = COMPONENTS[index % COMPONENTS.length]! as Component;
    const word = r.pick(CONFIG_WORDS);
    const id = `${isoDay(created)}-${component.id}-${word}-${String(index).padStart(5, '0')}`;
    return { index, id, created, component, word };
  });

  return drafts.map(({ index, id, created, component, word }) => {
    const lang: LanguageId = index % 2 === 0 ? 'zh' : 'en';
    const status = r.weighted(STATUS_WEIGHTS);
    const updated = created + (r.chance(0.7) ? r.int(1, 240) * DAY : 0);
    const config = `${r.pick(CONFIG_AREAS)}.${word}.${r.pick(CONFIG_WORDS)}.enable`;
    const jira = `KAFKA-${r.int(10000, 19999)}`;
    const classes = component.classes.map((k) => k.name);
    const c: Context = { r, component, classes, metric: r.pick(METRICS), config, version: r.pick(VERSIONS), jdk: r.pick(JDKS), jira };
    // Finished statuses are written out; drafts still carry placeholders (a spread of completeness).
    const maturity = status === 'Draft' || status === 'Dormant' ? 0.75 + r.next() * 0.2 : 0.93 + r.next() * 0.07;

    const t = lang === 'zh' ? ZH : EN;
    const area = component.name.en.split(/ [&/] /)[0]!;
    const title = fill(
      r.pick(lang === 'zh' ? TITLE_ZH : TITLE_EN)
        .replace('{area}', area)
        .replace('{approach}', r.pick(t.approaches).replace(/`/g, ''))
        .replace('{approachShort}', r.pick(t.approaches).replace(/`/g, '').split(/[,，；]/)[0]!)
        .replace('{problemShort}', r.pick(t.problems)),
      c,
    );

    const changes = { protocol: r.chance(0.1), onDiskFormat: r.chance(0.1), userVisible: r.chance(0.5) };
    const needsKip = Object.values(changes).some(Boolean);
    const frontmatter: Record<string, unknown> = {
      title,
      component: component.id,
      relatedComponents: r.sample(COMPONENTS.filter((x) => x.id !== component.id).map((x) => x.id), r.int(0, 2)),
      modules: [r.pick(['core', 'storage', 'server', 'clients', 'metadata', 'raft']), ...r.sample(component.classes.map((k) => k.path), r.int(1, 3))],
      status,
      authors: r.sample(AUTHORS, r.int(1, 3)).map((name) => (r.chance(0.4) ? { name, link: `https://example.org/people/${name.toLowerCase().replace(/[^a-z]+/g, '-')}` } : { name })),
      created: isoDay(created),
      updated: isoDay(updated),
      ...(needsKip || r.chance(0.2) ? { kip: { link: 'https://cwiki.apache.org/confluence/display/KAFKA/Kafka+Improvement+Proposals', ...(r.chance(0.5) ? { number: r.int(300, 1200) } : {}) } } : {}),
      jira: r.chance(0.6) ? [jira] : [],
      ...(r.chance(0.8) ? { featureFlag: { name: config, default: false } } : {}),
      changes,
      lang,
      ...(status === 'Implemented' ? { release: r.pick(VERSIONS) } : {}),
      ...(status === 'Rejected' || status === 'Withdrawn' ? { reason: lang === 'zh' ? '收益不足以抵消复杂度' : 'The gain did not justify the added complexity.' } : {}),
      ...(status === 'Superseded' ? { supersededBy: (drafts[(index + 1 + r.int(0, count - 2)) % count] ?? drafts[0])!.id } : {}),
    };
    if (frontmatter.supersededBy === id) delete frontmatter.supersededBy; // only possible when count is 1

    const lines = body(c, lang, maturity, isoDay(created), isoDay(updated), r.int(MIN_LINES, MAX_LINES) - yamlLines(frontmatter) - 2);
    const text = `---\n${toYaml(frontmatter)}---\n\n${lines.join('\n')}\n`;
    return { id, fileName: `${id}.md`, lang, status: status as StatusName, component: component.id, frontmatter, text, lines: text.split('\n').length - 1 };
  });
}

/** The frontmatter as YAML, in the README's style; strings are JSON-quoted, which YAML reads as is. */
function toYaml(data: Record<string, unknown>): string {
  const scalar = (v: unknown) => (typeof v === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(v) ? JSON.stringify(v) : String(v));
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${key}: []`);
      else if (value.every((v) => typeof v !== 'object')) lines.push(`${key}: [${value.map(scalar).join(', ')}]`);
      else {
        lines.push(`${key}:`);
        for (const item of value as Record<string, unknown>[]) {
          Object.entries(item).forEach(([k, v], i) => lines.push(`${i === 0 ? '  - ' : '    '}${k}: ${scalar(v)}`));
        }
      }
    } else if (value && typeof value === 'object') {
      lines.push(`${key}:`);
      for (const [k, v] of Object.entries(value)) lines.push(`  ${k}: ${scalar(v)}`);
    } else lines.push(`${key}: ${scalar(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

function yamlLines(data: Record<string, unknown>): number {
  return toYaml(data).split('\n').length - 1 + 2;
}
