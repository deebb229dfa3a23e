/**
 * The apache/kafka source files the site may point at, by class, and the paths it must no longer
 * print. Component pages link these files (components.ts takes every path from here), and the
 * proposals' `modules` lists, source links and source paths in prose must name only these; a unit
 * test (tests/unit/kafka-source-paths.test.ts) holds both to this list. When a file moves, change its
 * entry here and add the old path to RETIRED_KAFKA_SOURCE_PATHS: the test then names every page that
 * still uses the old one.
 *
 * It mirrors the project's Kafka reference (kafka-broker.md, outside this repository and not in CI),
 * including its "Moves since the 2024-10 snapshot". Verified 2026-12-06: unchanged paths against the
 * trunk snapshot at 1eb7644349cb07139d6a3c1ad1986979647cac99 (2024-10-25); paths that moved since,
 * against the merged apache/kafka pull requests named below and stored trunk versions of the files
 * (GzipCompression.java at 40e68cf3fb63 imports `common.record.internal.CompressionType` and
 * `common.utils.internals.{BufferSupplier, ChunkedBytesStream}`).
 */

const CLIENTS_COMMON = 'clients/src/main/java/org/apache/kafka/common';
const STORAGE_LOG = 'storage/src/main/java/org/apache/kafka/storage/internals/log';
const SERVER = 'server/src/main/java/org/apache/kafka/server';
const CONTROLLER = 'metadata/src/main/java/org/apache/kafka/controller';
const JMH = 'jmh-benchmarks/src/main/java/org/apache/kafka/jmh';

