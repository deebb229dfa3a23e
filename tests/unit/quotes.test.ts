/**
 * Quotes carry their language (issue 22, WCAG 3.1.2). A finding quotes the author's words between
 * U+2068 and U+2069; the site turns the run into `<span lang>` (Sätteri, src/markdown/quoted-runs.ts),
 * the browser checker likewise without a Markdown parser (src/lib/markdown/inline-runs.ts), and
 * every text output drops the marks. The two renderers must agree on every text they show.
 */
import type { ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lib/completeness/rules/index.ts';
import { codeSpan, literal, QUOTE_END, QUOTE_START, quoted, quotedCode, withoutQuoteMarks } from '../../src/lib/completeness/text.ts';
import { LOCALES } from '../../src/lib/i18n/locales.ts';
import { hanRuns, inlineNodes, type InlineNode, type TextLanguages } from '../../src/lib/markdown/inline-runs.ts';
import { inlineMarkdownToHtml } from '../../src/lib/markdown/render.ts';
import { readProposal, recordOf } from '../../src/lib/reader/read-proposal.ts';
import { entryOfRecord } from '../../src/lib/review/entry.ts';
import { proposalSource } from '../helpers/proposal-source.ts';
import { READER_CORPUS } from '../helpers/reader-corpus.ts';

const MARKS = /[\u2068\u2069]/;

/** The checker's elements for a text, serialised as the site serialises Sätteri's. */
function checkerHtml(text: string, languages: TextLanguages): string {
  const build = (nodes: readonly InlineNode[]): ElementContent[] =>
    nodes.map((node): ElementContent =>
      node.type === 'text' ? node : { type: 'element', tagName: node.tagName, properties: node.lang === undefined ? {} : { lang: node.lang }, children: build(node.children) },
    );
  return toHtml({ type: 'root', children: build(inlineNodes(text, languages)) } satisfies Root);
}

/**
 * Every text that both the site and the checker show: rule titles and fixes, and every rule's
 * finding on every reading. (Errors stop the build, so only the checker shows them.)
 */
function checkerTexts(): string[] {
  const texts = new Set<string>();
  for (const rule of RULES) for (const { id } of LOCALES) texts.add(rule.title[id]).add(rule.fix[id]);
  for (const c of READER_CORPUS) {
    const proposal = readProposal(c.file, c.file, c.text);
    for (const { id } of LOCALES) {
      for (const check of proposal.completeness.checks) texts.add(check.message[id]);
    }
  }
  return [...texts];
}

describe('a quote of the author’s words', () => {
  it('is bracketed by the isolate marks, and an author cannot type them in', () => {
    expect(quoted('原型中 p99 降低 *20%*')).toBe(`${QUOTE_START}原型中 p99 降低 \\*20%\\*${QUOTE_END}`);
    expect(quotedCode('写入`峰值` x')).toBe(`${QUOTE_START}\`\`写入\`峰值\` x\`\`${QUOTE_END}`);
    expect(literal(`a${QUOTE_END}</span>${QUOTE_START}b`)).toBe('a\\</span\\>b');
    expect(codeSpan(`${QUOTE_END}x${QUOTE_START}`)).toBe('`x`');
    expect(withoutQuoteMarks(`收益：${quoted('p99 降低 20%')}`)).toBe('收益：p99 降低 20%');
  });

  it('becomes a span in the proposal’s language on the site, and only marks go without one', () => {
    const message = `Benefit: ${quoted('原型中 p99 降低 **20%**')}`;
    expect(inlineMarkdownToHtml(message, { quoteLang: 'zh-CN' })).toBe('Benefit: <span lang="zh-CN">原型中 p99 降低 **20%**</span>');
    expect(inlineMarkdownToHtml(message)).toBe('Benefit: 原型中 p99 降低 **20%**');
    expect(inlineMarkdownToHtml(`No row for ${quotedCode('写入峰值')}.`, { quoteLang: 'zh-CN' })).toBe('No row for <span lang="zh-CN"><code>写入峰值</code></span>.');
    // An English proposal quoted on a Chinese page.
    expect(inlineMarkdownToHtml(`收益：${quoted('p99 down 20%')}`, { quoteLang: 'en' })).toBe('收益：<span lang="en">p99 down 20%</span>');
  });

  it('never makes markup of marks that do not pair', () => {
    expect(inlineMarkdownToHtml(`a ${QUOTE_END} b ${QUOTE_START} c`, { quoteLang: 'en' })).toBe('a  b  c');
    expect(inlineMarkdownToHtml(`**${QUOTE_START}x** y${QUOTE_END}`, { quoteLang: 'en' })).toBe('<strong>x</strong> y');
    expect(checkerHtml(`a ${QUOTE_END} b ${QUOTE_START} c`, { quoteLang: 'en' })).toBe('a  b  c');
  });

  it('leaves the Chinese template’s words in an English text in Chinese', () => {
    expect(hanRuns('Write “**要解决**/**Problem**”, then 【待确认】 or TBD.').filter((p) => p.han).map((p) => p.value)).toEqual(['要解决', '【待确认】']);
    expect(hanRuns('p99 降低 20%（目标）').filter((p) => p.han).map((p) => p.value)).toEqual(['降低', '（目标）']);
    const fix = 'Write “**要解决**/**Problem**”.';
    expect(inlineMarkdownToHtml(fix, { hanLang: 'zh-CN' })).toBe('Write “<strong><span lang="zh-CN">要解决</span></strong>/<strong>Problem</strong>”.');
    // Inside a quote that has its lang, nothing more is marked.
    expect(inlineMarkdownToHtml(`Benefit: ${quoted('降低 20%')}`, { quoteLang: 'zh-CN', hanLang: 'zh-CN' })).toBe('Benefit: <span lang="zh-CN">降低 20%</span>');
  });

  it('reaches the page from the rules that quote, and leaves the JSON API, the review and the terminal without marks', () => {
    const text = proposalSource({ lang: 'zh' }, '## 1) 摘要\n- **要解决**：清理线程每批都复制。\n- **怎么做**：复用缓冲区。\n- **收益**：原型中 p99 降低 20%。\n\n## 2) 动机\n【补：写证据】\n');
    const proposal = readProposal('2025-01-01-quotes.md', '2025-01-01-quotes.md', text);
    const summary = proposal.completeness.checks.find((c) => c.id === 'summary-complete')!;
    expect(summary.message.en).toBe(`Benefit: ${QUOTE_START}原型中 p99 降低 20%。${QUOTE_END}`);
    const sections = proposal.completeness.checks.find((c) => c.id === 'sections-filled')!;
    expect(sections.message.en).toContain(`${QUOTE_START}2) 动机${QUOTE_END}`);

    const entry = entryOfRecord(recordOf(proposal), []);
    expect(JSON.stringify(entry)).not.toMatch(MARKS);
    expect(entry.completeness!.notMet.find((r) => r.id === 'sections-filled')!.message.en).toContain('Only template text in: 2) 动机');
  });
});

describe('the checker reads findings as the site renders them', () => {
  const texts = checkerTexts();

  it('over every rule text and every finding of the reader corpus', () => {
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.some((t) => MARKS.test(t))).toBe(true);
  });

  it.each<[string, TextLanguages]>([
    ['in the quoted proposal’s language', {}],
    ['a Chinese proposal on an English page', { quoteLang: 'zh-CN', hanLang: 'zh-CN' }],
    ['an English proposal on an English page', { hanLang: 'zh-CN' }],
    ['an English proposal on a Chinese page', { quoteLang: 'en' }],
  ])('%s: the same HTML as Sätteri', (_, languages) => {
    const differ = texts.filter((t) => checkerHtml(t, languages) !== inlineMarkdownToHtml(t, languages));
    expect(differ.map((t) => ({ text: t, checker: checkerHtml(t, languages), site: inlineMarkdownToHtml(t, languages) }))).toEqual([]);
  });
});
