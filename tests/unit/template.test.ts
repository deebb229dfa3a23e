import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessSource } from '../../src/lib/completeness/assess.ts';
import { readFrontmatter } from '../../src/lib/reader/frontmatter.ts';
import { analyseBody } from '../../src/lib/markdown/analyse.ts';
import { componentModules, fillTemplate, slugify } from '../../src/lib/template.ts';
import { TEMPLATE_FILES } from '../../src/lib/template-files.ts';
import { readProposal } from '../../src/lib/reader/read-proposal.ts';
import { getComponent } from '../../src/lib/vocabulary/components.ts';
import { placeholdersIn, TEMPLATE_SECTIONS } from '../../src/lib/vocabulary/sections.ts';

const zh = readFileSync(TEMPLATE_FILES.zh, 'utf8');
const en = readFileSync(TEMPLATE_FILES.en, 'utf8');
const seed = readFileSync(new URL('../fixtures/seed/proposal-template.zh.md', import.meta.url), 'utf8');
const placeholders = placeholdersIn;

function assess(text: string) {
  const { body, bodyStartLine } = readFrontmatter(text);
  return assessSource({ body, bodyStartLine });
}

describe('the template files', () => {
  for (const [lang, text] of [['zh', zh], ['en', en]] as const) {
    it(`${lang}: every section is present and every placeholder unfilled`, () => {
      const result = assess(text);
      expect(analyseBody(readFrontmatter(text).body).sections.map((s) => s.key)).toEqual(TEMPLATE_SECTIONS.map((s) => s.key));
      expect(result.checks.find((c) => c.id === 'sections-present')!.passed).toBe(true);
      expect(result.checks.find((c) => c.id === 'no-placeholders')).toMatchObject({ passed: false, message: expect.stringMatching(/^48 placeholders left/) });
      expect(result.score).toBeLessThan(25);
    });
  }

  it('keeps every placeholder of the original, in the frontmatter or the body', () => {
    expect(new Set(placeholders(zh))).toEqual(new Set([...placeholders(seed), '{{config.name}}']));
  });

  it('keeps the original’s sections word for word (only the heading level changes)', () => {
    const original = analyseBody(readFrontmatter(seed).body).sections;
    const ours = analyseBody(readFrontmatter(zh).body).sections;
    for (const [i, section] of ours.entries()) {
      expect(section.heading).toBe(original[i]!.heading);
      // The original's last section is followed by its author's notes (补全清单), shown on /template/ instead.
      const originalText = original[i]!.key === 'changelog' ? original[i]!.text.split('补全清单')[0]!.trim() : original[i]!.text;
      expect(section.text).toBe(originalText);
    }
  });

  it('has an English translation with the same structure: sections, and placeholders per section', () => {
    const count = (text: string) => analyseBody(readFrontmatter(text).body).sections.map((s) => [s.key, placeholders(s.lines.map((l) => l.text).join('\n')).length]);
    expect(count(en)).toEqual(count(zh));
    expect(assess(en).score).toBe(assess(zh).score);
  });
});

describe('fillTemplate', () => {
  const component = getComponent('compaction');
  const filled = fillTemplate(zh, { title: 'Cleaner: reuse "buffers"', component: component.id, modules: componentModules(component), author: 'Lin Wei', date: '2026-12-01' });

  it('fills the frontmatter and passes the schema', () => {
    const { data, errors } = readProposal('x.md', 'x.md', filled);
    expect(errors).toEqual([]);
    expect(data).toMatchObject({ title: 'Cleaner: reuse "buffers"', component: 'compaction', modules: ['storage'], authors: [{ name: 'Lin Wei' }], created: '2026-12-01', updated: '2026-12-01', status: 'Draft', lang: 'zh' });
  });

  it('changes nothing else: comments, the body and its other placeholders stay', () => {
    const changed = filled.split('\n').filter((line, i) => line !== zh.split('\n')[i]);
    expect(changed).toEqual([
      'title: "Cleaner: reuse \\"buffers\\""',
      'component: compaction  # 组件 id，见 /components/',
      'modules: ["storage"]  # 范围：Broker 涉及的模块或源码路径',
      '  - name: "Lin Wei"',
      'created: 2026-12-01',
      'updated: 2026-12-01',
      '- 2026-12-01：初稿',
    ]);
  });

  it('fills only the component and its modules for the component pages’ buttons', () => {
    const network = getComponent('network');
    const text = fillTemplate(en, { component: network.id, modules: componentModules(network) });
    expect(text).toContain('component: network  # a component id');
    expect(text).toContain('modules: ["core", "server"]');
    expect(text).toContain('title: "Kafka broker: optimise/enhance {{component}} ({{one_line_change}})"');
  });
});