/** Each file by the class it is named after (or the class a page cites it for), relative to the repository root on trunk. */
export const KAFKA_SOURCE = {
  // core, still Scala
  SocketServer: 'core/src/main/scala/kafka/network/SocketServer.scala',
  RequestChannel: 'core/src/main/scala/kafka/network/RequestChannel.scala',
  KafkaRequestHandler: 'core/src/main/scala/kafka/server/KafkaRequestHandler.scala',
  KafkaApis: 'core/src/main/scala/kafka/server/KafkaApis.scala',
  ReplicaManager: 'core/src/main/scala/kafka/server/ReplicaManager.scala',
  Partition: 'core/src/main/scala/kafka/cluster/Partition.scala',
  BrokerServer: 'core/src/main/scala/kafka/server/BrokerServer.scala',
  ReplicaFetcherThread: 'core/src/main/scala/kafka/server/ReplicaFetcherThread.scala',
  // Never rewritten as a thread in Java: server/ holds only its helpers (PartitionFetchState, ReplicaFetch, …).
  AbstractFetcherThread: 'core/src/main/scala/kafka/server/AbstractFetcherThread.scala',

  // server
  Request: 'server/src/main/java/org/apache/kafka/network/Request.java',
  RequestMetrics: 'server/src/main/java/org/apache/kafka/network/metrics/RequestMetrics.java',
  DelayedProduce: `${SERVER}/purgatory/DelayedProduce.java`,
  DelayedFetch: `${SERVER}/purgatory/DelayedFetch.java`,
  // KAFKA-19132 (apache/kafka#20158) rewrote core's FetchSession.scala in Java here.
  FetchSession: `${SERVER}/FetchSession.java`,
  FetchSessionCacheShard: `${SERVER}/FetchSessionCacheShard.java`,
  FetchManager: `${SERVER}/FetchManager.java`,
  ServerConfigs: `${SERVER}/config/ServerConfigs.java`,

  // server-common
  BrokerCompressionType: 'server-common/src/main/java/org/apache/kafka/server/record/BrokerCompressionType.java',
  RequestLocal: 'server-common/src/main/java/org/apache/kafka/server/common/RequestLocal.java',
  DelayedOperationPurgatory: 'server-common/src/main/java/org/apache/kafka/server/purgatory/DelayedOperationPurgatory.java',
  TopicPartitionOperationKey: 'server-common/src/main/java/org/apache/kafka/server/purgatory/TopicPartitionOperationKey.java',
  KafkaEventQueue: 'server-common/src/main/java/org/apache/kafka/queue/KafkaEventQueue.java',

  // clients: codecs
  Compression: `${CLIENTS_COMMON}/compress/Compression.java`,
  GzipCompression: `${CLIENTS_COMMON}/compress/GzipCompression.java`,
  Lz4Compression: `${CLIENTS_COMMON}/compress/Lz4Compression.java`,
  ZstdCompression: `${CLIENTS_COMMON}/compress/ZstdCompression.java`,
  // clients: record format, in `common.record.internal` since KAFKA-20128 (apache/kafka#21412, Kafka 4.3)
  CompressionType: `${CLIENTS_COMMON}/record/internal/CompressionType.java`,
  MemoryRecords: `${CLIENTS_COMMON}/record/internal/MemoryRecords.java`,
  DefaultRecordBatch: `${CLIENTS_COMMON}/record/internal/DefaultRecordBatch.java`,
  RecordBatch: `${CLIENTS_COMMON}/record/internal/RecordBatch.java`,
  MemoryRecordsBuilder: `${CLIENTS_COMMON}/record/internal/MemoryRecordsBuilder.java`,
  FileRecords: `${CLIENTS_COMMON}/record/internal/FileRecords.java`,
  // clients: utilities, in `common.utils.internals` since KAFKA-20297
  ChunkedBytesStream: `${CLIENTS_COMMON}/utils/internals/ChunkedBytesStream.java`,
  BufferSupplier: `${CLIENTS_COMMON}/utils/internals/BufferSupplier.java`,
  Crc32C: `${CLIENTS_COMMON}/utils/internals/Crc32C.java`,
  // clients: memory
  MemoryPool: `${CLIENTS_COMMON}/memory/MemoryPool.java`,
  SimpleMemoryPool: `${CLIENTS_COMMON}/memory/SimpleMemoryPool.java`,

  // storage
  UnifiedLog: `${STORAGE_LOG}/UnifiedLog.java`,
  LocalLog: `${STORAGE_LOG}/LocalLog.java`,
  LogValidator: `${STORAGE_LOG}/LogValidator.java`,
  ProducerStateManager: `${STORAGE_LOG}/ProducerStateManager.java`,
  LogSegment: `${STORAGE_LOG}/LogSegment.java`,
  OffsetIndex: `${STORAGE_LOG}/OffsetIndex.java`,
  TimeIndex: `${STORAGE_LOG}/TimeIndex.java`,
  LogManager: `${STORAGE_LOG}/LogManager.java`,
  LogLoader: `${STORAGE_LOG}/LogLoader.java`,
  LogCleaner: `${STORAGE_LOG}/LogCleaner.java`,
  LogCleanerManager: `${STORAGE_LOG}/LogCleanerManager.java`,
  Cleaner: `${STORAGE_LOG}/Cleaner.java`,
  SkimpyOffsetMap: `${STORAGE_LOG}/SkimpyOffsetMap.java`,
  CleanerConfig: `${STORAGE_LOG}/CleanerConfig.java`,
  RemoteIndexCache: `${STORAGE_LOG}/RemoteIndexCache.java`,
  RemoteLogManager: 'storage/src/main/java/org/apache/kafka/server/log/remote/storage/RemoteLogManager.java',
  RemoteStorageManager: 'storage/api/src/main/java/org/apache/kafka/server/log/remote/storage/RemoteStorageManager.java',
  RemoteLogMetadataManager: 'storage/api/src/main/java/org/apache/kafka/server/log/remote/storage/RemoteLogMetadataManager.java',
  BrokerTopicMetrics: 'storage/src/main/java/org/apache/kafka/storage/log/metrics/BrokerTopicMetrics.java',

  // metadata and raft
  QuorumController: `${CONTROLLER}/QuorumController.java`,
  QuorumControllerMetrics: `${CONTROLLER}/metrics/QuorumControllerMetrics.java`,
  // KAFKA-16446 (apache/kafka#15622, Kafka 4.0): QuorumController#handleEventEnd feeds it.
  EventPerformanceMonitor: `${CONTROLLER}/EventPerformanceMonitor.java`,
  BrokerHeartbeatTracker: `${CONTROLLER}/BrokerHeartbeatTracker.java`,
  KafkaRaftClient: 'raft/src/main/java/org/apache/kafka/raft/KafkaRaftClient.java',

  // JMH benchmarks
  RecordBatchIterationBenchmark: `${JMH}/record/RecordBatchIterationBenchmark.java`,
  CompressedRecordBatchValidationBenchmark: `${JMH}/record/CompressedRecordBatchValidationBenchmark.java`,
  TestPurgatoryPerformance: `${JMH}/core/TestPurgatoryPerformance.java`,
} as const;

