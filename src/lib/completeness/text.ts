/**
 * Reading a section's prose for the rules. A line that still carries template text, a `{{…}}`
 * placeholder, an unresolved marker or a template note, does not count as written: that is how the
 * template's own examples ("async-profiler/JFR/flamegraph") never pass for an author's answer.
 */
import type { Link, RootContent } from 'mdast';
import { inEveryLocale, joinList, type Localized } from '../i18n/locales.ts';
import type { Section, SourceLine } from '../markdown/analyse.ts';
import { walk } from '../markdown/walk.ts';
import { PLACEHOLDER, type SectionKey } from '../vocabulary/sections.ts';
import type { ProposalDocument } from './types.ts';

/** Markers of a question still open: 【待确认】, TBD, TODO, FIXME. */
export const UNRESOLVED_MARKER = /【待确认|\bTBD\b|\bTODO\b|\bFIXME\b/;
/** The template's own notes (【补：…】, "[Template note]" in English): guidance to remove once followed. */
export const TEMPLATE_NOTE = /【补|\[Template note\b/;

/**
 * A quote of the author's words is bracketed by U+2068 FIRST STRONG ISOLATE and U+2069 POP
 * DIRECTIONAL ISOLATE, Unicode's marks for "text of its own language and direction". The site turns
 * the run into `<span lang>` in the proposal's language (WCAG 3.1.2: a Chinese proposal's words in an
 * English finding are read by a Chinese voice); text outputs (the terminal, annotations, the JSON
 * API) drop the marks with `withoutQuoteMarks`. `literal` and `codeSpan` remove any mark an author
 * typed, so every mark in a finding is one of these and they always pair.
 */
export const QUOTE_START = '\u2068';
export const QUOTE_END = '\u2069';
const QUOTE_MARKS = /[\u2068\u2069]/g;

/**
 * Quotes an author's text in a finding as a Markdown code span, whatever it holds: the fence is
 * longer than any run of backticks inside, so the text can never become a link or markup.
 */
export function codeSpan(text: string): string {
  text = text.replace(QUOTE_MARKS, '');
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.trim() !== text ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Quotes an author's prose in a finding: the characters that make links, HTML, code or emphasis
 * are escaped, so it stays text on the site; the rest is left as written for the terminal.
 */
export function literal(text: string): string {
  return text.replace(QUOTE_MARKS, '').replace(/[\\`*_[\]<>&]/g, '\\$&');
}

/** The author's prose, quoted in a finding: `literal`, marked as the proposal's language. */
export function quoted(text: string): string {
  return `${QUOTE_START}${literal(text)}${QUOTE_END}`;
}

/** The author's words as code in a finding (a scenario, a table cell): `codeSpan`, marked likewise. */
export function quotedCode(text: string): string {
  return `${QUOTE_START}${codeSpan(text)}${QUOTE_END}`;
}

/** A finding as plain text, for outputs that have no `lang` to give: the quote marks removed. */
export function withoutQuoteMarks(text: string): string {
  return text.replace(QUOTE_MARKS, '');
}

/** Every language of a finding without its quote marks. */
export function localizedWithoutQuoteMarks(text: Localized): Localized {
  return inEveryLocale((locale) => withoutQuoteMarks(text[locale]));
}

/**
 * Joins a finding's phrases in each language. With a separator (`{ zh: '；', en: '; ' }`), that
 * separator; without one, as a list: "a, b, c" in English, as the findings have always read, and
 * "a、b和c" in Chinese.
 */
export function joinPhrases(phrases: readonly Localized[], separator?: Localized): Localized {
  return inEveryLocale((locale) => {
    const texts = phrases.map((p) => p[locale]);
    if (separator) return texts.join(separator[locale]);
    return locale === 'en' ? texts.join(', ') : joinList(texts, locale);
  });
}

export function isTemplateText(text: string): boolean {
  return PLACEHOLDER.test(text) || UNRESOLVED_MARKER.test(text) || TEMPLATE_NOTE.test(text);
}

export function section(doc: ProposalDocument, key: SectionKey): Section | undefined {
  return doc.analysed.sections.find((s) => s.key === key);
}

/** The section's lines that an author has written: not blank, not rules (---), not template text. */
export function writtenLines(s: Section | undefined): SourceLine[] {
  return (s?.lines ?? []).filter(({ text }) => text.trim() !== '' && !/^\s*(-{3,}|\*{3,}|_{3,})\s*$/.test(text) && !isTemplateText(text));
}

/**
 * A line that only introduces a block, such as "**证据**" or "**Evidence**". `(?:[:：]\s*)?` rather than
 * `[:：]?\s*`: two `\s*` side by side backtrack quadratically on a line of trailing spaces.
 */
export const LABEL_LINE = /^\s*\*\*[^*]+\*\*\s*(?:[:：]\s*)?$/;

/**
 * The written lines of the block that starts at a label ("**根因假设**", "**Root-cause hypothesis**"):
 * the rest of the label's own line, then each line up to the next label line or heading.
 */
export function labelledBlock(s: Section | undefined, labels: readonly RegExp[]): { lines: SourceLine[]; labelLine: number } | undefined {
  const all = s?.lines ?? [];
  const start = all.findIndex(({ text }) => labels.some((l) => l.test(text)));
  if (start === -1) return undefined;
  const block: SourceLine[] = [];
  const first = all[start]!;
  const rest = first.text.replace(/^.*?\*\*[^*]+\*\*\s*[:：]?/, '').trim();
  if (rest && !LABEL_LINE.test(first.text) && !isTemplateText(rest)) block.push({ line: first.line, text: rest });
  for (const line of all.slice(start + 1)) {
    if (LABEL_LINE.test(line.text) || /^\s*#/.test(line.text)) break;
    if (line.text.trim() && !isTemplateText(line.text)) block.push(line);
  }
  return { lines: block, labelLine: first.line };
}

/** A measured quantity: a number with a unit or a percentage. */
export const QUANTITY = /\d+(?:\.\d+)?\s*(?:%|％|ms\b|毫秒|µs|μs|us\b|ns\b|s\b|秒|分钟|min\b|[KMGT]i?B(?:\/s)?\b|ops\/s|msgs?\/s|records\/s|req(?:uests)?\/s|条\/秒|次\/秒|倍|x\b|×|cores?\b|核|threads?\b|线程|brokers?\b|partitions?\b|分区)/i;

export function hasQuantity(text: string): boolean {
  return QUANTITY.test(text);
}

export function firstMatch(lines: readonly SourceLine[], pattern: RegExp): SourceLine | undefined {
  return lines.find(({ text }) => pattern.test(text));
}

/** Nodes of a kind within a section, in document order. */
export function nodesOfType<T extends RootContent>(s: Section | undefined, type: T['type']): T[] {
  const found: T[] = [];
  for (const node of s?.nodes ?? []) {
    walk(node, (n) => {
      if (n.type === type) found.push(n as T);
    });
  }
  return found;
}

export function links(s: Section | undefined): Link[] {
  return nodesOfType<Link>(s, 'link').filter((l) => /^https?:\/\//.test(l.url));
}

/** Inline code that names code as `Class#method`. */
export const CLASS_METHOD = /^[A-Z][A-Za-z0-9_$]*(?:\.[A-Z][A-Za-z0-9_$]*)*#[a-z_$][A-Za-z0-9_$]*(?:\(.*\))?$/;
