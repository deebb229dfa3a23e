/**
 * npm run bench [-- --sizes 100,1000,10000] [-- --skip-lighthouse] [-- --timeout-minutes 120] [-- --keep-builds]
 *
 * How the site scales: for each size N, generates N synthetic proposals (scripts/bench/), builds a
 * scratch copy of the site over them under .bench/, and builds a bare Astro site (one page per
 * Markdown file, nothing else) over the same files as the baseline. Reports build and index time,
 * peak memory, output sizes and the weight of one proposal page, then Lighthouse on the smallest
 * build. Writes bench/results/latest.json and prints a table with the targets of issue 6.
 *
 * A benchmark, not a test: targets are marked pass or fail, and only a broken run exits non-zero.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, availableParallelism, totalmem, release, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatFinding } from '../src/lib/reader/findings.ts';
import { readProposal } from '../src/lib/reader/read-proposal.ts';
import { formatTable } from '../src/lib/text-table.ts';
import { runLighthouse, LIGHTHOUSE_CATEGORIES, type LighthouseReport } from './bench/lighthouse.ts';
import { folderBytes, measurePageWeight, pagesIn, type PageWeight } from './bench/page-weight.ts';
import { PHASES, runAstroBuild, type BuildResult, type Phase } from './bench/run-build.ts';
import { createScratchSites } from './bench/scratch-sites.ts';
import { generateProposals, MAX_LINES, MIN_LINES } from './bench/synthetic-proposals.ts';

const USAGE = 'Usage: npm run bench [-- --sizes 100,1000,10000] [-- --skip-lighthouse] [-- --timeout-minutes 120] [-- --keep-builds]';

/** The targets of issue 6. */
const TARGETS = {
  /** At this size: build + index within `maxRatio` × the bare Astro build, under `maxPeakBytes`. */
  scaleSize: 10_000,
  maxRatio: 1.5,
  maxPeakBytes: 2 * 1024 ** 3,
  /** A proposal page's first visit, gzip, excluding the search code. */
  maxPageGzipBytes: 50 * 1024,
  maxJsGzipBytes: 5 * 1024,
  lighthouse: 100,
};

