/**
 * Renders proposal bodies for one sync of the loader: on this thread while there are few, on
 * worker threads once there are many. In a cold build the main thread rendered every body (Shiki
 * and the sanitiser: about 5 ms a proposal, 5.4 s of the content phase at 1,000) while the reading
 * workers beside it were idle most of the time; a dev save renders one file, for which starting a
 * worker (it loads Shiki afresh) would cost more than it saves. The first MIN_FILES_FOR_WORKERS
 * bodies of a sync render here, the rest on the workers, so a small change never starts one.
 * Both run the same createBodyRenderer, so where a body was rendered does not change its HTML.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MIN_FILES_FOR_WORKERS } from '../lib/reader/read-in-workers.ts';
import { createBodyRenderer, type BodyRenderer, type RenderedBody } from './body-renderer.ts';
import type { RenderReply } from './render-worker.ts';

/** The renderer on this thread, made once per process (loading Shiki's highlighter takes a while). */
let inline: Promise<BodyRenderer> | undefined;
const inlineRenderer = () => (inline ??= createBodyRenderer());

export interface BodyRendering {
  render: BodyRenderer;
  /** Stops the workers, if any were started; pending renders fail. */
  close(): Promise<void>;
}

/** `PROPOSAL_RENDER_THREADS` overrides the number of worker threads (the machine's parallelism by default; 0 renders everything here). */
function threadCount(): number {
  const fromEnvironment = Number(process.env.PROPOSAL_RENDER_THREADS);
  return process.env.PROPOSAL_RENDER_THREADS !== undefined && Number.isInteger(fromEnvironment) && fromEnvironment >= 0 ? fromEnvironment : availableParallelism();
}

export function startBodyRendering(): BodyRendering {
  let requested = 0;
  /** Started when the sync asks for more than MIN_FILES_FOR_WORKERS bodies; null when no threads are wanted. */
  let pool: WorkerPool | null | undefined;
  return {
    render(markdown) {
      requested += 1;
      if (requested > MIN_FILES_FOR_WORKERS && pool === undefined) {
        const threads = threadCount();
        pool = threads > 0 ? new WorkerPool(threads) : null;
      }
      return pool ? pool.render(markdown) : inlineRenderer().then((render) => render(markdown));
    },
    close: async () => pool?.close(),
  };
}

class WorkerPool {
  readonly #workers: { worker: Worker; pending: number }[];
  readonly #waiting = new Map<number, { resolve: (r: RenderedBody) => void; reject: (e: Error) => void }>();
  #next = 0;

  constructor(threads: number) {
    this.#workers = Array.from({ length: threads }, () => {
      const slot = { worker: new Worker(new URL('./render-worker.ts', import.meta.url)), pending: 0 };
      slot.worker.on('message', (reply: RenderReply) => {
        slot.pending -= 1;
        const waiting = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        if ('error' in reply) waiting?.reject(new Error(reply.error));
        else waiting?.resolve(reply.rendered);
      });
      slot.worker.once('error', (error) => this.#failAll(error));
      slot.worker.once('exit', (code) => {
        if (this.#waiting.size > 0) this.#failAll(new Error(`a proposal-rendering worker stopped (exit code ${code}) before it finished`));
      });
      return slot;
    });
  }

  render(markdown: string): Promise<RenderedBody> {
    const id = this.#next++;
    // The least busy worker, so that a slow body does not hold up the ones queued behind it.
    const slot = this.#workers.reduce((a, b) => (b.pending < a.pending ? b : a));
    slot.pending += 1;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, markdown });
    });
  }

  #failAll(error: Error) {
    for (const { reject } of this.#waiting.values()) reject(error);
    this.#waiting.clear();
  }

  async close() {
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
  }
}
