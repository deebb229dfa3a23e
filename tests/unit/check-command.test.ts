import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COMPLETENESS_LEVELS } from '../../src/lib/completeness/levels.ts';
import { DEFAULT_LOCALE } from '../../src/lib/i18n/locales.ts';

/** Runs `npm run check`'s script the way npm does, on the same Node, against a fixture folder. */
function check(...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/check.ts', ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run check', () => {
  it('passes a clean catalogue with exit 0', () => {
    const run = check('--lang', 'en', '--dir', 'tests/fixtures/catalogues/clean');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('2 proposal file(s) checked; all valid.');
  });

  it('reports each finding as file:line rule-id message and exits 1 on schema errors', () => {
    const run = check('--lang', 'en', '--dir', 'tests/fixtures/catalogues/broken');
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
    const run = check('--json', '--lang', 'en', '--dir', 'tests/fixtures/catalogues/clean');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { id: string; completeness: { score: number; level: string; checks: { id: string; passed: boolean; message: string; messages: { zh: string; en: string }; line?: number }[] } }[];
    const entry = report.find((r) => r.id === '2026-03-02-reuse-buffer')!;
    expect(entry.completeness.score).toBeGreaterThan(0);
    expect(entry.completeness.score).toBeLessThan(50);
    expect(entry.completeness.level).toBe('skeleton');
    expect(entry.completeness.checks.find((c) => c.id === 'summary-complete')).toMatchObject({ passed: true });
    expect(entry.completeness.checks.find((c) => c.id === 'evidence-chain')).toEqual({
      id: 'evidence-chain',
      passed: false,
      message: 'There is no motivation section.',
      messages: { zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: 'There is no motivation section.' },
      line: 16,
    });
  });

  it('with --min-score, fails a proposal past Draft that scores below it, and spares Drafts', () => {
    const run = check('--lang', 'en', '--min-score', '80', '--dir', 'tests/fixtures/catalogues/clean');
    expect(run.status).toBe(1);
    const policy = run.stdout.split('\n').filter((l) => l.includes(' policy '));
    expect(policy).toEqual([expect.stringMatching(/^tests\/fixtures\/catalogues\/clean\/2026-01-01-old-idea\.md:1 policy completeness \d+ is below --min-score 80 for a proposal past Draft$/)]);
    expect(check('--min-score', '0', '--dir', 'tests/fixtures/catalogues/clean').status).toBe(0);
  });

  it('rejects a --min-score that is not a whole number from 0 to 100', () => {
    const run = check('--lang', 'en', '--min-score', 'high', '--dir', 'tests/fixtures/catalogues/clean');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--min-score: found "high"; expected a whole number from 0 to 100.');
    expect(check('--min-score', 'high', '--dir', 'tests/fixtures/catalogues/clean').stderr).toContain('--min-score：实际为 "high"；应为 0 到 100 之间的整数。');
  });
});

