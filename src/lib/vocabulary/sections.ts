/**
 * The template's sections, in order, with the headings that introduce them in the Chinese original
 * and in the English translation. The Markdown analysis recognises a section by its number ("1)")
 * or, failing that, by any of its heading words, so small edits to a heading's wording still count.
 */

export interface TemplateSection {
  /** Stable key, used by rules, anchors and tests. */
  readonly key: string;
  /** The section's number in the template; the change log has none. */
  readonly number: number | null;
  /** Heading text in the Chinese template (after "# N) "). */
  readonly zh: string;
  /** Heading text in the English template (after "# N) "). */
  readonly en: string;
  /** Words that identify the heading when it is not numbered, lower case. */
  readonly keywords: readonly string[];
}

export const TEMPLATE_SECTIONS = [
  { key: 'summary', number: 1, zh: '摘要（只说三件事）', en: 'Summary (three things only)', keywords: ['摘要', 'summary'] },
  { key: 'motivation', number: 2, zh: '动机 / 问题陈述（可复现）', en: 'Motivation / problem statement (reproducible)', keywords: ['动机', '问题陈述', 'motivation', 'problem statement'] },
  { key: 'current-state', number: 3, zh: '现状（点名对象 + 关键路径）', en: 'Current state (named classes + key path)', keywords: ['现状', 'current state'] },
  { key: 'proposal', number: 4, zh: '方案（最小改动 + 明确开关）', en: 'Proposal (minimal change + explicit switch)', keywords: ['方案', 'proposal', 'proposed change'] },
  { key: 'performance', number: 5, zh: '性能验证（必须给“可重复”的基准）', en: 'Performance validation (a repeatable benchmark)', keywords: ['性能验证', 'performance validation', 'performance'] },
  { key: 'testing', number: 6, zh: '测试策略（最小充分）', en: 'Test strategy (minimal but sufficient)', keywords: ['测试策略', 'test strategy', 'testing'] },
  { key: 'release', number: 7, zh: '发布/回滚（说清楚怎么收手）', en: 'Release / rollback (how to back out)', keywords: ['发布', '回滚', 'release', 'rollback'] },
  { key: 'open-questions', number: 8, zh: '开放问题（只留硬问题）', en: 'Open questions (hard ones only)', keywords: ['开放问题', 'open questions'] },
  { key: 'references', number: 9, zh: '参考（必须可点）', en: 'References (must be clickable)', keywords: ['参考', 'references'] },
  { key: 'changelog', number: null, zh: '变更日志', en: 'Change log', keywords: ['变更日志', 'change log', 'changelog'] },
] as const satisfies readonly TemplateSection[];

export type SectionKey = (typeof TEMPLATE_SECTIONS)[number]['key'];

/** The three lines of the summary, by the bold label that starts each bullet. */
export const SUMMARY_ITEMS = [
  { key: 'problem', zh: '要解决', en: 'Problem' },
  { key: 'approach', zh: '怎么做', en: 'Approach' },
  { key: 'benefit', zh: '收益', en: 'Benefit' },
] as const;

export type SummaryItemKey = (typeof SUMMARY_ITEMS)[number]['key'];

/** A template placeholder, such as `{{pain}}`: a blank the author must fill. */
export const PLACEHOLDER = /\{\{[^{}\n]*\}\}/;

/** Every placeholder in a text. */
export function placeholdersIn(text: string): string[] {
  return text.match(new RegExp(PLACEHOLDER.source, 'g')) ?? [];
}
