/**
 * Splits a proposal file into its YAML frontmatter and its body, and parses the YAML strictly.
 *
 * A proposal comes from a pull request, so this reads hostile text:
 * - the file must start with a `---` line (no blank line first, no TOML `+++`): what is not
 *   frontmatter here is not frontmatter anywhere, since the build and `npm run check` both read
 *   through this function;
 * - YAML 1.2's core schema: no implicit timestamps (an unquoted `2026-02-30` stays the text it is,
 *   and the schema judges it), no custom tags;
 * - no aliases (`*name`): a proposal has no use for them, and expanding them is how a few lines of
 *   YAML become gigabytes;
 * - duplicate keys are errors; every error has a line.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
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
  const yaml = lines
    .slice(1, close)
    .map((line) => line.replace(/\r$/, ''))
    .join('\n');
  const body = lines.slice(close + 1).join('\n');
  const bodyStartLine = close + 2;
  const lineCounter = new LineCounter();
  // The frontmatter's first line is line 2 of the file.
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + 1;
  const doc = parseDocument(yaml, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, lineCounter, keepSourceTokens: false });

  const errors: FrontmatterError[] = [];
  for (const problem of [...doc.errors, ...doc.warnings]) {
    // An unclosed quote is found at the end of the block; the author needs the line it opens on.
    const quote = problem.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(problem.message)?.[1] : undefined;
    const at = quote ? Math.max(0, yaml.lastIndexOf(quote, problem.pos[0] - 1)) : problem.pos[0];
    const text = yamlProblemText(problem.message);
    const duplicate = problem.code === 'DUPLICATE_KEY';
    errors.push({
      line: lineAt(at),
      message: {
        zh: `frontmatter 不是合法的 YAML（${text}${duplicate ? '：每个字段只能出现一次' : ''}）；应为 YAML 映射，每行一个 "field: value"`,
        en: `the frontmatter is not valid YAML (${text}${duplicate ? ': each field may appear only once' : ''}); expected a YAML mapping, one "field: value" per line`,
      },
    });
  }
  visit(doc, {
    Pair(_, pair) {
      // yaml would give `__proto__: {…}` to the object as its prototype, where no schema sees it.
      if (isScalar(pair.key) && ['__proto__', 'constructor', 'prototype'].includes(String(pair.key.value))) {
        const name = String(pair.key.value);
        errors.push({
          line: pair.key.range ? lineAt(pair.key.range[0]) : 1,
          message: { zh: `实际为字段名 "${name}"；应只使用提案定义的字段`, en: `found the field name "${name}"; expected only the fields a proposal has` },
        });
      }
    },
    Alias(_, node) {
      errors.push({
        line: node.range ? lineAt(node.range[0]) : 1,
        message: {
          zh: `实际为 YAML 别名 "*${node.source}"；应为普通取值（提案中不允许使用别名，请直接写出取值）`,
          en: `found the YAML alias "*${node.source}"; expected plain values (aliases are not allowed in proposals: write the value out)`,
        },
      });
    },
  });
  if (errors.length === 0 && doc.contents !== null && !isMap(doc.contents)) {
    const value = isNode(doc.contents);
    errors.push({
      line: 2,
      message: {
        zh: `${value ? '实际为非映射的 YAML 值' : '没有任何字段'}；应为 YAML 字段映射，每行一个 "field: value"`,
        en: `found ${value ? 'a YAML value that is not a mapping' : 'no fields'}; expected a YAML mapping of fields, one "field: value" per line`,
      },
    });
  }

  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let depth = path.length; depth > 0; depth--) {
      const line = keyLine(doc, path.slice(0, depth), lineAt);
      if (line !== undefined) return line;
    }
    return 1;
  };
  if (errors.length > 0) return { data: {}, body, bodyStartLine, lineOf, errors };
  return { data: doc.toJS({ maxAliasCount: 0 }) ?? {}, body, bodyStartLine, lineOf, errors };
}

/** The line of the key (for a mapping entry) or of the item (for a list entry) at a path. */
function keyLine(doc: Document, path: readonly PropertyKey[], lineAt: (offset: number) => number): number | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isNode(item.key) && 'value' in item.key && String(item.key.value) === String(last));
    const range = pair && isNode(pair.key) ? pair.key.range : undefined;
    return range ? lineAt(range[0]) : undefined;
  }
  const node = doc.getIn(path as unknown[], true);
  return isNode(node) && node.range ? lineAt(node.range[0]) : undefined;
}

/**
 * The yaml library's message without its own position suffix, which the finding's line replaces.
 * It stays in English in both languages: it is the parser's own wording, as a compiler's would be.
 */
function yamlProblemText(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Whether an unknown value is a YAML mapping, as opposed to a list, a scalar or nothing. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
