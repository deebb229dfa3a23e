/**
 * Runs one build, `astro build` and then, for this site, the search index step that `npm run build`
 * runs after it, and measures it: wall time, the Pagefind step (from the integration's own
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
  /** The signal that ended it: SIGKILL from our time limit, or from outside (the kernel's OOM killer, say). */
  signal: NodeJS.Signals | null;
  wallMs: number;
  /** From "Indexed N pages in X ms." (null for a site without the Pagefind integration). */
  pagefindMs: number | null;
  pagefindPages: number | null;
  /** Wall time less the Pagefind step: config, content layer, rendering and writing pages. */
  astroMs: number;
  /** Peak of the summed resident memory of the build process and all its descendants. */
  peakRssBytes: number;
  /** The same peak, per phase (see `phases`). */
  peakRssByPhase: Partial<Record<Phase, number>>;
  /** Pages Astro reported writing, at the end (or when stopped). */
  pagesWritten: number;
  /** Astro's own "N page(s) built in X" figure, which includes the Pagefind step. */
  astroReportedMs: number | null;
  /**
   * How long each phase took, timed by when Astro's log moved on to the next one: startup and
   * content sync (`content`), Vite bundling (`bundle`), from "generating static routes" to the first
   * page written, where `getStaticPaths` loads the data (`data`), rendering and writing pages
   * (`render`), and what follows, mostly the Pagefind integration (`index`).
   */
  phases: Partial<Record<Phase, number>>;
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
  /** The script `npm run build` runs after `astro build` (scripts/index-search.ts); none for the bare site. */
  indexScript?: string;
  /** Keep the content-layer store and Vite's caches of the last build: a warm rebuild. Cold by default. */
  warm?: boolean;
  /** Called every `progressEveryMs` while the build runs. */
  onProgress?: (p: { elapsedMs: number; pagesWritten: number; rssBytes: number; phase: string }) => void;
  progressEveryMs?: number;
}

const PAGE_SIZE = 4096;

export const PHASES = ['content', 'bundle', 'data', 'render', 'index'] as const;
export type Phase = (typeof PHASES)[number];

function phaseDurations(startedAt: Partial<Record<Phase, number>>, wallMs: number): Partial<Record<Phase, number>> {
  const seen = PHASES.filter((p) => startedAt[p] !== undefined);
  return Object.fromEntries(seen.map((p, i) => [p, Math.round((seen[i + 1] ? startedAt[seen[i + 1]!]! : wallMs) - startedAt[p]!)]));
}

/** Astro's durations: "574ms", "4.74s", "19m 16s". */
export function parseAstroDuration(text: string): number | null {
  const match = /^(?:(\d+)m\s*)?(?:([\d.]+)(ms|s))?/.exec(text.trim());
  if (!match || (!match[1] && !match[2])) return null;
  return Number(match[1] ?? 0) * 60_000 + (match[2] ? Number(match[2]) * (match[3] === 's' ? 1000 : 1) : 0);
}

/** Ends a process started with `detached: true` and everything it started; one already gone is no error. */
export function stopProcessGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

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
  const { root, node, astroCli, logFile, timeoutMs, indexScript, warm = false, onProgress, progressEveryMs = 30_000 } = options;
  // A cold build: no content-layer store, Vite cache or kept readings from a previous run.
  const caches = warm ? ['dist'] : ['.astro', 'dist', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache'];
  for (const cache of caches) rmSync(join(root, cache), { recursive: true, force: true });

  return new Promise((resolvePromise) => {
    const log = createWriteStream(logFile);
    const started = performance.now();
    // As npm run build does: the index step only after astro build has succeeded and exited.
    const command = indexScript
      ? ['sh', ['-c', '"$0" "$1" build --root "$2" && "$0" "$3"', node, astroCli, root, indexScript]] as const
      : [node, [astroCli, 'build', '--root', root]] as const;
    const child = spawn(command[0], command[1], {
      cwd: root,
      // Its own process group, so that a timed-out build can be stopped with everything it started.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let peak = 0;
    const peakByPhase: Partial<Record<Phase, number>> = {};
    let pagesWritten = 0;
    let phase: Phase = 'content';
    let pagefindMs: number | null = null;
    let pagefindPages: number | null = null;
    let astroReportedMs: number | null = null;
    /** When each phase started, by the time its first log line arrived. */
    const startedAt: Partial<Record<Phase, number>> = { content: 0 };
    const enter = (next: Phase) => {
      if (startedAt[next] !== undefined) return;
      startedAt[next] = performance.now() - started;
      phase = next;
    };
    const tail: string[] = [];
    let pending = '';

    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const isPage = /[├└]─ \S+ \(\+/.test(line);
      if (isPage) pagesWritten += 1;
      if (/Building static entrypoints/.test(line)) enter('bundle');
      else if (/generating static routes/i.test(line)) enter('data');
      else if (isPage) enter('render');
      // "✓ Completed in 19m 16s." right after the routes (without "[build]") closes the rendering.
      else if (phase === 'render' && /^(?:\S+ )?✓ Completed in /.test(line.trim())) enter('index');
      // The Pagefind integration's own line: "Indexed 100 pages in 574 ms." or "Indexed 100 of 128 pages in 574 ms."
      const indexed = /Indexed (\d+)(?: of \d+)? pages? in (\d+) ?ms/.exec(line);
      if (indexed) {
        pagefindPages = Number(indexed[1]);
        pagefindMs = Number(indexed[2]);
      }
      const built = /\d+ page\(s\) built in (.+)$/.exec(line);
      if (built) astroReportedMs = parseAstroDuration(built[1]!);
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
      const rss = treeRssBytes(child.pid!);
      peak = Math.max(peak, rss);
      peakByPhase[phase] = Math.max(peakByPhase[phase] ?? 0, rss);
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
      stopProcessGroup(child.pid!);
    }, timeoutMs);

    child.on('close', (code, signal) => {
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
        signal,
        wallMs,
        pagefindMs,
        pagefindPages,
        astroMs: wallMs - (pagefindMs ?? 0),
        peakRssBytes: peak,
        peakRssByPhase: peakByPhase,
        pagesWritten,
        astroReportedMs,
        phases: phaseDurations(startedAt, wallMs),
        logFile,
        ...(ok ? {} : { errorTail: tail.slice(-15).join('\n') }),
      });
    });
  });
}