function parseOptions() {
  try {
    return parseArgs({
      options: {
        sizes: { type: 'string', default: '100,1000,10000' },
        'skip-lighthouse': { type: 'boolean', default: false },
        'timeout-minutes': { type: 'string', default: '120' },
        'keep-builds': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
const values = parseOptions();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`--sizes: found "${values.sizes}"; expected whole numbers separated by commas, such as 100,1000,10000.\n${USAGE}`);
  process.exit(2);
}
sizes.sort((a, b) => a - b);
const timeoutMinutes = Number(values['timeout-minutes']);
if (!(timeoutMinutes > 0)) {
  console.error(`--timeout-minutes: found "${values['timeout-minutes']}"; expected a positive number of minutes per build.\n${USAGE}`);
  process.exit(2);
}

const projectRoot = resolve(dirname(new URL(import.meta.url).pathname), '..');
const scratchRoot = join(projectRoot, '.bench');
const resultsFile = join(projectRoot, 'bench', 'results', 'latest.json');
const node = process.execPath;
const astroCli = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
/** Lighthouse runs on the smallest build (100 proposals by default). */
const lighthouseSize = sizes[0]!;

const MB = 1024 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => (bytes >= 1024 * MB ? `${(bytes / 1024 / MB).toFixed(2)} GB` : `${(bytes / MB).toFixed(1)} MB`);
const secs = (ms: number) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)}m ${Math.round((ms % 60_000) / 1000)}s` : `${(ms / 1000).toFixed(1)} s`);
const mark = (pass: boolean | null) => (pass === null ? '–' : pass ? 'PASS' : 'FAIL');
const say = (text: string) => console.log(`[bench] ${text}`);

function git(...args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function packageVersion(name: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

const machine = {
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: availableParallelism(),
  memoryBytes: totalmem(),
  os: `${platform()} ${release()}`,
  node: process.version,
  astro: packageVersion('astro'),
  pagefind: packageVersion('pagefind'),
  date: new Date().toISOString(),
  commit: git('rev-parse', '--short', 'HEAD'),
  /** Uncommitted changes in the site's sources at the time of the run. */
  dirty: (git('status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json', 'public') ?? '') !== '',
};

interface SiteMeasure {
  build: BuildResult;
  distBytes: number | null;
  pagefindBytes: number | null;
  proposalPages: { count: number; avgHtmlBytes: number } | null;
  pageWeight: PageWeight | null;
}

interface SizeResult {
  proposals: number;
  generated: { medianLines: number; medianBytes: number; zh: number; en: number; statuses: Record<string, number>; validated: number };
  site: SiteMeasure;
  bare: SiteMeasure;
  /** Our build + index wall time over the bare Astro build's. */
  ratio: number | null;
}

const results: SizeResult[] = [];
let lighthouse: LighthouseReport | { ran: false; note: string } = { ran: false, note: 'not run yet' };

function measureSite(build: BuildResult, root: string, samplePage: string | null): SiteMeasure {
  const dist = join(root, 'dist');
  if (!build.ok) return { build, distBytes: null, pagefindBytes: null, proposalPages: null, pageWeight: null };
  let pagefindBytes: number | null = null;
  try {
    pagefindBytes = folderBytes(join(dist, 'pagefind'));
  } catch {
    // The bare site has no index.
  }
  let proposalPages: SiteMeasure['proposalPages'] = null;
  try {
    const pages = pagesIn(join(dist, 'proposals'));
    proposalPages = { count: pages.count, avgHtmlBytes: pages.count ? Math.round(pages.bytes / pages.count) : 0 };
  } catch {
    // The bare site has its pages at the root.
  }
  return { build, distBytes: folderBytes(dist), pagefindBytes, proposalPages, pageWeight: samplePage ? measurePageWeight(dist, samplePage) : null };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function build(label: string, root: string, logFile: string): Promise<BuildResult> {
  say(`${label}: building (log: ${logFile.replace(`${projectRoot}/`, '')})`);
  const result = await runAstroBuild({
    root,
    node,
    astroCli,
    logFile,
    timeoutMs: timeoutMinutes * 60_000,
    progressEveryMs: 30_000,
    onProgress: (p) => say(`${label}: ${secs(p.elapsedMs)} elapsed, ${p.phase}, ${p.pagesWritten} pages written, ${mb(p.rssBytes)} resident`),
  });
  if (result.ok) say(`${label}: done in ${secs(result.wallMs)}${result.pagefindMs === null ? '' : ` (Pagefind ${secs(result.pagefindMs)})`}, peak ${mb(result.peakRssBytes)}`);
  else say(`${label}: ${result.timedOut ? `stopped after the ${timeoutMinutes}-minute limit` : `FAILED (${result.signal ? `killed by ${result.signal}, not by this benchmark: out of memory, or stopped from outside` : `exit ${result.exitCode}`})`}${result.errorTail ? `\n${result.errorTail}` : ''}`);
  return result;
}

function writeResults() {
  const targets = evaluateTargets();
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify({ machine, options: { sizes, timeoutMinutes, lighthouseSize: values['skip-lighthouse'] ? null : lighthouseSize }, results, lighthouse, targets }, null, 2)}\n`);
}

interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean | null;
}

function evaluateTargets(): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const scale = results.find((r) => r.proposals === TARGETS.scaleSize);
  const n = TARGETS.scaleSize.toLocaleString('en');
  checks.push({
    target: `build + index ≤ ${TARGETS.maxRatio}× bare Astro at ${n}`,
    measured: scale?.ratio != null ? `${scale.ratio.toFixed(2)}×` : scale ? 'a build did not finish' : `not measured (no ${n} run)`,
    pass: scale?.ratio != null ? scale.ratio <= TARGETS.maxRatio : scale ? false : null,
  });
  checks.push({
    target: `peak memory < ${mb(TARGETS.maxPeakBytes)} at ${n}`,
    measured: scale ? mb(scale.site.build.peakRssBytes) + (scale.site.build.ok ? '' : ' (build did not finish)') : `not measured (no ${n} run)`,
    pass: scale ? scale.site.build.ok && scale.site.build.peakRssBytes < TARGETS.maxPeakBytes : null,
  });
  for (const r of results) {
    const w = r.site.pageWeight;
    checks.push({
      target: `proposal page first visit < ${kb(TARGETS.maxPageGzipBytes)} gzip, no search code (N=${r.proposals})`,
      measured: w ? kb(w.totalGzipBytes) : 'not measured',
      pass: w ? w.totalGzipBytes < TARGETS.maxPageGzipBytes : null,
    });
    checks.push({
      target: `proposal page JS before search < ${kb(TARGETS.maxJsGzipBytes)} gzip (N=${r.proposals})`,
      measured: w ? kb(w.jsGzipBytes) : 'not measured',
      pass: w ? w.jsGzipBytes < TARGETS.maxJsGzipBytes : null,
    });
  }
  if (lighthouse.ran && 'pages' in lighthouse) {
    for (const page of lighthouse.pages) {
      if (!page.scores) continue;
      const values = LIGHTHOUSE_CATEGORIES.map((c) => page.scores![c]);
      checks.push({
        target: `Lighthouse ${TARGETS.lighthouse} on ${page.name} (${LIGHTHOUSE_CATEGORIES.join(', ')})`,
        measured: values.map((v) => v ?? '?').join(' / '),
        pass: values.every((v) => v === TARGETS.lighthouse),
      });
    }
  } else {
    checks.push({ target: `Lighthouse ${TARGETS.lighthouse} on home, a proposal and search`, measured: `not run: ${lighthouse.note ?? 'unknown'}`, pass: null });
  }
  return checks;
}