export type KafkaSourceFile = keyof typeof KAFKA_SOURCE;
export type KafkaSourcePath = (typeof KAFKA_SOURCE)[KafkaSourceFile];

export const KAFKA_SOURCE_PATHS: ReadonlySet<string> = new Set<string>(Object.values(KAFKA_SOURCE));

export function isKnownKafkaSourcePath(path: string): path is KafkaSourcePath {
  return KAFKA_SOURCE_PATHS.has(path);
}

export interface RetiredKafkaSourcePath {
  /** The path the site must not print: the file is no longer there on trunk. */
  readonly path: string;
  /** Where the class is now. */
  readonly now: KafkaSourceFile;
  /** Why: the JIRA issue and pull request that moved it, or what was wrong with the path. */
  readonly why: string;
}

/** Paths that were true once (or never were) and are not on trunk now, each with where the class went. */
export const RETIRED_KAFKA_SOURCE_PATHS = [
  { path: `${CLIENTS_COMMON}/utils/ChunkedBytesStream.java`, now: 'ChunkedBytesStream', why: 'KAFKA-20297, apache/kafka#22081' },
  { path: `${CLIENTS_COMMON}/utils/BufferSupplier.java`, now: 'BufferSupplier', why: 'KAFKA-20297, apache/kafka#22081' },
  { path: `${CLIENTS_COMMON}/utils/Crc32C.java`, now: 'Crc32C', why: 'KAFKA-20297, apache/kafka#22072' },
  { path: `${CLIENTS_COMMON}/record/CompressionType.java`, now: 'CompressionType', why: 'KAFKA-20128, apache/kafka#21412' },
  { path: `${CLIENTS_COMMON}/record/FileRecords.java`, now: 'FileRecords', why: 'KAFKA-20128, apache/kafka#21412' },
  { path: `${CLIENTS_COMMON}/record/MemoryRecords.java`, now: 'MemoryRecords', why: 'KAFKA-20128, apache/kafka#21412' },
  { path: `${CLIENTS_COMMON}/record/DefaultRecordBatch.java`, now: 'DefaultRecordBatch', why: 'KAFKA-20128, apache/kafka#21412' },
  { path: `${CLIENTS_COMMON}/record/RecordBatch.java`, now: 'RecordBatch', why: 'KAFKA-20128, apache/kafka#21412' },
  { path: `${CLIENTS_COMMON}/record/MemoryRecordsBuilder.java`, now: 'MemoryRecordsBuilder', why: 'KAFKA-20128, apache/kafka#21412' },
  { path: 'core/src/main/scala/kafka/server/FetchSession.scala', now: 'FetchSession', why: 'KAFKA-19132, apache/kafka#20158' },
  { path: `${SERVER}/AbstractFetcherThread.java`, now: 'AbstractFetcherThread', why: 'never the thread: AbstractFetcherThread is Scala in core' },
] as const satisfies readonly RetiredKafkaSourcePath[];
