/**
 * The broker component taxonomy: one stable, kebab-case id per area of the Kafka broker.
 *
 * Every page, filter, badge and check reads components from here. Adding a component is one entry
 * in this list. Source paths are relative to the root of apache/kafka on `trunk`; several Scala
 * classes in `core/` were rewritten in Java under `storage/` and `server/`, so paths follow trunk.
 */

export interface ComponentClass {
  /** Class name, optionally with the methods that matter, as `Class#method`. */
  readonly name: string;
  /** Path of the source file in apache/kafka, relative to the repository root. */
  readonly path: string;
}

export interface Component {
  readonly id: string;
  /** Its name on the site, in each interface language. */
  readonly name: Localized;
  readonly description: Localized;
  readonly classes: readonly ComponentClass[];
}

import type { Localized } from '../i18n/locales.ts';

const STORAGE_LOG = 'storage/src/main/java/org/apache/kafka/storage/internals/log';
const CLIENTS_COMMON = 'clients/src/main/java/org/apache/kafka/common';

export const COMPONENTS = [
  {
    id: 'network',
    name: { zh: '网络与请求处理', en: 'Network & request handling' },
    description: {
      zh: '接收连接，从 socket 读出请求，并排队交给 I/O 线程。',
      en: 'Accepting connections, reading requests off the socket and queueing them for the I/O threads.',
    },
    classes: [
      { name: 'SocketServer / Processor', path: 'core/src/main/scala/kafka/network/SocketServer.scala' },
      { name: 'RequestChannel', path: 'core/src/main/scala/kafka/network/RequestChannel.scala' },
      { name: 'KafkaRequestHandler', path: 'core/src/main/scala/kafka/server/KafkaRequestHandler.scala' },
      { name: 'Request', path: 'server/src/main/java/org/apache/kafka/network/Request.java' },
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
      { name: 'KafkaApis#handleProduceRequest', path: 'core/src/main/scala/kafka/server/KafkaApis.scala' },
      { name: 'ReplicaManager#appendRecords', path: 'core/src/main/scala/kafka/server/ReplicaManager.scala' },
      { name: 'Partition#appendRecordsToLeader', path: 'core/src/main/scala/kafka/cluster/Partition.scala' },
      { name: 'DelayedProduce', path: 'server/src/main/java/org/apache/kafka/server/purgatory/DelayedProduce.java' },
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
      { name: 'UnifiedLog#appendAsLeader', path: `${STORAGE_LOG}/UnifiedLog.java` },
      { name: 'LocalLog#append', path: `${STORAGE_LOG}/LocalLog.java` },
      { name: 'LogValidator#validateMessagesAndAssignOffsets', path: `${STORAGE_LOG}/LogValidator.java` },
      { name: 'ProducerStateManager', path: `${STORAGE_LOG}/ProducerStateManager.java` },
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
      { name: 'Compression', path: `${CLIENTS_COMMON}/compress/Compression.java` },
      { name: 'ZstdCompression', path: `${CLIENTS_COMMON}/compress/ZstdCompression.java` },
      { name: 'Lz4Compression', path: `${CLIENTS_COMMON}/compress/Lz4Compression.java` },
      { name: 'CompressionType', path: `${CLIENTS_COMMON}/record/CompressionType.java` },
      { name: 'BrokerCompressionType', path: 'server-common/src/main/java/org/apache/kafka/server/record/BrokerCompressionType.java' },
      { name: 'ChunkedBytesStream', path: `${CLIENTS_COMMON}/utils/ChunkedBytesStream.java` },
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
      { name: 'MemoryRecords', path: `${CLIENTS_COMMON}/record/internal/MemoryRecords.java` },
      { name: 'DefaultRecordBatch', path: `${CLIENTS_COMMON}/record/internal/DefaultRecordBatch.java` },
      { name: 'RecordBatch', path: `${CLIENTS_COMMON}/record/internal/RecordBatch.java` },
      { name: 'MemoryRecordsBuilder', path: `${CLIENTS_COMMON}/record/internal/MemoryRecordsBuilder.java` },
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
      { name: 'LogSegment', path: `${STORAGE_LOG}/LogSegment.java` },
      { name: 'FileRecords', path: `${CLIENTS_COMMON}/record/FileRecords.java` },
      { name: 'OffsetIndex', path: `${STORAGE_LOG}/OffsetIndex.java` },
      { name: 'TimeIndex', path: `${STORAGE_LOG}/TimeIndex.java` },
      { name: 'LogManager', path: `${STORAGE_LOG}/LogManager.java` },
      { name: 'LogLoader', path: `${STORAGE_LOG}/LogLoader.java` },
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
      { name: 'LogCleaner', path: `${STORAGE_LOG}/LogCleaner.java` },
      { name: 'LogCleanerManager', path: `${STORAGE_LOG}/LogCleanerManager.java` },
      { name: 'Cleaner#cleanInto', path: `${STORAGE_LOG}/Cleaner.java` },
      { name: 'SkimpyOffsetMap', path: `${STORAGE_LOG}/SkimpyOffsetMap.java` },
      { name: 'CleanerConfig', path: `${STORAGE_LOG}/CleanerConfig.java` },
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
      { name: 'ReplicaFetcherThread', path: 'core/src/main/scala/kafka/server/ReplicaFetcherThread.scala' },
      { name: 'AbstractFetcherThread', path: 'server/src/main/java/org/apache/kafka/server/AbstractFetcherThread.java' },
      { name: 'FetchSession', path: 'server/src/main/java/org/apache/kafka/server/FetchSession.java' },
      { name: 'DelayedFetch', path: 'server/src/main/java/org/apache/kafka/server/purgatory/DelayedFetch.java' },
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
      { name: 'MemoryPool', path: `${CLIENTS_COMMON}/memory/MemoryPool.java` },
      { name: 'SimpleMemoryPool', path: `${CLIENTS_COMMON}/memory/SimpleMemoryPool.java` },
      { name: 'BufferSupplier', path: `${CLIENTS_COMMON}/utils/BufferSupplier.java` },
      { name: 'RequestLocal', path: 'server-common/src/main/java/org/apache/kafka/server/common/RequestLocal.java' },
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
      { name: 'RemoteLogManager', path: 'storage/src/main/java/org/apache/kafka/server/log/remote/storage/RemoteLogManager.java' },
      { name: 'RemoteStorageManager', path: 'storage/api/src/main/java/org/apache/kafka/server/log/remote/storage/RemoteStorageManager.java' },
      { name: 'RemoteLogMetadataManager', path: 'storage/api/src/main/java/org/apache/kafka/server/log/remote/storage/RemoteLogMetadataManager.java' },
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
      { name: 'QuorumController', path: 'metadata/src/main/java/org/apache/kafka/controller/QuorumController.java' },
      { name: 'KafkaRaftClient', path: 'raft/src/main/java/org/apache/kafka/raft/KafkaRaftClient.java' },
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
      { name: 'BrokerTopicMetrics', path: 'storage/src/main/java/org/apache/kafka/storage/log/metrics/BrokerTopicMetrics.java' },
      { name: 'RequestMetrics', path: 'server/src/main/java/org/apache/kafka/network/metrics/RequestMetrics.java' },
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
