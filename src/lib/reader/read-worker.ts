/**
 * A worker thread of read-in-workers.ts: reads each batch of files it is sent with the one reader
 * and sends back their records, in order.
 */
import { parentPort } from 'node:worker_threads';
import type { ProposalFile } from './read-folder.ts';
import { readRecord } from './read-proposal.ts';

parentPort!.on('message', (files: ProposalFile[]) => {
  parentPort!.postMessage(files.map((f) => readRecord(f.file, f.relativePath, f.text)));
});
