/**
 * Reviewing a pull request (issue 21), end to end: a real git repository with a base commit and a
 * head commit (a proposal changed, one added, one deleted, one renamed, one broken), the real
 * `npm run check` script run in it as the review workflow runs it, and its output parsed: the
 * workflow commands GitHub reads, and the Markdown summary rendered with GFM and read in Chromium.
 */
import { expect, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { markdownToHtml } from 'satteri';

const PROJECT = resolve('.');
const SAMPLES = join(PROJECT, 'src/content/proposals');
const CHANGED = '2025-02-14-fetch-session-cache-sharding.md';
const DELETED = '2025-03-10-request-channel-priority-queue.md';
const RENAMED = '2025-06-09-batch-checksum-algorithm.md';
const RENAMED_TO = '2025-06-09-batch-checksum-crc32c.md';
const UNCHANGED = '2025-06-16-cleaner-record-buffer-reuse.md';
const ADDED = '2026-12-01-new-broken-proposal.md';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The check script, on the project's Node, in the scratch repository, as `npm run --silent check --` runs it. */
function check(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  const run = spawnSync(process.execPath, [join(PROJECT, 'scripts/check.ts'), '--dir', 'proposals', '--no-cache', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.test' } });
}

interface Command {
  level: string;
  properties: Record<string, string>;
  message: string;
}

/** A workflow command line, unescaped as the runner reads it. */
function parseCommand(line: string): Command | undefined {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return undefined;
  const unescape = (s: string) => s.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
  const properties = Object.fromEntries((match[2] ?? '').split(',').filter(Boolean).map((p) => p.split('=', 2).map(unescape) as [string, string]));
  return { level: match[1]!, properties, message: unescape(match[3]!) };
}

test.describe('a pull request reviewed against its base', () => {
  let repo: string;
  let baseScores: Map<string, number>;

  test.beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'kafka-review-'));
    const folder = join(repo, 'proposals');
    mkdirSync(folder);
    for (const file of [CHANGED, DELETED, RENAMED, UNCHANGED]) cpSync(join(SAMPLES, file), join(folder, file));
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    const base = JSON.parse(check(repo, ['--json']).stdout) as { file: string; completeness: { score: number } }[];
    baseScores = new Map(base.map((e) => [e.file, e.completeness.score]));

    git(repo, 'switch', '-q', '-c', 'proposal');
    // Changed: an open question left in the summary, so `no-unresolved-markers` newly fails.
    const changed = readFileSync(join(folder, CHANGED), 'utf8').replace(/^## 1\) .*$/m, (heading) => `${heading}\n\nTBD: which broker version first.`);
    writeFileSync(join(folder, CHANGED), changed);
    rmSync(join(folder, DELETED));
    renameSync(join(folder, RENAMED), join(folder, RENAMED_TO));
    // Added, and broken: a status the schema does not know, on line 5 of its frontmatter.
    const added = readFileSync(join(SAMPLES, UNCHANGED), 'utf8').replace(/^status: .*$/m, 'status: Drafted');
    writeFileSync(join(folder, ADDED), added);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'head');
  });

  test.afterAll(() => {
    rmSync(repo, { recursive: true, force: true });
  });

  test('--format github annotates the errors and the changed files’ rules, each on its file and line', () => {
    const run = check(repo, ['--format', 'github', '--base', 'main', '--lang', 'en']);
    expect(run.stderr).toBe('');
    // The added file's status stops the build.
    expect(run.status).toBe(1);
    const commands = run.stdout.trim().split('\n').map(parseCommand);
    expect(commands.every(Boolean)).toBe(true);
    const statusLine = readFileSync(join(repo, 'proposals', ADDED), 'utf8').split('\n').findIndex((l) => l.startsWith('status:')) + 1;
    expect(commands[0]).toEqual({
      level: 'error',
      properties: { file: `proposals/${ADDED}`, line: String(statusLine), title: 'frontmatter.status' },
      message: expect.stringContaining('found "Drafted"'),
    });
    const warnings = commands.filter((c) => c!.level === 'warning');
    expect(warnings.some((w) => w!.properties.file === `proposals/${CHANGED}` && w!.properties.title === 'no-unresolved-markers')).toBe(true);
    // The review is of what changed: an unchanged proposal's rules are not annotated.
    expect(warnings.some((w) => w!.properties.file === `proposals/${UNCHANGED}`)).toBe(false);
    const tbdLine = readFileSync(join(repo, 'proposals', CHANGED), 'utf8').split('\n').findIndex((l) => l.startsWith('TBD:')) + 1;
    expect(warnings.find((w) => w!.properties.title === 'no-unresolved-markers')!.properties.line).toBe(String(tbdLine));
  });

  test('the Markdown summary gives each changed file its change, score and rules, as GitHub would render it', async ({ page }) => {
    const run = check(repo, ['--format', 'markdown', '--base', 'main', '--lang', 'en']);
    expect(run.status).toBe(1);
    const head = JSON.parse(check(repo, ['--json']).stdout) as { file: string; completeness: { score: number } }[];
    const headScore = (file: string) => head.find((e) => e.file === `proposals/${file}`)!.completeness.score;

    await page.setContent(markdownToHtml(run.stdout, { features: { gfm: true, rawHtml: true } }).html);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Proposal review');
    await expect(page.getByText('Proposal files: 1 changed, 1 new, 1 renamed, 1 deleted.')).toBeVisible();
    const rows = await page.locator('table tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent!.trim())));
    const byFile = new Map(rows.slice(1).map((cells) => [cells[0], cells]));
    const from = baseScores.get(`proposals/${CHANGED}`)!;
    const to = headScore(CHANGED);
    expect(to).toBeLessThan(from);
    expect(byFile.get(`proposals/${CHANGED}`)!.slice(1, 3)).toEqual(['changed', `${from} → ${to} (−${from - to})`]);
    expect(byFile.get(`proposals/${ADDED}`)!.slice(1, 3)).toEqual(['new', String(headScore(ADDED))]);
    expect(byFile.get(`proposals/${ADDED}`)!.at(-1)).toBe('1');
    expect(byFile.get(`proposals/${DELETED}`)!.slice(1, 3)).toEqual(['deleted', `was ${baseScores.get(`proposals/${DELETED}`)}`]);
    expect(byFile.get(`proposals/${RENAMED_TO}`)!.slice(1, 3)).toEqual(['renamed', String(baseScores.get(`proposals/${RENAMED}`))]);
    expect(byFile.has(`proposals/${UNCHANGED}`)).toBe(false);
    expect(rows).toHaveLength(5);
    await expect(page.getByText('Newly failing: no-unresolved-markers')).toBeVisible();
    await expect(page.getByText(`Renamed from proposals/${RENAMED}.`)).toBeVisible();
    await expect(page.getByText(/frontmatter\.status: found "Drafted"/)).toBeVisible();
  });

  test('in a workflow step, the summary is also written to GITHUB_STEP_SUMMARY', () => {
    const summaryFile = join(repo, 'step-summary.md');
    const run = check(repo, ['--format', 'github', '--base', 'main', '--lang', 'en'], { GITHUB_STEP_SUMMARY: summaryFile });
    expect(run.status).toBe(1);
    const markdown = check(repo, ['--format', 'markdown', '--base', 'main', '--lang', 'en']).stdout;
    expect(readFileSync(summaryFile, 'utf8')).toBe(markdown);
    rmSync(summaryFile);
  });

  test('a file that does not parse is still reported, with its file and line', () => {
    const broken = join(repo, 'proposals', '2026-12-02-bad-yaml.md');
    writeFileSync(broken, '---\ntitle: [unclosed\n---\n\n# Body\n');
    try {
      const run = check(repo, ['--format', 'github', '--base', 'main', '--lang', 'en']);
      const command = run.stdout.split('\n').map(parseCommand).find((c) => c?.properties.file === 'proposals/2026-12-02-bad-yaml.md');
      expect(command).toMatchObject({ level: 'error', properties: { title: 'frontmatter' } });
      expect(Number(command!.properties.line)).toBeGreaterThanOrEqual(1);
      // Untracked, and still a new file of the review.
      const markdown = check(repo, ['--format', 'markdown', '--base', 'main', '--lang', 'en']).stdout;
      expect(markdown).toMatch(/\| proposals\/2026\\-12\\-02\\-bad\\-yaml\\\.md \| new \|/);
    } finally {
      rmSync(broken);
    }
  });

  test('a base that is not a commit, or an unknown format, exits 2 and says why', () => {
    const noBase = check(repo, ['--format', 'github', '--base', 'no-such-branch', '--lang', 'en']);
    expect(noBase.status).toBe(2);
    expect(noBase.stdout).toBe('');
    expect(noBase.stderr).toContain('--base: found "no-such-branch", which is not a commit here; expected a branch, tag or commit of this repository');
    const badFormat = check(repo, ['--format', 'yaml', '--lang', 'en']);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('--format: found "yaml"; expected one of text, json, github, markdown.');
    expect(existsSync(join(repo, 'step-summary.md'))).toBe(false);
  });
});
