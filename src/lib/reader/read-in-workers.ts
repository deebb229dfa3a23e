/**
 * Reads many proposal files on every core. A reading (about 1.4 ms for a filled template since the
 * reader parses with Sätteri: frontmatter, schema, parse, rules, Definition of Done) is plain CPU
 * work, so worker threads divide a cold build's or a cold `npm run check`'s reading time by the
 * number of cores (on this 2-core machine, a cold check of 1,000 files took 4.5 s on one thread and
 * 3.9 s on two, measured together). Each worker runs the same readRecord as an
 * inline reading, and the results come back in the order the files went in, so the output does not
 * depend on how the work was shared.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProposalFile } from './read-folder.ts';
import { readRecord, type RecordReading } from './read-proposal.ts';

/** Below this many files, starting workers (each loads the parser afresh) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 48;
/** Files per message: large enough that messaging is cheap, small enough to share the tail evenly. */
const BATCH = 16;

export interface WorkerOptions {
  /** How many threads at most; the machine's parallelism by default. `PROPOSAL_READ_THREADS` overrides it. */
  threads?: number;
  /**
   * Called with each reading as soon as it is back, with the file's place in `files`: the build's
   * loader renders a proposal on the main thread while the workers read the next ones.
   */
  onReading?: (reading: RecordReading, index: number) => void;
}

function threadCount(files: number, requested: number | undefined): number {
  const fromEnvironment = Number(process.env.PROPOSAL_READ_THREADS);
  const wanted = requested ?? (Number.isInteger(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : availableParallelism());
  if (files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.max(0, Math.min(wanted, Math.ceil(files / BATCH)));
}

/** The same readings on this thread, one file after the other. */
export function readInline(files: readonly ProposalFile[], onReading?: WorkerOptions['onReading']): RecordReading[] {
  return files.map((f, i) => {
    const reading = readRecord(f.file, f.relativePath, f.text);
    onReading?.(reading, i);
    return reading;
  });
}

export async function readInWorkers(files: readonly ProposalFile[], options: WorkerOptions = {}): Promise<RecordReading[]> {
  const threads = threadCount(files.length, options.threads);
  const { onReading } = options;
  if (threads === 0) return readInline(files, onReading);

  const results: RecordReading[] = new Array(files.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./read-worker.ts', import.meta.url)));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let batchStart = 0;
            const send = () => {
              if (next >= files.length) {
                resolve();
                return;
              }
              batchStart = next;
              next = Math.min(files.length, next + BATCH);
              worker.postMessage(files.slice(batchStart, next));
            };
            worker.on('message', (readings: RecordReading[]) => {
              const start = batchStart;
              // The next batch first, so that the worker reads while this one is handled.
              send();
              readings.forEach((reading, i) => {
                results[start + i] = reading;
                onReading?.(reading, start + i);
              });
            });
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (next < files.length || code !== 0) reject(new Error(`a proposal-reading worker stopped (exit code ${code}) before it finished`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
