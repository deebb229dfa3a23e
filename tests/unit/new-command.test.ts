import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/lib/reader/frontmatter.ts';
import { PROPOSALS_DIR } from '../../src/lib/proposal-files.ts';
import { fillTemplate } from '../../src/lib/template.ts';
import { TEMPLATE_FILES } from '../../src/lib/template-files.ts';
import { readProposal } from '../../src/lib/reader/read-proposal.ts';

const SCRIPT = resolve('scripts/new.ts');
const en = readFileSync(TEMPLATE_FILES.en, 'utf8');
const USAGE = 'Usage: npm run new -- --title "<title>" --component <id> [--lang zh|en] [--author "<name>"] [--slug <slug>] [--date YYYY-MM-DD]';

const scratch = mkdtempSync(join(tmpdir(), 'kbp-new-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in for the project root: a folder with an empty proposals folder and nothing else. */
function fakeRoot() {
  const root = mkdtempSync(join(scratch, 'root-'));
  const proposals = join(root, PROPOSALS_DIR);
  mkdirSync(proposals, { recursive: true });
  return { root, proposals };
}

/** Runs `npm run new`'s script the way npm does, on the same Node, from `cwd` as the project root. */
function runNew(cwd: string, args: string[], nodeOptions: string[] = []) {
  const run = spawnSync(process.execPath, [...nodeOptions, SCRIPT, ...args], { cwd, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** The run failed with a message and a usage line, not a stack trace. */
function expectRefused(run: ReturnType<typeof runNew>, message: string) {
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`${message}\n${USAGE}\n`);
}

const BASICS = ['--component', 'compaction', '--lang', 'en', '--author', 'Ann Example', '--date', '2026-12-01'];

describe('npm run new', () => {
  it('writes the proposal directly inside the proposals folder of the root it runs from, and prints the next steps', () => {
    const { root, proposals } = fakeRoot();
    const run = runNew(root, ['--title', 'Log cleaner: reuse buffers', ...BASICS]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(filesUnder(root)).toEqual(['src/content/proposals/2026-12-01-log-cleaner-reuse-buffers.md']);
    expect(run.stdout).toContain('Created src/content/proposals/2026-12-01-log-cleaner-reuse-buffers.md\n');
    expect(run.stdout).toContain('http://localhost:4321/proposals/2026-12-01-log-cleaner-reuse-buffers/');
    const text = readFileSync(join(proposals, '2026-12-01-log-cleaner-reuse-buffers.md'), 'utf8');
    expect(text).toBe(fillTemplate(en, { title: 'Log cleaner: reuse buffers', component: 'compaction', modules: ['storage'], author: 'Ann Example', date: '2026-12-01' }));
    const { data, errors } = readProposal('p.md', 'p.md', text);
    expect(errors).toEqual([]);
    expect(data).toMatchObject({ title: 'Log cleaner: reuse buffers', component: 'compaction', lang: 'en', authors: [{ name: 'Ann Example' }], created: '2026-12-01', updated: '2026-12-01' });
  });

  it('defaults to Chinese and to today’s date', () => {
    const { root, proposals } = fakeRoot();
    const run = runNew(root, ['--title', 'Cleaner buffers', '--component', 'compaction', '--author', 'Lin Wei']);
    expect(run.status).toBe(0);
    const [name, ...others] = readdirSync(proposals);
    expect(others).toEqual([]);
    expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-cleaner-buffers\.md$/);
    const date = name!.slice(0, 10);
    expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(36 * 3600 * 1000);
    expect(readProposal('p.md', 'p.md', readFileSync(join(proposals, name!), 'utf8')).data).toMatchObject({ lang: 'zh', created: date });
  });

  it('refuses to overwrite a file, or to write through a link that is there', () => {
    const { root, proposals } = fakeRoot();
    const path = join(proposals, '2026-12-01-cleaner-buffers.md');
    writeFileSync(path, 'mine');
    const run = runNew(root, ['--title', 'Cleaner buffers', ...BASICS]);
    expectRefused(run, 'src/content/proposals/2026-12-01-cleaner-buffers.md already exists; it was left as it is. Choose another --slug, or edit that file.');
    expect(readFileSync(path, 'utf8')).toBe('mine');

    // A dangling symbolic link does not "exist", but the file is still not written through it.
    symlinkSync(join(root, 'elsewhere.md'), join(proposals, '2026-12-01-linked.md'));
    expectRefused(runNew(root, ['--title', 'Linked', ...BASICS]), 'src/content/proposals/2026-12-01-linked.md already exists; it was left as it is. Choose another --slug, or edit that file.');
    expect(readdirSync(root).sort()).toEqual(['src']);
  });

  it('rejects an unknown component by listing the valid ids', () => {
    const { root, proposals } = fakeRoot();
    const run = runNew(root, ['--title', 'Anything', '--component', 'compresion']);
    expectRefused(run, 'Unknown component "compresion". Valid ids: network, produce, log-append, compression, record-format, storage, compaction, replication, memory, tiered-storage, kraft, metrics.');
    expect(readdirSync(proposals)).toEqual([]);
  });

  it('asks for a slug when the title has no ASCII words, and takes one', () => {
    const { root, proposals } = fakeRoot();
    expectRefused(runNew(root, ['--title', '日志清理缓冲复用', '--component', 'compaction', '--date', '2026-12-01']), 'The title has no ASCII words to name the file after; pass --slug, such as --slug cleaner-buffer-reuse.');
    const run = runNew(root, ['--title', '日志清理缓冲复用', '--component', 'compaction', '--date', '2026-12-01', '--author', 'Lin Wei', '--slug', 'cleaner-buffer-reuse']);
    expect(run.status).toBe(0);
    expect(readdirSync(proposals)).toEqual(['2026-12-01-cleaner-buffer-reuse.md']);
    expect(readProposal('p.md', 'p.md', readFileSync(join(proposals, '2026-12-01-cleaner-buffer-reuse.md'), 'utf8')).data).toMatchObject({ title: '日志清理缓冲复用', lang: 'zh' });
  });
});

describe('npm run new writes only inside the proposals folder', () => {
  it('has no --dir: it is an unknown option, and nothing is written anywhere', () => {
    const { root } = fakeRoot();
    const elsewhere = mkdtempSync(join(scratch, 'elsewhere-'));
    const run = runNew(root, ['--dir', elsewhere, '--title', 'Escape', ...BASICS]);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')[0]).toMatch(/^Unknown option '--dir'/);
    expect(run.stderr).toContain(USAGE);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(filesUnder(root)).toEqual([]);
  });

  it.each(['../../x', '../x', '/tmp/x', 'a/b', '..', '.', 'x.md', 'X', 'a--b', '-a', ''])('refuses --slug %j, and writes nothing', (slug) => {
    const { root } = fakeRoot();
    const run = runNew(root, ['--title', 'Escape', `--slug=${slug}`, ...BASICS]);
    expectRefused(run, `--slug: found ${JSON.stringify(slug)}; expected lower-case words joined by hyphens, such as cleaner-buffer-reuse.`);
    expect(filesUnder(root)).toEqual([]);
    expect(filesUnder(scratch).filter((f) => !f.startsWith('root-'))).toEqual([]);
  });

  it('refuses to run outside a project: from a folder without src/content/proposals, it creates nothing', () => {
    const empty = mkdtempSync(join(scratch, 'empty-'));
    const run = runNew(empty, ['--title', 'Nowhere', ...BASICS]);
    expectRefused(run, `There is no src/content/proposals folder in ${empty}; run npm run new from the project's root folder.`);
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe('npm run new --date', () => {
  it.each(['2026-02-30', '9999-99-99', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-3-2', '20260302', ' 2026-03-02', 'today', '0050-01-01', ''])('refuses %j with the expected form', (date) => {
    const { root, proposals } = fakeRoot();
    const run = runNew(root, ['--title', 'Dated', '--component', 'compaction', '--author', 'A', '--date', date]);
    expectRefused(run, `--date: found "${date}"; expected a real calendar date written YYYY-MM-DD, such as 2026-03-02`);
    expect(readdirSync(proposals)).toEqual([]);
  });

  it('takes a leap day and the last day of a month', () => {
    const { root, proposals } = fakeRoot();
    for (const date of ['2024-02-29', '2000-02-29', '2026-12-31']) {
      expect(runNew(root, ['--title', 'Dated', '--component', 'compaction', '--author', 'A', '--date', date, '--slug', `d${date.slice(0, 4)}`]).status).toBe(0);
      const text = readFileSync(join(proposals, `${date}-d${date.slice(0, 4)}.md`), 'utf8');
      expect(readProposal('p.md', 'p.md', text).data).toMatchObject({ created: date, updated: date });
    }
  });
});

describe('npm run new with long names', () => {
  it('refuses a 300-character --slug by stating the limit', () => {
    const { root, proposals } = fakeRoot();
    const run = runNew(root, ['--title', 'Long', '--slug', 'a'.repeat(300), ...BASICS]);
    expectRefused(run, '--slug: found 300 characters; expected at most 80, such as --slug cleaner-buffer-reuse.');
    expect(readdirSync(proposals)).toEqual([]);
  });

  it('takes a --slug of exactly 80 characters', () => {
    const { root, proposals } = fakeRoot();
    const slug = `${'a'.repeat(39)}-${'b'.repeat(40)}`;
    expect(runNew(root, ['--title', 'Long', '--slug', slug, ...BASICS]).status).toBe(0);
    expect(readdirSync(proposals)).toEqual([`2026-12-01-${slug}.md`]);
  });

  it('cuts the slug of a 300-character title at a word boundary, and keeps the whole title', () => {
    const { root, proposals } = fakeRoot();
    const title = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ').slice(0, 300);
    expect(title).toHaveLength(300);
    const run = runNew(root, ['--title', title, ...BASICS]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [name] = readdirSync(proposals);
    // word0 … word9 is 59 characters; with -word10 it would pass the 60 a derived slug is cut to.
    expect(name).toBe('2026-12-01-word0-word1-word2-word3-word4-word5-word6-word7-word8-word9.md');
    expect(readProposal('p.md', 'p.md', readFileSync(join(proposals, name!), 'utf8')).data).toMatchObject({ title });
  });

  it('cuts a title that is one 300-character word', () => {
    const { root, proposals } = fakeRoot();
    const run = runNew(root, ['--title', 'x'.repeat(300), ...BASICS]);
    expect(run.status).toBe(0);
    expect(readdirSync(proposals)).toEqual([`2026-12-01-${'x'.repeat(60)}.md`]);
  });
});

describe('npm run new with awkward text', () => {
  it('writes a title and an author with quotes, backslashes and YAML syntax that read back unchanged', () => {
    const { root, proposals } = fakeRoot();
    const title = 'Cleaner: reuse "buffers" \\ #1 — it\'s {fast}: [yes]';
    const author = 'Ann "The Cleaner" O\'Brien';
    const run = runNew(root, ['--title', title, '--author', author, '--slug', 'quoted', ...BASICS.slice(0, 4), '--date', '2026-12-01']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = readFileSync(join(proposals, '2026-12-01-quoted.md'), 'utf8');
    const source = readFrontmatter(text);
    expect(source.errors).toEqual([]);
    expect(source.data).toMatchObject({ title, authors: [{ name: author }] });
    const { data, errors } = readProposal('p.md', 'p.md', text);
    expect(errors).toEqual([]);
    expect(data).toMatchObject({ title, authors: [{ name: author }], component: 'compaction', status: 'Draft' });
  });

  it('trims the title', () => {
    const { root, proposals } = fakeRoot();
    expect(runNew(root, ['--title', '  Trimmed title \t', ...BASICS]).status).toBe(0);
    expect(readProposal('p.md', 'p.md', readFileSync(join(proposals, '2026-12-01-trimmed-title.md'), 'utf8')).data).toMatchObject({ title: 'Trimmed title' });
  });

  it.each([
    ['a newline', 'Two\nlines', '--title: found a line break (U+000A); expected a title such as "Log cleaner: reuse buffers", on one line.'],
    ['a carriage return', 'Two\rlines', '--title: found a line break (U+000D); expected a title such as "Log cleaner: reuse buffers", on one line.'],
    ['a line separator', 'Two\u2028lines', '--title: found a line break (U+2028); expected a title such as "Log cleaner: reuse buffers", on one line.'],
    ['a control character', 'Bell\u0007', '--title: found a control character (U+0007); expected a title such as "Log cleaner: reuse buffers", in plain text.'],
    ['only control characters', '\u0001\u0002', '--title: found a control character (U+0001); expected a title such as "Log cleaner: reuse buffers", in plain text.'],
    ['only whitespace', ' \t \u3000 ', '--title: found no visible text; expected a title such as "Log cleaner: reuse buffers".'],
    ['only invisible characters', '\u200b\u200d', '--title: found no visible text; expected a title such as "Log cleaner: reuse buffers".'],
    ['nothing', '', '--title: found no visible text; expected a title such as "Log cleaner: reuse buffers".'],
  ])('refuses a title with %s', (_, title, message) => {
    const { root, proposals } = fakeRoot();
    expectRefused(runNew(root, ['--title', title, '--slug', 'refused', ...BASICS]), message);
    expect(readdirSync(proposals)).toEqual([]);
  });

  it.each([
    ['empty', '', '--author: found no visible text; expected a name such as "Lin Wei".'],
    ['only spaces', '   ', '--author: found no visible text; expected a name such as "Lin Wei".'],
    ['a newline', 'Ann\nstatus: Accepted', '--author: found a line break (U+000A); expected a name such as "Lin Wei", on one line.'],
  ])('refuses an author that is %s', (_, author, message) => {
    const { root, proposals } = fakeRoot();
    expectRefused(runNew(root, ['--title', 'Authored', '--component', 'compaction', '--author', author, '--date', '2026-12-01']), message);
    expect(readdirSync(proposals)).toEqual([]);
  });
});

describe('npm run new never ends in a stack trace', () => {
  it.each([
    [['--title'], "Option '--title <value>' argument missing"],
    [['--title', 'x', '--component'], "Option '--component <value>' argument missing"],
    [['--title', 'x', '--component', 'compaction', 'stray'], "Unexpected argument 'stray'"],
    [['--title', 'x', '--bogus'], "Unknown option '--bogus'"],
    [['--title', '--component', 'compaction'], "Option '--title' argument is ambiguous"],
    [['--component', 'compaction'], 'Missing --title: the proposal needs a title.'],
    [['--title', 'x'], 'Missing --component: one of network, produce'],
    [['--title', 'x', '--component', 'compaction', '--lang', 'fr'], 'Unknown language "fr". Valid: zh, en.'],
  ])('%j: a message and the usage, exit 1', (args, message) => {
    const { root, proposals } = fakeRoot();
    const run = runNew(root, args);
    expect(run.status).toBe(1);
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr.endsWith(`${USAGE}\n`)).toBe(true);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(proposals)).toEqual([]);
  });

  // The reader's parser (Sätteri) is a native addon, which the permission model must allow.
  it('reports an unforeseen failure (here, writing is forbidden) as one line', () => {
    const { root, proposals } = fakeRoot();
    const run = runNew(root, ['--title', 'Forbidden', ...BASICS], ['--permission', '--allow-fs-read=*', '--allow-addons', '--disable-warning=SecurityWarning']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^npm run new: \S[^\n]*\n$/);
    expect(run.stderr).toContain('Access to this API has been restricted');
    expect(readdirSync(proposals)).toEqual([]);
  });

  it('prints the usage with --help and exits 0', () => {
    const { root, proposals } = fakeRoot();
    const run = runNew(root, ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${USAGE}\n`);
    expect(readdirSync(proposals)).toEqual([]);
  });
});