function printReport() {
  console.log(`\nMachine: ${machine.cpu}, ${machine.cores} cores, ${mb(machine.memoryBytes)} RAM, ${machine.os}; Node ${machine.node}, Astro ${machine.astro}, Pagefind ${machine.pagefind}; commit ${machine.commit}${machine.dirty ? ' + uncommitted changes' : ''}; ${machine.date}\n`);
  console.log(
    formatTable(
      ['proposals', 'astro', 'pagefind', 'total', 'peak RSS', 'dist/', 'pagefind/', 'avg proposal HTML', 'page gzip', 'JS gzip', 'bare astro', 'bare peak', 'ratio'],
      results.map((r) => {
        const s = r.site;
        const status = (b: BuildResult) => (b.ok ? null : b.timedOut ? 'timed out' : 'failed');
        return [
          r.proposals.toLocaleString('en'),
          status(s.build) ?? secs(s.build.astroMs),
          s.build.pagefindMs === null ? '–' : secs(s.build.pagefindMs),
          status(s.build) ? `> ${secs(s.build.wallMs)}` : secs(s.build.wallMs),
          mb(s.build.peakRssBytes),
          s.distBytes === null ? '–' : mb(s.distBytes),
          s.pagefindBytes === null ? '–' : mb(s.pagefindBytes),
          s.proposalPages ? kb(s.proposalPages.avgHtmlBytes) : '–',
          s.pageWeight ? kb(s.pageWeight.totalGzipBytes) : '–',
          s.pageWeight ? kb(s.pageWeight.jsGzipBytes) : '–',
          status(r.bare.build) ?? secs(r.bare.build.wallMs),
          mb(r.bare.build.peakRssBytes),
          r.ratio === null ? '–' : `${r.ratio.toFixed(2)}×`,
        ];
      }),
    ),
  );
  console.log('\nastro = wall time less the Pagefind step; total = wall time of `astro build` (which runs Pagefind); ratio = total / bare Astro total.');
  console.log('page gzip = one proposal page: HTML + CSS + JS loaded up front, gzip -9, without /pagefind/ code. RSS = the build process tree.');

  const built = results.filter((r) => r.site.build.ok);
  if (built.length > 0) {
    console.log('\nWhere the time and memory go, this site vs bare Astro (phases timed from Astro’s log; RSS = peak in that phase):\n');
    // A phase shorter than the 200 ms memory sampling has no RSS of its own.
    const cell = (b: BuildResult, phase: Phase) => (b.phases[phase] === undefined ? '–' : `${secs(b.phases[phase]!)}${b.peakRssByPhase[phase] ? ` / ${mb(b.peakRssByPhase[phase]!)}` : ''}`);
    console.log(
      formatTable(
        ['proposals', 'build', ...PHASES],
        built.flatMap((r) => [
          [r.proposals.toLocaleString('en'), 'site', ...PHASES.map((p) => cell(r.site.build, p))],
          ['', 'bare', ...PHASES.map((p) => cell(r.bare.build, p))],
        ]),
      ),
    );
    console.log('\ncontent = startup + content sync; data = getStaticPaths, up to the first page written; index = after the last page, mostly Pagefind.');
  }

  if ('pages' in lighthouse && lighthouse.pages.length > 0) {
    console.log(`\nLighthouse ${lighthouse.lighthouseVersion ?? ''} on the ${lighthouseSize}-proposal build (${lighthouse.settings ?? ''}):\n`);
    console.log(
      formatTable(
        ['page', ...LIGHTHOUSE_CATEGORIES],
        lighthouse.pages.map((p) => [`${p.name} ${p.path}`, ...LIGHTHOUSE_CATEGORIES.map((c) => (p.scores ? String(p.scores[c] ?? '?') : '–'))]),
      ),
    );
    for (const p of lighthouse.pages) {
      if (p.note) console.log(`  ${p.name}: ${p.note}`);
      for (const audit of p.failedAudits ?? []) console.log(`  ${p.name}: not passed: ${audit}`);
    }
  } else if (!values['skip-lighthouse']) console.log(`\nLighthouse: ${lighthouse.note}`);

  console.log('\nTargets (issue 6; tracked here, not enforced):\n');
  console.log(formatTable(['', 'target', 'measured'], evaluateTargets().map((c) => [mark(c.pass), c.target, c.measured])));
  console.log(`\nWrote ${resultsFile.replace(`${projectRoot}/`, '')}`);
}

