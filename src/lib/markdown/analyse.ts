/**
 * Reads a proposal's Markdown body into a syntax tree (with the renderer's own parser, Sätteri, in
 * Node, and micromark in the browser: `#markdown-parser`) and finds the template's sections in it. The site, `npm run check` and the completeness rules all
 * read proposals through this one function, so they agree on what a section is.
 */
import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parser } from '#markdown-parser';
import { PLACEHOLDER, SUMMARY_ITEMS, TEMPLATE_SECTIONS, type SectionKey, type SummaryItemKey } from '../vocabulary/sections.ts';

export interface Section {
  key: SectionKey;
  /** The heading's text as written. */
  heading: string;
  /** 1-based line of the heading in the body. */
  line: number;
  /** The nodes between this heading and the next template section (sub-headings included). */
  nodes: RootContent[];
  /** Plain text of those nodes. */
  text: string;
  /** The section's source lines after its heading, with their 1-based line numbers in the body. */
  lines: SourceLine[];
}

export interface SourceLine {
  line: number;
  text: string;
}

export interface AnalysedBody {
  tree: Root;
  /** Template sections found, in document order; a section that appears twice is kept once (the first). */
  sections: Section[];
  /** The summary's three lines, where the summary has them. */
  summary: Partial<Record<SummaryItemKey, string>>;
}

export function parseMarkdown(body: string): Root {
  return parser.parseMarkdown(body);
}

const NUMBERED = /^(\d+)\s*[).、.]/;

/** Which template section a heading introduces, if any: by its number, else by a keyword. */
export function sectionForHeading(text: string): SectionKey | undefined {
  const normalised = text.trim().toLowerCase();
  const numbered = NUMBERED.exec(normalised);
  if (numbered) {
    const byNumber = TEMPLATE_SECTIONS.find((s) => s.number === Number(numbered[1]));
    if (byNumber) return byNumber.key;
  }
  return TEMPLATE_SECTIONS.find((s) => s.keywords.some((k) => normalised.includes(k)))?.key;
}

export function analyseBody(body: string): AnalysedBody {
  const tree = parseMarkdown(body);
  const sections: Section[] = [];
  let current: Section | undefined;
  let sectionDepth = Infinity;

  const sourceLines = body.split(/\r?\n/);
  const ends = new Map<Section, number>();

  for (const node of tree.children) {
    if (node.type === 'heading') {
      const key = sectionForHeading(toString(node));
      const line = node.position?.start.line ?? 1;
      // A template heading starts a section; so does any heading at or above the depth of the
      // current section's heading, which ends it (a stray "## Appendix" is not part of "References").
      if (key && !sections.some((s) => s.key === key)) {
        if (current) ends.set(current, line - 1);
        current = { key, heading: toString(node), line, nodes: [], text: '', lines: [] };
        sectionDepth = (node as Heading).depth;
        sections.push(current);
        continue;
      }
      if ((node as Heading).depth <= sectionDepth) {
        if (current) ends.set(current, line - 1);
        current = undefined;
        sectionDepth = Infinity;
        continue;
      }
    }
    current?.nodes.push(node);
  }
  for (const section of sections) {
    section.text = section.nodes.map((n) => toString(n)).join('\n').trim();
    const end = ends.get(section) ?? sourceLines.length;
    section.lines = sourceLines.slice(section.line, end).map((text, i) => ({ line: section.line + 1 + i, text }));
  }
  return { tree, sections, summary: readSummary(sections.find((s) => s.key === 'summary')) };
}

/** The summary's bullets that start with a bold label: "**要解决**：…" or "**Problem**: …". */
function readSummary(section: Section | undefined): Partial<Record<SummaryItemKey, string>> {
  const summary: Partial<Record<SummaryItemKey, string>> = {};
  if (!section) return summary;
  const items = section.nodes.filter((n): n is List => n.type === 'list').flatMap((list) => list.children as ListItem[]);
  for (const item of items) {
    const text = toString(item).trim();
    for (const { key, zh, en } of SUMMARY_ITEMS) {
      const label = [zh, en].find((l) => text.toLowerCase().startsWith(l.toLowerCase()));
      if (label && summary[key] === undefined) {
        summary[key] = text.slice(label.length).replace(/^\s*[:：]\s*/, '').trim();
      }
    }
  }
  return summary;
}

/** The one-line problem statement for lists; empty while it is still a template placeholder. */
export function oneLineProblem(analysed: AnalysedBody): string | undefined {
  const problem = analysed.summary.problem?.split('\n')[0]?.trim();
  if (!problem || problem.replace(new RegExp(PLACEHOLDER.source, 'g'), '').replace(/[（(][^）)]*[）)]/g, '').trim() === '') return undefined;
  return problem;
}
