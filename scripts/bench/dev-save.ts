/**
 * The author's loop in `npm run dev`: start the dev server on a scratch site, request a proposal
 * page, save a change to that proposal, and time until the page is served with the change in it.
 * The change is a new paragraph with a marker no proposal contains, so a page served from before
 * the save cannot pass for the new one.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { stopProcessGroup } from './run-build.ts';

export interface DevSaveResult {
  ok: boolean;
  /** From starting the dev server to the page's first successful response. */
  firstPageMs: number | null;
  /** From the save to the first response that shows it. */
  saveMs: number | null;
  note?: string;
}

export interface DevSaveOptions {
  root: string;
  node: string;
  astroCli: string;
  /** The page to request, `/proposals/<id>/`. */
  page: string;
  /** The proposal file behind it. */
  file: string;
  logFile: string;
  timeoutMs: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * How long a dev server that answers may keep answering "not found" for the page: Astro answers 404
 * while its content is still loading, but at 10,000 proposals bare Astro's dev server once found its
 * collection empty and answered 404 for good, and the benchmark waited for its whole time limit.
 */
const NOT_FOUND_GRACE_MS = 3 * 60_000;

/** The page's text, `404` when the server answers that the page does not exist, or null for anything else. */
async function fetchText(url: string): Promise<string | 404 | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (response.status === 404) return 404;
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

export async function measureDevSave({ root, node, astroCli, page, file, logFile, timeoutMs }: DevSaveOptions): Promise<DevSaveResult> {
  const port = await freePort();
  const log = createWriteStream(logFile);
  const started = performance.now();
  const child = spawn(node, [astroCli, 'dev', '--root', root, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}${page}`;
  let notFoundSince: number | null = null;
  let gaveUp = false;
  /** Polls until the page answers and `accept` its text, the time runs out, or the page stays not found. */
  const waitFor = async (accept: (html: string) => boolean, from: number): Promise<number | null> => {
    while (performance.now() - from < timeoutMs && !exited) {
      const html = await fetchText(url);
      if (html === 404) {
        notFoundSince ??= performance.now();
        if (performance.now() - notFoundSince > NOT_FOUND_GRACE_MS) {
          gaveUp = true;
          return null;
        }
      } else {
        notFoundSince = null;
        if (html !== null && accept(html)) return performance.now() - from;
      }
      await sleep(25);
    }
    return null;
  };
  const notServed = () =>
    gaveUp ? `the page was not found for ${NOT_FOUND_GRACE_MS / 60_000} minutes while the server answered (see the log)` : exited ? 'the dev server exited' : 'the page was never served';
  try {
    const firstPageMs = await waitFor(() => true, started);
    if (firstPageMs === null) return { ok: false, firstPageMs, saveMs: null, note: notServed() };
    // Let the watcher settle after startup, as an author would be reading the page.
    await sleep(1000);
    const marker = `bench-save-marker-${Date.now()}`;
    const saved = performance.now();
    appendFileSync(file, `\n\n${marker}\n`);
    const saveMs = await waitFor((html) => html.includes(marker), saved);
    return saveMs === null ? { ok: false, firstPageMs, saveMs, note: gaveUp ? notServed() : 'the saved change never showed on the page' } : { ok: true, firstPageMs, saveMs };
  } finally {
    stopProcessGroup(child.pid!, 'SIGTERM');
    await sleep(500);
    stopProcessGroup(child.pid!);
    log.end();
  }
}
