/**
 * The broker component taxonomy: one stable, kebab-case id per area of the Kafka broker.
 *
 * Every page, filter, badge and check reads components from here. Adding a component is one entry
 * in this list. Source paths come from kafka-source-paths.ts, the one list of apache/kafka files the
 * site links, so a file that moves on trunk is fixed there once.
 */

export interface ComponentClass {
  /** Class name, optionally with the methods that matter, as `Class#method`. */
  readonly name: string;
  /** Path of the source file in apache/kafka on trunk, relative to the repository root. */
  readonly path: KafkaSourcePath;
}

export interface Component {
  readonly id: string;
  /** Its name on the site, in each interface language. */
  readonly name: Localized;
  readonly description: Localized;
  readonly classes: readonly ComponentClass[];
}

import type { Localized } from '../i18n/locales.ts';
import { KAFKA_SOURCE, type KafkaSourcePath } from './kafka-source-paths.ts';

export const COMPONENTS = [
  {
    id: 'network',
    name: { zh: '网络与请求处理', en: 'Network & request handling' },
    description: {
      zh: '接收连接，从 socket 读出请求，并排队交给 I/O 线程。',
      en: 'Accepting connections, reading requests off the socket and queueing them for the I/O threads.',
    },
    classes: [
      { name: 'SocketServer / Processor', path: KAFKA_SOURCE.SocketServer },
      { name: 'RequestChannel', path: KAFKA_SOURCE.RequestChannel },
      { name: 'KafkaRequestHandler', path: KAFKA_SOURCE.KafkaRequestHandler },
      { name: 'Request', path: KAFKA_SOURCE.Request },
    ],
  },
  {
    id: 'produce',
    name: { zh: 'API 与 Produce 编排', en: 'API & produce orchestration' },
    description: {
      zh: '把一个 ProduceRequest 分发到涉及的各个分区，并在满足 acks 后完成请求。',
      en: 'Dispatching a ProduceRequest to the partitions it touches and completing it once acks are met.',
    },
    classes: [
      { name: 'KafkaApis#handleProduceRequest', path: KAFKA_SOURCE.KafkaApis },
      { name: 'ReplicaManager#appendRecords', path: KAFKA_SOURCE.ReplicaManager },
      { name: 'Partition#appendRecordsToLeader', path: KAFKA_SOURCE.Partition },
      { name: 'DelayedProduce', path: KAFKA_SOURCE.DelayedProduce },
    ],
  },
  {
    id: 'log-append',
    name: { zh: '日志追加与校验', en: 'Log append & validation' },
    description: {
      zh: '校验 record batch、分配 offset，并追加到当前活跃 segment。',
      en: 'Validating record batches, assigning offsets and appending them to the active segment.',
    },
    classes: [
      { name: 'UnifiedLog#appendAsLeader', path: KAFKA_SOURCE.UnifiedLog },
      { name: 'LocalLog#append', path: KAFKA_SOURCE.LocalLog },
      { name: 'LogValidator#validateMessagesAndAssignOffsets', path: KAFKA_SOURCE.LogValidator },
      { name: 'ProducerStateManager', path: KAFKA_SOURCE.ProducerStateManager },
    ],
  },
  {
    id: 'compression',
    name: { zh: '压缩编解码', en: 'Compression codecs' },
    description: {
      zh: 'gzip、snappy、lz4、zstd 四种编解码器及其压缩级别，以及 broker 在哪里解压或重新压缩。',
      en: 'The gzip, snappy, lz4 and zstd codecs, their levels, and where the broker decompresses or recompresses.',
    },
    classes: [
      { name: 'Compression', path: KAFKA_SOURCE.Compression },
      { name: 'ZstdCompression', path: KAFKA_SOURCE.ZstdCompression },
      { name: 'Lz4Compression', path: KAFKA_SOURCE.Lz4Compression },
      { name: 'CompressionType', path: KAFKA_SOURCE.CompressionType },
      { name: 'BrokerCompressionType', path: KAFKA_SOURCE.BrokerCompressionType },
      { name: 'ChunkedBytesStream', path: KAFKA_SOURCE.ChunkedBytesStream },
    ],
  },
  {
    id: 'record-format',
    name: { zh: '消息格式', en: 'Record format' },
    description: {
      zh: '线上传输与磁盘存储共用的 v2 record batch：header、CRC、attributes，以及写出它的各个 builder。',
      en: 'The v2 record batch on the wire and on disk: headers, CRC, attributes and the builders that write it.',
    },
    classes: [
      { name: 'MemoryRecords', path: KAFKA_SOURCE.MemoryRecords },
      { name: 'DefaultRecordBatch', path: KAFKA_SOURCE.DefaultRecordBatch },
      { name: 'RecordBatch', path: KAFKA_SOURCE.RecordBatch },
      { name: 'MemoryRecordsBuilder', path: KAFKA_SOURCE.MemoryRecordsBuilder },
    ],
  },
  {
    id: 'storage',
    name: { zh: 'Segment 与索引', en: 'Segments & indexes' },
    description: {
      zh: '日志 segment 及其 offset 索引、时间索引、事务索引，以及启动时的日志加载。',
      en: 'Log segments, their offset, time and transaction indexes, and loading logs at start-up.',
    },
    classes: [
      { name: 'LogSegment', path: KAFKA_SOURCE.LogSegment },
      { name: 'FileRecords', path: KAFKA_SOURCE.FileRecords },
      { name: 'OffsetIndex', path: KAFKA_SOURCE.OffsetIndex },
      { name: 'TimeIndex', path: KAFKA_SOURCE.TimeIndex },
      { name: 'LogManager', path: KAFKA_SOURCE.LogManager },
      { name: 'LogLoader', path: KAFKA_SOURCE.LogLoader },
    ],
  },
  {
    id: 'compaction',
    name: { zh: '日志压实（Compaction）', en: 'Log compaction' },
    description: {
      zh: '在 compacted topic 中为每个 key 只保留最新记录的 cleaner 线程。',
      en: 'The cleaner threads that keep the latest record per key in compacted topics.',
    },
    classes: [
      { name: 'LogCleaner', path: KAFKA_SOURCE.LogCleaner },
      { name: 'LogCleanerManager', path: KAFKA_SOURCE.LogCleanerManager },
      { name: 'Cleaner#cleanInto', path: KAFKA_SOURCE.Cleaner },
      { name: 'SkimpyOffsetMap', path: KAFKA_SOURCE.SkimpyOffsetMap },
      { name: 'CleanerConfig', path: KAFKA_SOURCE.CleanerConfig },
    ],
  },
  {
    id: 'replication',
    name: { zh: '副本同步与 Fetch', en: 'Replication & fetch' },
    description: {
      zh: 'follower 拉取、fetch session，以及从日志响应 fetch（明文连接走 sendfile 零拷贝）。',
      en: 'Follower fetching, fetch sessions, and serving fetches from the log (sendfile on plaintext).',
    },
    classes: [
      { name: 'ReplicaFetcherThread', path: KAFKA_SOURCE.ReplicaFetcherThread },
      { name: 'AbstractFetcherThread', path: KAFKA_SOURCE.AbstractFetcherThread },
      { name: 'FetchSession', path: KAFKA_SOURCE.FetchSession },
      { name: 'DelayedFetch', path: KAFKA_SOURCE.DelayedFetch },
    ],
  },
  {
    id: 'memory',
    name: { zh: '内存与缓冲区', en: 'Memory & buffers' },
    description: {
      zh: '限制请求占用的内存，并在每个 I/O 线程内复用解压缓冲区。',
      en: 'Bounding request memory and reusing decompression buffers per I/O thread.',
    },
    classes: [
      { name: 'MemoryPool', path: KAFKA_SOURCE.MemoryPool },
      { name: 'SimpleMemoryPool', path: KAFKA_SOURCE.SimpleMemoryPool },
      { name: 'BufferSupplier', path: KAFKA_SOURCE.BufferSupplier },
      { name: 'RequestLocal', path: KAFKA_SOURCE.RequestLocal },
    ],
  },
  {
    id: 'tiered-storage',
    name: { zh: '分层存储', en: 'Tiered storage' },
    description: {
      zh: '把已关闭的 segment 拷贝到远端存储，并从远端响应 fetch（KIP-405）。',
      en: 'Copying closed segments to remote storage and serving fetches from it (KIP-405).',
    },
    classes: [
      { name: 'RemoteLogManager', path: KAFKA_SOURCE.RemoteLogManager },
      { name: 'RemoteStorageManager', path: KAFKA_SOURCE.RemoteStorageManager },
      { name: 'RemoteLogMetadataManager', path: KAFKA_SOURCE.RemoteLogMetadataManager },
    ],
  },
  {
    id: 'kraft',
    name: { zh: 'Controller 与 KRaft', en: 'Controller & KRaft' },
    description: {
      zh: 'KRaft 仲裁（quorum），以及掌管集群元数据的 controller。',
      en: 'The KRaft quorum and the controller that owns cluster metadata.',
    },
    classes: [
      { name: 'QuorumController', path: KAFKA_SOURCE.QuorumController },
      { name: 'KafkaRaftClient', path: KAFKA_SOURCE.KafkaRaftClient },
    ],
  },
  {
    id: 'metrics',
    name: { zh: '指标与可观测性', en: 'Metrics & observability' },
    description: {
      zh: 'broker、topic 和请求级别的指标：提案用它们来度量，也会往里新增指标。',
      en: 'Broker, topic and request metrics that proposals measure with and add to.',
    },
    classes: [
      { name: 'BrokerTopicMetrics', path: KAFKA_SOURCE.BrokerTopicMetrics },
      { name: 'RequestMetrics', path: KAFKA_SOURCE.RequestMetrics },
    ],
  },
] as const satisfies readonly Component[];

export type ComponentId = (typeof COMPONENTS)[number]['id'];

export const COMPONENT_IDS = COMPONENTS.map((c) => c.id) as [ComponentId, ...ComponentId[]];

const byId = new Map<string, Component>(COMPONENTS.map((c) => [c.id, c]));

export function findComponent(id: string): Component | undefined {
  return byId.get(id);
}

/** The component with this id; throws for an id that is not in the taxonomy (a programming error). */
export function getComponent(id: string): Component {
  const component = byId.get(id);
  if (!component) throw new Error(`Unknown component id "${id}". Known ids: ${COMPONENT_IDS.join(', ')}.`);
  return component;
}

export const KAFKA_SOURCE_BASE = 'https://github.com/apache/kafka/blob/trunk/';

export function sourceUrl(path: string): string {
  return KAFKA_SOURCE_BASE + path;
}