describe('npm run check --lang', () => {
  const BROKEN = 'tests/fixtures/catalogues/broken';

  it('speaks the default language, Chinese, unless told', () => {
    expect(DEFAULT_LOCALE).toBe('zh');
    const run = check('--dir', BROKEN);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(check('--lang', 'zh', '--dir', BROKEN).stdout);
  });

  it('prints findings, failed rules, the table and the summary in Chinese with --lang zh', () => {
    const run = check('--lang', 'zh', '--dir', BROKEN);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    // Ids, fields, file names and values stay as written; the sentence around them is Chinese.
    expect(lines).toContain(`${BROKEN}/bad-enum.md:5 frontmatter.status 实际为 "Drafted"；应为以下之一：Draft、Under Discussion、Accepted、Implemented、Rejected、Withdrawn、Superseded、Dormant`);
    expect(lines).toContain(`${BROKEN}/dangling-supersede.md:6 frontmatter.supersededBy 实际为 "no-such-proposal"；应为已有提案的 id，如 valid`);
    expect(lines.some((l) => l.startsWith(`${BROKEN}/bad-yaml.md:`) && l.includes(' frontmatter frontmatter 不是合法的 YAML（'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${BROKEN}/notes.txt:1 file 实际为非提案文件；`))).toBe(true);
    // A failed completeness rule, in the rule's Chinese.
    const evidence = lines.find((l) => l.startsWith(`${BROKEN}/valid.md:16 evidence-chain `))!;
    expect(evidence).toMatch(/[\u4e00-\u9fff]/);
    expect(evidence).not.toContain('There is no motivation section.');
    // The table: headers, yes/no and the level's name.
    const header = lines.find((l) => l.startsWith('id '))!;
    expect(header.split(/\s{2,}/)).toEqual(['id', '状态', '有效', '得分', '级别', '未满足的规则']);
    const skeleton = COMPLETENESS_LEVELS.find((l) => l.id === 'skeleton')!.name.zh;
    expect(lines.find((l) => l.startsWith('valid '))!.split(/\s{2,}/)).toEqual(['valid', 'Draft', '是', '36', skeleton, '11']);
    expect(lines.find((l) => l.startsWith('bad-enum '))!.split(/\s{2,}/)[2]).toBe('否');
    expect(run.stdout).toContain('已检查 4 个提案文件；4 个文件共有 6 个错误。');
    expect(run.stdout).not.toMatch(/found |expected |proposal file\(s\)/);
  });

  it('prints the same report in English with --lang en', () => {
    const run = check('--lang', 'en', '--dir', BROKEN);
    const lines = run.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('id '))!.split(/\s{2,}/)).toEqual(['id', 'status', 'valid', 'score', 'level', 'rules not met']);
    expect(lines.find((l) => l.startsWith('valid '))!.split(/\s{2,}/)).toEqual(['valid', 'Draft', 'yes', '36', 'Skeleton', '11']);
    expect(run.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('words the --min-score policy in the language asked for', () => {
    const zh = check('--lang', 'zh', '--min-score', '80', '--dir', 'tests/fixtures/catalogues/clean');
    expect(zh.stdout.split('\n').filter((l) => l.includes(' policy '))).toEqual([
      expect.stringMatching(/^tests\/fixtures\/catalogues\/clean\/2026-01-01-old-idea\.md:1 policy 完整度 \d+ 低于 --min-score 80（适用于 Draft 之后的提案）$/),
    ]);
    expect(zh.stdout).toMatch(/\d+（未达标）/);
    expect(zh.stdout).toContain('已检查 2 个提案文件；全部有效；1 个 Draft 之后的提案低于 --min-score 80。');
  });

  it('gives --json every message in both languages, and `message` in the language asked for', () => {
    type Report = { id: string | null; errors: { rule: string; message: string; messages: { zh: string; en: string } }[]; completeness: { checks: { id: string; passed: boolean; message: string; messages: { zh: string; en: string } }[] } | null }[];
    const zh = JSON.parse(check('--json', '--lang', 'zh', '--dir', BROKEN).stdout) as Report;
    const en = JSON.parse(check('--json', '--lang', 'en', '--dir', BROKEN).stdout) as Report;
    // Only `message` depends on the language.
    const withoutMessage = (report: Report) => JSON.stringify(report, (key, value: unknown) => (key === 'message' ? undefined : value));
    expect(withoutMessage(zh)).toBe(withoutMessage(en));
    const errors = zh.flatMap((r) => r.errors);
    const checks = zh.flatMap((r) => r.completeness?.checks ?? []);
    expect(errors.length).toBe(6);
    for (const item of [...errors, ...checks]) {
      expect(Object.keys(item.messages).sort()).toEqual(['en', 'zh']);
      expect(item.message).toBe(item.messages.zh);
      expect(item.messages.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(item.messages.en).not.toBe(item.messages.zh);
    }
    expect(en.flatMap((r) => r.errors).map((e) => e.message)).toEqual(errors.map((e) => e.messages.en));
    expect(errors.find((e) => e.rule === 'frontmatter.status')!.messages).toEqual({
      zh: '实际为 "Drafted"；应为以下之一：Draft、Under Discussion、Accepted、Implemented、Rejected、Withdrawn、Superseded、Dormant',
      en: 'found "Drafted"; expected one of: Draft, Under Discussion, Accepted, Implemented, Rejected, Withdrawn, Superseded, Dormant',
    });
  });

  it('refuses a language it does not have, with exit 2, in every language', () => {
    const run = check('--lang', 'xx', '--dir', BROKEN);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--lang: found "xx"; expected zh or en.');
    expect(run.stderr).toContain('--lang：实际为 "xx"；应为 zh 或 en。');
    expect(run.stderr).toContain('[-- --lang zh|en]');
    expect(check('--lang', 'xx', '--json', '--dir', BROKEN).status).toBe(2);
  });

  it('refuses --json with another --format, and an unknown --format, with exit 2', () => {
    const both = check('--json', '--format', 'github', '--lang', 'en');
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--format: found "github" with "--json"');
    const unknown = check('--format', 'sarif');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--format：实际为 "sarif"；应为 text、json、github、markdown 之一。');
  });

  it('annotates the same findings for GitHub as it prints as lines', () => {
    const dir = 'tests/fixtures/catalogues/broken';
    const lines = check('--lang', 'en', '--dir', dir).stdout.split('\n').filter((l) => l.startsWith(`${dir}/`));
    const github = check('--lang', 'en', '--dir', dir, '--format', 'github');
    expect(github.status).toBe(1);
    const annotated = github.stdout
      .trim()
      .split('\n')
      .map((l) => /^::(?:error|warning) file=([^,]+),line=(\d+),title=([^:]+)::(.*)$/.exec(l) ?? /^([^:]+):(\d+) (\S+) (.*)$/.exec(l))
      .filter((m) => m !== null && !m[0].startsWith('::notice'))
      .map((m) => `${m![1]}:${m![2]} ${m![3]} ${m![4]!.replaceAll('%25', '%')}`);
    expect(annotated.sort()).toEqual(lines.sort());
  });

  it('names --lang in its usage', () => {
    expect(check('--help', '--lang', 'en').stdout).toBe(
      'Usage: npm run check [-- --format text|json|github|markdown] [-- --json] [-- --base <git ref>] [-- --dir <proposals folder>] [-- --min-score <0-100>] [-- --lang zh|en] [-- --no-cache]\n',
    );
    expect(check('--help').stdout).toMatch(/^用法：npm run check .*\[-- --lang zh\|en\]/);
  });
});

