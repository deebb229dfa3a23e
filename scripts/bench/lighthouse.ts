/**
 * Lighthouse (performance, accessibility, best practices, SEO) on a few pages of a built site,
 * served from disk by a small static server with gzip, as a host would. It drives the Chromium the
 * end-to-end tests use (CHROMIUM_PATH or /usr/bin/chromium), started here with remote debugging.
 * Lighthouse's default settings: a mobile device with simulated throttling.
 *
 * Anything that stops Lighthouse from running here is reported as a note, not thrown: the
 * benchmark's build figures are still worth having without it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { stopProcessGroup } from './run-build.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface LighthousePage {
  name: string;
  path: string;
  /** 0–100 per category; absent when the page was skipped or Lighthouse failed on it. */
  scores?: Record<LighthouseCategory, number | null>;
  /** Audits that did not pass, as "category: title". */
  failedAudits?: string[];
  note?: string;
}

export interface LighthouseReport {
  ran: boolean;
  lighthouseVersion?: string;
  chromium?: string;
  settings?: string;
  pages: LighthousePage[];
  note?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
};

/** Serves `dist/` on 127.0.0.1 and a free port: `/x/` is `x/index.html`, unknown paths get 404.html with status 404. */
export function serveStatic(dist: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const relative = normalize(path).replace(/^(\.\.[/\\])+/, '');
    let file = join(dist, relative);
    let status = 200;
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        response.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      status = 404;
      file = join(dist, '404.html');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body: Buffer = existsSync(file) ? readFileSync(file) : Buffer.from('Not found');
    const headers: Record<string, string> = { 'content-type': type };
    if (/text|javascript|json|svg|xml/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

/** Starts headless Chromium with remote debugging on a free port; resolves with that port. */
function startChromium(binary: string, profileDir: string): Promise<{ chrome: ChildProcess; port: number }> {
  const args = [
    '--headless',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--remote-debugging-port=0',
    `--user-data-dir=${profileDir}`,
    'about:blank',
  ];
  // Chromium refuses to run as root with its sandbox on.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  // Its own process group, so that stopping it also stops its renderer and GPU processes.
  const chrome = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => {
      stopProcessGroup(chrome.pid!);
      reject(new Error(`Chromium did not open its debugging port within 30 s:\n${stderr.slice(-2000)}`));
    }, 30_000);
    chrome.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    chrome.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ chrome, port: Number(match[1]) });
      }
    });
    chrome.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (code ${code}) before opening its debugging port:\n${stderr.slice(-2000)}`));
    });
  });
}

export async function runLighthouse(dist: string, pages: readonly { name: string; path: string }[], scratch: string): Promise<LighthouseReport> {
  const binary = process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(binary)) return { ran: false, pages: [], note: `no Chromium at ${binary}; install it (apt-get install chromium) or set CHROMIUM_PATH` };

  let lighthouse: typeof import('lighthouse').default;
  let version: string | undefined;
  try {
    lighthouse = (await import('lighthouse')).default;
    version = (JSON.parse(readFileSync(new URL(import.meta.resolve('lighthouse/package.json')), 'utf8')) as { version: string }).version;
  } catch (error) {
    return { ran: false, pages: [], note: `the lighthouse package could not be loaded (${(error as Error).message}); run npm install` };
  }

  const { server, origin } = await serveStatic(dist);
  const profileDir = mkdtempSync(join(scratch, 'chromium-profile-'));
  let chrome: ChildProcess | undefined;
  try {
    const started = await startChromium(binary, profileDir);
    chrome = started.chrome;
    const results: LighthousePage[] = [];
    for (const page of pages) {
      const url = origin + page.path;
      const status = (await fetch(url, { method: 'HEAD' })).status;
      if (status !== 200) {
        results.push({ ...page, note: `skipped: ${page.path} answered HTTP ${status} (the page does not exist in this build)` });
        continue;
      }
      try {
        const result = await lighthouse(url, { port: started.port, output: 'json', logLevel: 'error', onlyCategories: [...LIGHTHOUSE_CATEGORIES] });
        const lhr = result?.lhr;
        if (!lhr) throw new Error('Lighthouse returned no result');
        if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        const scores = Object.fromEntries(
          LIGHTHOUSE_CATEGORIES.map((id) => [id, lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id]!.score! * 100)]),
        ) as Record<LighthouseCategory, number | null>;
        const failedAudits: string[] = [];
        for (const id of LIGHTHOUSE_CATEGORIES) {
          for (const ref of lhr.categories[id]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (!audit || ref.weight === 0 || audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'informative' || audit.scoreDisplayMode === 'manual') continue;
            if (audit.score !== null && audit.score < 1) failedAudits.push(`${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
          }
        }
        results.push({ ...page, scores, failedAudits });
      } catch (error) {
        results.push({ ...page, note: `Lighthouse failed: ${(error as Error).message}` });
      }
    }
    return {
      ran: results.some((p) => p.scores),
      lighthouseVersion: version,
      chromium: binary,
      settings: 'Lighthouse defaults: mobile emulation, simulated throttling; served with gzip from 127.0.0.1',
      pages: results,
    };
  } catch (error) {
    return { ran: false, pages: [], note: `Lighthouse could not run here: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    if (chrome?.pid) stopProcessGroup(chrome.pid);
    server.closeAllConnections();
    server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