describe('slugify', () => {
  it('makes file-name slugs from titles', () => {
    expect(slugify('Log cleaner: skip recompressing retained batches!')).toBe('log-cleaner-skip-recompressing-retained-batches');
    expect(slugify('LogValidator 压缩路径：zstd in-place')).toBe('logvalidator-zstd-in-place');
    expect(slugify('日志清理')).toBe('');
    expect(slugify('a '.repeat(100)).length).toBeLessThanOrEqual(60);
  });
});

describe('npm run new', () => {
  function run(dir: string, ...args: string[]) {
    return spawnSync(process.execPath, ['scripts/new.ts', '--dir', dir, '--date', '2026-12-01', ...args], { encoding: 'utf8' });
  }

  it('writes a proposal that passes the schema, and prints the next steps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbp-new-'));
    const result = run(dir, '--title', 'Log cleaner: reuse buffers', '--component', 'compaction', '--lang', 'en', '--author', 'Ann Example');
    expect(result.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['2026-12-01-log-cleaner-reuse-buffers.md']);
    expect(result.stdout).toContain('2026-12-01-log-cleaner-reuse-buffers.md');
    expect(result.stdout).toContain('npm run check');
    const text = readFileSync(join(dir, '2026-12-01-log-cleaner-reuse-buffers.md'), 'utf8');
    const { data, errors } = readProposal('p.md', 'p.md', text);
    expect(errors).toEqual([]);
    expect(data).toMatchObject({ title: 'Log cleaner: reuse buffers', component: 'compaction', modules: ['storage'], lang: 'en', authors: [{ name: 'Ann Example' }], created: '2026-12-01' });
    expect(text).toBe(fillTemplate(en, { title: 'Log cleaner: reuse buffers', component: 'compaction', modules: ['storage'], author: 'Ann Example', date: '2026-12-01' }));
  });

  it('refuses to overwrite a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbp-new-'));
    const path = join(dir, '2026-12-01-cleaner-buffers.md');
    writeFileSync(path, 'mine');
    const result = run(dir, '--title', 'Cleaner buffers', '--component', 'compaction');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already exists; it was left as it is');
    expect(readFileSync(path, 'utf8')).toBe('mine');
  });

  it('rejects an unknown component by listing the valid ids', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbp-new-'));
    const result = run(dir, '--title', 'Anything', '--component', 'compresion');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Unknown component "compresion". Valid ids: network, produce, log-append, compression, record-format, storage, compaction, replication, memory, tiered-storage, kraft, metrics.');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('asks for a slug when the title has no ASCII words, and takes one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kbp-new-'));
    expect(run(dir, '--title', '日志清理缓冲复用', '--component', 'compaction').stderr).toContain('pass --slug');
    const result = run(dir, '--title', '日志清理缓冲复用', '--component', 'compaction', '--slug', 'cleaner-buffer-reuse');
    expect(result.status).toBe(0);
    expect(readProposal('p.md', 'p.md', readFileSync(join(dir, '2026-12-01-cleaner-buffer-reuse.md'), 'utf8')).data).toMatchObject({ title: '日志清理缓冲复用', lang: 'zh' });
  });
});
