import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/lib/reader/frontmatter.ts';
import { analyseBody, oneLineProblem, sectionForHeading } from '../../src/lib/markdown/analyse.ts';
import { TEMPLATE_SECTIONS } from '../../src/lib/vocabulary/sections.ts';

const seedTemplate = readFileSync(new URL('../fixtures/seed/proposal-template.zh.md', import.meta.url), 'utf8');

describe('sectionForHeading', () => {
  it('recognises every section by its Chinese and its English heading', () => {
    for (const section of TEMPLATE_SECTIONS) {
      const prefix = section.number === null ? '' : `${section.number}) `;
      expect(sectionForHeading(prefix + section.zh)).toBe(section.key);
      expect(sectionForHeading(prefix + section.en)).toBe(section.key);
    }
  });

  it('recognises a section by its number when the words differ', () => {
    expect(sectionForHeading('5) Benchmarks')).toBe('performance');
  });

  it('ignores headings that are not template sections', () => {
    expect(sectionForHeading('Appendix: raw data')).toBeUndefined();
  });
});

describe('analyseBody', () => {
  it('finds all ten sections of the seed template, in order', () => {
    const { sections } = analyseBody(readFrontmatter(seedTemplate).body);
    expect(sections.map((s) => s.key)).toEqual(TEMPLATE_SECTIONS.map((s) => s.key));
  });

  it('reads the summary of a filled English proposal', () => {
    const analysed = analyseBody(
      ['## 1) Summary (three things only)', '- **Problem**: The cleaner recompresses retained batches.', '- **Approach**: Copy unchanged batches as they are.', '- **Benefit**: 30% less cleaner CPU.', '', '## 2) Motivation', 'text'].join('\n'),
    );
    expect(analysed.summary).toEqual({ problem: 'The cleaner recompresses retained batches.', approach: 'Copy unchanged batches as they are.', benefit: '30% less cleaner CPU.' });
    expect(oneLineProblem(analysed)).toBe('The cleaner recompresses retained batches.');
    expect(analysed.sections.find((s) => s.key === 'summary')?.line).toBe(1);
  });

  it('reads the summary of a filled Chinese proposal', () => {
    const analysed = analyseBody('## 1) 摘要（只说三件事）\n- **要解决**：小消息场景下 Leader 重复解压。\n- **怎么做**：复用缓冲区。\n- **收益**：CPU 降低 12%。\n');
    expect(oneLineProblem(analysed)).toBe('小消息场景下 Leader 重复解压。');
  });

  it('gives no problem line while the summary is still a placeholder', () => {
    expect(oneLineProblem(analyseBody(readFrontmatter(seedTemplate).body))).toBeUndefined();
  });

  it('ends a section at a heading of the same level that is not a template section', () => {
    const { sections } = analyseBody('## 9) References\n- [KIP index](https://example.org)\n\n## Appendix\nraw numbers\n');
    expect(sections[0]?.text).toBe('KIP index');
  });
});
