/**
 * Splits a proposal file into its YAML frontmatter and Markdown body, the way Astro does (js-yaml,
 * between `---` lines), and keeps what is needed to point at a line: where the body starts, and
 * the line of each top-level field.
 */
import { load as loadYaml } from 'js-yaml';

export interface ProposalSource {
  /** The parsed frontmatter; `{}` when the file has none, so the schema reports what is missing. */
  data: unknown;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyStartLine: number;
  /** 1-based line of a top-level field, or of the frontmatter's first line when the field is absent. */
  lineOf: (field: string | number | undefined) => number;
  /** Set when the YAML itself cannot be read. */
  yamlError?: { line: number; message: string };
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/;

export function splitProposalSource(text: string): ProposalSource {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return { data: {}, body: text, bodyStartLine: 1, lineOf: () => 1 };
  }
  const raw = match[1] ?? '';
  const bodyStartLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  const fieldLines = new Map<string, number>();
  raw.split(/\r?\n/).forEach((line, index) => {
    const field = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (field && !fieldLines.has(field)) fieldLines.set(field, index + 2);
  });
  const lineOf = (field: string | number | undefined) => (field === undefined ? 1 : fieldLines.get(String(field)) ?? 1);
  const body = text.slice(match[0].length);
  try {
    return { data: loadYaml(raw) ?? {}, body, bodyStartLine, lineOf };
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    const message = (error as { reason?: string }).reason ?? String(error);
    return { data: {}, body, bodyStartLine, lineOf, yamlError: { line: (mark?.line ?? 0) + 2, message: `the frontmatter is not valid YAML: ${message}` } };
  }
}
