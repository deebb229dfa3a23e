import { readFileSync } from 'node:fs';
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
      expect(result.checks.find((c) => c.id === 'no-placeholders')).toMatchObject({ passed: false, message: { en: expect.stringMatching(/^48 placeholders left/), zh: expect.stringMatching(/^还剩 48 处占位符/) } });
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

  it('writes any title and author as YAML that reads back unchanged', () => {
    for (const value of ['Say "hi" \\ then: # not a comment', "it's $& $1 {{title}}", 'two\nlines\r\n---\nstatus: Accepted', '\u0000\u0007\u007f\u0085\u2028\ufeff', '- [a, b]: {c}']) {
      const text = fillTemplate(en, { title: value, author: value, component: component.id, modules: componentModules(component), date: '2026-12-01' });
      const source = readFrontmatter(text);
      expect(source.errors).toEqual([]);
      expect(source.data).toMatchObject({ title: value, authors: [{ name: value }], status: 'Draft', lang: 'en' });
    }
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

  it('cuts a long title at a word boundary, and a single over-long word at the limit', () => {
    expect(slugify('buffer '.repeat(40))).toBe(Array(8).fill('buffer').join('-'));
    expect(slugify('buffer '.repeat(40), 20)).toBe('buffer-buffer-buffer');
    expect(slugify('x'.repeat(300))).toBe('x'.repeat(60));
    expect(slugify(`${'x'.repeat(300)} tail`, 80)).toBe('x'.repeat(80));
  });
});