say(`sizes ${sizes.join(', ')}; at most ${timeoutMinutes} minutes per build; scratch in .bench/ (never src/content/proposals/)`);
if (sizes.some((n) => n >= 5000)) say('large sizes take a while (10,000 proposals: about 10 minutes on 2 cores); progress every 30 s');
const started = performance.now();
for (const count of sizes) {
  const label = `N=${count.toLocaleString('en')}`;
  say(`${label}: generating ${count} proposals`);
  const proposals = generateProposals(count);
  // Every file must pass the real reader, or the figures would be for a build that fails early.
  for (const proposal of proposals) {
    const { errors } = readProposal(proposal.fileName, proposal.fileName, proposal.text);
    if (errors.length > 0) throw new Error(`bench: generated ${proposal.fileName} fails the reader:\n${errors.map(formatFinding).join('\n')}`);
  }
  const outOfRange = proposals.filter((p) => p.lines < MIN_LINES || p.lines > MAX_LINES).length;
  if (outOfRange > 0) say(`${label}: note: ${outOfRange} proposals fall outside ${MIN_LINES}–${MAX_LINES} lines`);

  const root = join(scratchRoot, `n${count}`);
  const sites = createScratchSites(projectRoot, root, proposals);
  const sample = `/proposals/${proposals[0]!.id}/`;

  const siteBuild = await build(`${label} site`, sites.site, join(root, 'site-build.log'));
  const site = measureSite(siteBuild, sites.site, siteBuild.ok ? sample : null);

  if (count === lighthouseSize && !values['skip-lighthouse'] && siteBuild.ok) {
    say(`${label}: Lighthouse on /, ${sample} and /search/`);
    lighthouse = await runLighthouse(join(sites.site, 'dist'), [
      { name: 'home', path: '/' },
      { name: 'proposal', path: sample },
      { name: 'search', path: '/search/' },
    ], root);
    if (!lighthouse.ran) say(`${label}: Lighthouse did not run: ${lighthouse.note ?? lighthouse.pages.map((p) => p.note).join('; ')}`);
  } else if (values['skip-lighthouse']) lighthouse = { ran: false, note: 'skipped (--skip-lighthouse)' };

  const bareBuild = await build(`${label} bare Astro`, sites.bare, join(root, 'bare-build.log'));
  const bare = measureSite(bareBuild, sites.bare, null);

  const statuses: Record<string, number> = {};
  for (const p of proposals) statuses[p.status] = (statuses[p.status] ?? 0) + 1;
  results.push({
    proposals: count,
    generated: {
      medianLines: median(proposals.map((p) => p.lines)),
      medianBytes: median(proposals.map((p) => Buffer.byteLength(p.text))),
      zh: proposals.filter((p) => p.lang === 'zh').length,
      en: proposals.filter((p) => p.lang === 'en').length,
      statuses,
      validated: proposals.length,
    },
    site,
    bare,
    ratio: siteBuild.ok && bareBuild.ok ? siteBuild.wallMs / bareBuild.wallMs : null,
  });
  if (!values['keep-builds']) {
    for (const dir of [sites.site, sites.bare]) rmSync(join(dir, 'dist'), { recursive: true, force: true });
  }
  writeResults();
  say(`${label}: done; ${secs(performance.now() - started)} since the start`);
}

printReport();
