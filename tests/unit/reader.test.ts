/**
 * The one reader, through both of its callers: `npm run check` (readProposalFolder, and the command
 * itself) and the build (the collection loader's syncProposals). Every malformed and hostile case
 * must fail both with the same findings, and every tricky-but-allowed case must pass both.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE } from '../../src/lib/i18n/locales.ts';
import { formatFinding, type Finding } from '../../src/lib/reader/findings.ts';
import { readProposalFolder } from '../../src/lib/reader/read-folder.ts';
import { ProposalCatalogueError, syncProposals } from '../../src/loaders/proposals.ts';
import { loaderContext, type StoredEntry } from '../helpers/loader-context.ts';
import { ALLOWED_CASES, HOSTILE_PAYLOADS, MALFORMED_FRONTMATTER, type ReaderCase } from '../fixtures/reader-cases.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbp-reader-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** As the build prints a finding, and `npm run check` without --lang: in the default language. */
const asPrinted = (f: Finding) => formatFinding(f, DEFAULT_LOCALE);

let caseNumber = 0;
/** A project root with a proposals folder holding the case's files; paths are shown relative to it. */
function layOut(files: ReaderCase['files']): { root: string; folder: string } {
  const root = join(scratch, `case-${++caseNumber}`);
  const folder = join(root, 'proposals');
  for (const file of files) {
    mkdirSync(dirname(join(folder, file.name)), { recursive: true });
    writeFileSync(join(folder, file.name), file.text);
  }
  return { root, folder };
}

/** Runs the build's loader over a folder, as Astro would, and returns what it stored or every line it threw. */
async function loadAsTheBuildDoes(root: string): Promise<{ stored: StoredEntry[] } | { errorLines: string[] }> {
  const { context, entries } = loaderContext(root);
  try {
    await syncProposals(context, './proposals');
    return { stored: [...entries.values()] };
  } catch (error) {
    expect(error).toBeInstanceOf(ProposalCatalogueError);
    return { errorLines: (error as Error).message.split('\n').slice(1) };
  }
}

function describeCases(title: string, cases: ReaderCase[]) {
  describe(title, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s: check and build refuse it with the same findings', async (_, testCase) => {
      const { root, folder } = layOut(testCase.files);
      const { findings } = readProposalFolder(folder, root);
      const build = await loadAsTheBuildDoes(root);
      expect('errorLines' in build, 'the build must refuse what check refuses').toBe(true);
      expect((build as { errorLines: string[] }).errorLines).toEqual(findings.map(asPrinted));
      for (const expected of testCase.expected) {
        const file = join('proposals', expected.file ?? testCase.files[0]!.name);
        expect(findings).toContainEqual(expect.objectContaining({ file, line: expected.line, id: expected.id, message: expect.objectContaining({ en: expect.stringMatching(expected.message) }) }));
      }
    });
  });
}

describeCases('malformed frontmatter', MALFORMED_FRONTMATTER);
describeCases('hostile payloads', HOSTILE_PAYLOADS);

describe('every finding is written in Chinese too', () => {
  const CJK = /[\u3400-\u9fff]/;
  it.each([...MALFORMED_FRONTMATTER, ...HOSTILE_PAYLOADS].map((c) => [c.name, c] as const))('%s', (_, testCase) => {
    const { root, folder } = layOut(testCase.files);
    const { findings } = readProposalFolder(folder, root);
    expect(findings.length).toBeGreaterThan(0);
    for (const { message } of findings) {
      expect(Object.keys(message).sort(), message.en).toEqual(['en', 'zh']);
      expect(message.zh, message.en).toMatch(CJK);
      expect(message.zh).not.toBe(message.en);
      // A Chinese sentence's own punctuation is full-width: "实际为 X；应为 Y".
      expect(message.zh, message.en).toContain('；');
    }
  });
});

describe('tricky but allowed', () => {
  it.each(ALLOWED_CASES.map((c) => [c.name, c] as const))('%s: check and build both accept it', async (_, testCase) => {
    const { root, folder } = layOut(testCase.files);
    expect(readProposalFolder(folder, root).findings).toEqual([]);
    const build = await loadAsTheBuildDoes(root);
    expect(build).toMatchObject({ stored: [expect.objectContaining({ id: 'p' })] });
  });

  it('stores what the pages show: the frontmatter, the one-line problem and the completeness', async () => {
    const { root } = layOut(ALLOWED_CASES[0]!.files);
    const build = await loadAsTheBuildDoes(root);
    const [entry] = (build as { stored: StoredEntry[] }).stored;
    expect(entry!.data).toMatchObject({ id: 'p', file: join('proposals', 'p.md'), data: { title: 'Log cleaner: reuse the decompression buffer', created: '2026-03-02' }, problem: 'The cleaner allocates a new buffer for every batch.' });
    expect((entry!.data.completeness as { score: number }).score).toBeGreaterThan(0);
  });
});

describe('the suites are as large as the issue asks', () => {
  it('has at least 60 malformed-frontmatter kinds and 25 hostile payloads', () => {
    expect(MALFORMED_FRONTMATTER.length).toBeGreaterThanOrEqual(60);
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(25);
    expect(new Set([...MALFORMED_FRONTMATTER, ...HOSTILE_PAYLOADS].map((c) => c.name)).size).toBe(MALFORMED_FRONTMATTER.length + HOSTILE_PAYLOADS.length);
  });
});

describe('npm run check itself', () => {
  /** Runs the command the way npm does, through a shell pipe, on the project's Node. */
  function checkThroughPipe(dir: string, ...args: string[]) {
    return spawnSync('sh', ['-c', `"${process.execPath}" scripts/check.ts --dir "${dir}" ${args.join(' ')} | cat`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  }

  it('reports every case, file by file, as the reader does', () => {
    const files = [...MALFORMED_FRONTMATTER, ...HOSTILE_PAYLOADS]
      .filter((c) => c.files.length === 1 && c.files[0]!.name.match(/^p\.mdx?$/))
      .map((c, i) => ({ name: c.files[0]!.name.replace('p.', `case-${i}.`), text: c.files[0]!.text }));
    const { folder } = layOut(files);
    const run = spawnSync(process.execPath, ['scripts/check.ts', '--json', '--dir', folder], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { file: string; valid: boolean; errors: { file: string; line: number; rule: string; message: string }[] }[];
    const { findings } = readProposalFolder(folder, process.cwd());
    expect(report.flatMap((r) => r.errors.map((e) => `${e.file}:${e.line} ${e.rule} ${e.message}`))).toEqual(findings.map(asPrinted));
    expect(report.every((r) => !r.valid)).toBe(true);
    expect(report).toHaveLength(files.length);
  });

  it('writes the whole JSON through a pipe, however large', () => {
    const sample = readFileSync('src/content/proposals/2026-11-03-zstd-dictionary-small-batches.md', 'utf8');
    const files = Array.from({ length: 300 }, (_, i) => ({ name: `2026-01-01-copy-${i}.md`, text: sample }));
    const { folder } = layOut(files);
    const run = checkThroughPipe(folder, '--json');
    // Far past the 64 KB a pipe used to cut the output at.
    expect(run.stdout.length).toBeGreaterThan(10 * 65536);
    const report = JSON.parse(run.stdout) as unknown[];
    expect(report).toHaveLength(300);
    // It reads 300 files cold in a child process: seconds on a busy 2-core machine. What is timed is for the benchmark.
  }, 60_000);
});
