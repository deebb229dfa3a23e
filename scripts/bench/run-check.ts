/**
 * Times `npm run check` over a scratch folder, cold (no kept readings) or warm (the readings of the
 * previous run kept), with the peak memory of its process tree.
 */
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SETTLED_AFTER_MS } from '../../src/lib/reader/reading-cache.ts';
import { stopProcessGroup, treeRssBytes } from './run-build.ts';

export interface CheckResult {
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  peakRssBytes: number;
  /** The last lines of its output, when it failed. */
  errorTail?: string;
}

export interface CheckOptions {
  node: string;
  /** scripts/check.ts of this project. */
  checkScript: string;
  folder: string;
  /** Where its readings are kept (PROPOSAL_CACHE_DIR); emptied first for a cold run. */
  cacheDir: string;
  warm: boolean;
  timeoutMs: number;
}

export function runCheck({ node, checkScript, folder, cacheDir, warm, timeoutMs }: CheckOptions): Promise<CheckResult> {
  if (!warm) rmSync(cacheDir, { recursive: true, force: true });
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(node, [checkScript, '--dir', folder, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, PROPOSAL_CACHE_DIR: cacheDir },
    });
    let peak = 0;
    let output = '';
    let bytes = 0;
    const keepTail = (chunk: Buffer) => {
      bytes += chunk.length;
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keepTail);
    child.stderr.on('data', keepTail);
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssBytes(child.pid!))), 100);
    const killer = setTimeout(() => {
      stopProcessGroup(child.pid!);
    }, timeoutMs);
    child.on('close', (code) => {
      clearInterval(sampler);
      clearTimeout(killer);
      const ok = code === 0 && bytes > 0;
      resolvePromise({ ok, exitCode: code, wallMs: performance.now() - started, peakRssBytes: peak, ...(ok ? {} : { errorTail: output.split('\n').slice(-15).join('\n') }) });
    });
  });
}

/**
 * Waits until every file in `folder` was last changed more than SETTLED_AFTER_MS ago. A check trusts
 * a file's stamp (its size, times and inode) only from then on (reading-cache.ts): the proposals
 * were generated a moment ago, and without this wait the cold run would stamp only the older ones
 * and the warm run would read the rest again, as any run must after a fresh write. A catalogue
 * in a repository is older than two seconds; the warm figure is meant to be that steady state.
 * Returns how long it waited.
 */
export async function waitUntilSettled(folder: string): Promise<number> {
  let newest = 0;
  for (const name of readdirSync(folder)) {
    const stats = statSync(join(folder, name));
    newest = Math.max(newest, stats.mtimeMs, stats.ctimeMs);
  }
  const wait = Math.max(0, Math.ceil(newest + SETTLED_AFTER_MS + 50 - Date.now()));
  await new Promise((resolve) => setTimeout(resolve, wait));
  return wait;
}
