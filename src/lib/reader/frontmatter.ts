/**
 * Splits a proposal file into its YAML frontmatter and its body, and parses the YAML strictly.
 *
 * A proposal comes from a pull request, so this reads hostile text:
 * - the file must start with a `---` line (no blank line first, no TOML `+++`): what is not
 *   frontmatter here is not frontmatter anywhere, since the build and `npm run check` both read
 *   through this function;
 * - the YAML is read by frontmatter-yaml.ts: YAML 1.2's core schema (no implicit timestamps: an
 *   unquoted `2026-02-30` stays the text it is, and the schema judges it), no tags, no aliases
 *   (expanding them is how a few lines of YAML become gigabytes), no duplicate keys; every problem
 *   has a line.
 */
import { lineAt, parseFrontmatterYaml, toValue } from './frontmatter-yaml.ts';
import type { Localized } from '../i18n/locales.ts';

export interface FrontmatterError {
  /** 1-based line in the file. */
  line: number;
  message: Localized;
}

export interface ProposalSource {
  /** The parsed frontmatter; `{}` when the file has none or it cannot be read. */
  data: unknown;
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyStartLine: number;
  /** The 1-based file line of a field (`['authors', 0, 'name']`), or of its nearest ancestor that exists. */
  lineOf: (path: readonly PropertyKey[]) => number;
  /** Problems with the frontmatter block or its YAML; the data is `{}` when there is one. */
  errors: FrontmatterError[];
}

const EXPECTED: Localized = {
  zh: '文件应以一行 "---" 开头，随后是 YAML 字段（每行一个 "field: value"），再以一行 "---" 结束',
  en: 'expected the file to start with a line "---", then YAML fields (one "field: value" per line), then a line "---"',
};
/** What was found, then what a frontmatter block must look like. */
const notAFrontmatter = (found: Localized): Localized => ({ zh: `${found.zh}；${EXPECTED.zh}`, en: `${found.en}; ${EXPECTED.en}` });

export function readFrontmatter(text: string): ProposalSource {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = withoutBom.split('\n');
  const isFence = (line: string | undefined) => line !== undefined && /^---[ \t]*\r?$/.test(line);
  const failed = (line: number, message: Localized, body = withoutBom, bodyStartLine = 1): ProposalSource => ({
    data: {},
    body,
    bodyStartLine,
    lineOf: () => line,
    errors: [{ line, message }],
  });

  if (!isFence(lines[0])) {
    const first = lines.findIndex((line) => line.trim() !== '');
    const firstLine = first === -1 ? undefined : lines[first]!.trim();
    if (firstLine === '---' && first > 0) {
      return failed(1, notAFrontmatter({ zh: `frontmatter 之前有 ${first} 个空行`, en: `found ${first} blank line${first > 1 ? 's' : ''} before the frontmatter` }));
    }
    if (firstLine === '+++') return failed(first + 1, notAFrontmatter({ zh: '实际为 TOML frontmatter（+++）', en: 'found TOML frontmatter (+++)' }));
    return failed(1, notAFrontmatter({ zh: '未找到 frontmatter', en: 'found no frontmatter' }));
  }
  const close = lines.findIndex((line, index) => index > 0 && isFence(line));
  if (close === -1) {
    return failed(1, notAFrontmatter({ zh: 'frontmatter 只有开头的 "---" 行，没有结尾的 "---" 行', en: 'found a "---" line that opens the frontmatter but none that closes it' }));
  }

  // Windows line endings: a lone \r at the end of the block would stay in the last value.
  const yamlLines = lines.slice(1, close).map((line) => line.replace(/\r$/, ''));
  const body = lines.slice(close + 1).join('\n');
  const bodyStartLine = close + 2;
  // The frontmatter's first line is line 2 of the file.
  const parsed = parseFrontmatterYaml(yamlLines, 2);
  if (!parsed.ok) {
    const { line, text, standalone } = parsed.problem;
    const message: Localized = standalone
      ? text
      : {
          zh: `frontmatter 不是合法的 YAML（${text.zh}）；应为 YAML 映射，每行一个 "field: value"`,
          en: `the frontmatter is not valid YAML (${text.en}); expected a YAML mapping, one "field: value" per line`,
        };
    return failed(line, message, body, bodyStartLine);
  }
  const { root } = parsed;
  if (root !== null && root.kind !== 'map') {
    return failed(
      2,
      { zh: '实际为非映射的 YAML 值；应为 YAML 字段映射，每行一个 "field: value"', en: 'found a YAML value that is not a mapping; expected a YAML mapping of fields, one "field: value" per line' },
      body,
      bodyStartLine,
    );
  }
  const lineOf = (path: readonly PropertyKey[]): number => lineAt(root, path) ?? 1;
  return { data: root === null ? {} : toValue(root), body, bodyStartLine, lineOf, errors: [] };
}

/** Whether an unknown value is a YAML mapping, as opposed to a list, a scalar or nothing. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
