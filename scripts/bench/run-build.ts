/**
 * Runs one `astro build` and measures it: wall time, the Pagefind step (from the integration's own
 * log line), the peak memory of the whole process tree (sampled from /proc, since Pagefind runs as
 * a child process beside Node), and how far it got. A build that runs past its time limit is
 * stopped, with its process tree, and reported as timed out rather than failing the benchmark.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildResult {
  ok: boolean;
  timedOut: boolean;
  exitCode: number | null;
  wallMs: number;
  /** From "Indexed N pages in X ms." (null for a site without the Pagefind integration). */
  pagefindMs: number | null;
  pagefindPages: number | null;
  /** Wall time less the Pagefind step: config, content layer, rendering and writing pages. */
  astroMs: number;
  /** Peak of the summed resident memory of the build process and all its descendants. */
  peakRssBytes: number;
  /** Pages Astro reported writing, at the end (or when stopped). */
  pagesWritten: number;
  /** Astro's own "N page(s) built in X" figure, which includes the Pagefind step. */
  astroReportedMs: number | null;
  /** From Astro's log: syncing content and generating types; rendering and writing the pages. */
  phases: { contentAndTypesMs?: number; renderPagesMs?: number };
  logFile: string;
  /** The last lines of output of a failed build. */
  errorTail?: string;
}

export interface BuildOptions {
  /** Site root; the build runs with it as its working directory, as `npm run build` would. */
  root: string;
  /** The project's Node 22 and Astro CLI. */
  node: string;
  astroCli: string;
  logFile: string;
  timeoutMs: number;
  /** Called every `progressEveryMs` while the build runs. */
  onProgress?: (p: { elapsedMs: number; pagesWritten: number; rssBytes: number; phase: string }) => void;
  progressEveryMs?: number;
}

const PAGE_SIZE = 4096;

/** Summed RSS of a process and its descendants, from /proc (Linux only; 0 elsewhere). */
export function treeRssBytes(rootPid: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses; fields after the last ')' are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      rss.set(pid, pages * PAGE_SIZE);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function runAstroBuild(options: BuildOptions): Promise<BuildResult> {
  const { root, node, astroCli, logFile, timeoutMs, onProgress, progressEveryMs = 30_000 } = options;
  // A cold build every time: no content-layer store or Vite cache from a previous run.
  for (const cache of ['.astro', 'dist', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(root, cache), { recursive: true, force: true });

  return new Promise((resolvePromise) => {
    const log = createWriteStream(logFile);
    const started = performance.now();
    const child = spawn(node, [astroCli, 'build', '--root', root], {
      cwd: root,
      // Its own process group, so that a timed-out build can be stopped with everything it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let peak = 0;
    let pagesWritten = 0;
    let phase = 'starting';
    let pagefindMs: number | null = null;
    let pagefindPages: number | null = null;
    let astroReportedMs: number | null = null;
    const phases: BuildResult['phases'] = {};
    const tail: string[] = [];
    let pending = '';

    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (/\.html \(\+[\d.]+ ?m?s\)/.test(line) || /\/index\.html/.test(line)) pagesWritten += 1;
      if (/Syncing content|Collecting build info|content config/i.test(line)) phase = 'content';
      else if (/Building static entrypoints|building client|vite/i.test(line) && phase !== 'pages') phase = 'bundling';
      else if (/generating static routes/i.test(line)) phase = 'pages';
      // The Pagefind integration's own line: "Indexed 100 pages in 574 ms." or "Indexed 100 of 128 pages in 574 ms."
      const indexed = /Indexed (\d+)(?: of \d+)? pages? in (\d+) ?ms/.exec(line);
      if (indexed) {
        pagefindPages = Number(indexed[1]);
        pagefindMs = Number(indexed[2]);
      }
      const built = /(\d+) page\(s\) built in ([\d.]+)(ms|s)/.exec(line);
      if (built) astroReportedMs = Number(built[2]) * (built[3] === 's' ? 1000 : 1);
      const contentSynced = /\[types\] Generated ([\d.]+)(ms|s)/.exec(line);
      if (contentSynced) phases.contentAndTypesMs = Number(contentSynced[1]) * (contentSynced[2] === 's' ? 1000 : 1);
      // "✓ Completed in 1.85s." right after "generating static routes" is the time spent rendering pages.
      const completed = /^(?:\S+ )?✓ Completed in ([\d.]+)(ms|s)/.exec(line.trim());
      if (completed && phase === 'pages' && phases.renderPagesMs === undefined) {
        phases.renderPagesMs = Number(completed[1]) * (completed[2] === 's' ? 1000 : 1);
        phase = 'indexing';
      }
    };
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);

    const sampler = setInterval(() => {
      peak = Math.max(peak, treeRssBytes(child.pid!));
    }, 200);
    let lastProgress = performance.now();
    const reporter = setInterval(() => {
      if (performance.now() - lastProgress < progressEveryMs) return;
      lastProgress = performance.now();
      onProgress?.({ elapsedMs: performance.now() - started, pagesWritten, rssBytes: treeRssBytes(child.pid!), phase });
    }, 1000);
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);

    child.on('close', (code) => {
      clearInterval(sampler);
      clearInterval(reporter);
      clearTimeout(killer);
      if (pending) onLine(pending);
      const wallMs = performance.now() - started;
      log.end();
      const ok = code === 0 && !timedOut && existsSync(join(root, 'dist'));
      resolvePromise({
        ok,
        timedOut,
        exitCode: code,
        wallMs,
        pagefindMs,
        pagefindPages,
        astroMs: wallMs - (pagefindMs ?? 0),
        peakRssBytes: peak,
        pagesWritten,
        astroReportedMs,
        phases,
        logFile,
        ...(ok ? {} : { errorTail: tail.slice(-15).join('\n') }),
      });
    });
  });
}
