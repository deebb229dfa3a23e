import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs `npm run check`'s script the way npm does, on the same Node, against a fixture folder. */
function check(...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/check.ts', ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run check', () => {
  it('passes a clean catalogue with exit 0', () => {
    const run = check('--dir', 'tests/fixtures/catalogues/clean');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 proposal file(s) checked; all valid.');
  });

  it('reports each finding as file:line rule-id message and exits 1 on schema errors', () => {
    const run = check('--dir', 'tests/fixtures/catalogues/broken');
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('tests/fixtures/catalogues/broken/bad-enum.md:3 frontmatter.component found "compresion"; expected one of: network, produce, log-append, compression, record-format, storage, compaction, replication, memory, tiered-storage, kraft, metrics');
    expect(lines).toContain('tests/fixtures/catalogues/broken/bad-enum.md:5 frontmatter.status found "Drafted"; expected one of: Draft, Under Discussion, Accepted, Implemented, Rejected, Withdrawn, Superseded, Dormant');
    expect(lines.some((l) => l.startsWith('tests/fixtures/catalogues/broken/bad-enum.md:15 frontmatter.reviewer unknown field;'))).toBe(true);
    expect(lines.some((l) => l.startsWith('tests/fixtures/catalogues/broken/bad-yaml.md:') && l.includes(' frontmatter the frontmatter is not valid YAML'))).toBe(true);
    expect(lines).toContain('tests/fixtures/catalogues/broken/dangling-supersede.md:6 frontmatter.supersededBy found "no-such-proposal"; expected the id of an existing proposal, such as valid');
    expect(lines.some((l) => l.startsWith('tests/fixtures/catalogues/broken/notes.txt:1 file found a file that is not a proposal'))).toBe(true);
    expect(run.stdout).toContain('4 proposal file(s) checked; 4 file(s) with 6 error(s).');
    // Completeness findings use the same shape, with the rule id.
    expect(lines).toContain('tests/fixtures/catalogues/broken/valid.md:16 performance-validation There is no performance validation section.');
  });

  it('prints the same verdicts as JSON with --json', () => {
    const run = check('--json', '--dir', 'tests/fixtures/catalogues/broken');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { id: string | null; file: string; status: string | null; valid: boolean; errors: { field: string; line: number }[] }[];
    const byFile = new Map(report.map((r) => [r.file.split('/').pop(), r]));
    expect(byFile.get('valid.md')).toMatchObject({ id: 'valid', status: 'Draft', valid: true, errors: [] });
    expect(byFile.get('bad-enum.md')).toMatchObject({ id: 'bad-enum', status: 'Drafted', valid: false });
    expect(byFile.get('bad-enum.md')!.errors.map((e) => e.field)).toEqual(['component', 'status', 'reviewer']);
    expect(byFile.get('notes.txt')).toMatchObject({ id: null, valid: false });
    expect(report).toHaveLength(5);
  });

  it('reports completeness in --json: score, level and each rule with its line', () => {
    const run = check('--json', '--dir', 'tests/fixtures/catalogues/clean');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { id: string; completeness: { score: number; level: string; checks: { id: string; passed: boolean; message: string; line?: number }[] } }[];
    const entry = report.find((r) => r.id === '2026-03-02-reuse-buffer')!;
    expect(entry.completeness.score).toBeGreaterThan(0);
    expect(entry.completeness.score).toBeLessThan(50);
    expect(entry.completeness.level).toBe('skeleton');
    expect(entry.completeness.checks.find((c) => c.id === 'summary-complete')).toMatchObject({ passed: true });
    expect(entry.completeness.checks.find((c) => c.id === 'evidence-chain')).toEqual({ id: 'evidence-chain', passed: false, message: 'There is no motivation section.', line: 16 });
  });

  it('with --min-score, fails a proposal past Draft that scores below it, and spares Drafts', () => {
    const run = check('--min-score', '80', '--dir', 'tests/fixtures/catalogues/clean');
    expect(run.status).toBe(1);
    const policy = run.stdout.split('\n').filter((l) => l.includes(' policy '));
    expect(policy).toEqual([expect.stringMatching(/^tests\/fixtures\/catalogues\/clean\/2026-01-01-old-idea\.md:1 policy completeness \d+ is below --min-score 80 for a proposal past Draft$/)]);
    expect(check('--min-score', '0', '--dir', 'tests/fixtures/catalogues/clean').status).toBe(0);
  });

  it('rejects a --min-score that is not a whole number from 0 to 100', () => {
    const run = check('--min-score', 'high', '--dir', 'tests/fixtures/catalogues/clean');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--min-score: found "high"; expected a whole number from 0 to 100.');
  });
});

