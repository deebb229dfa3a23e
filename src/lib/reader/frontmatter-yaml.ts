/**
 * The YAML a proposal's frontmatter may be written in, and the parser that reads it: the build,
 * `npm run check` and the browser checker all read frontmatter through this module.
 *
 * Why not a YAML library: a proposal's frontmatter is a dozen fields of text, lists and one level
 * of nesting, and the full language is mostly what a hostile file could use against us (tags that
 * construct objects, aliases that expand to gigabytes, `__proto__` keys, multiple documents). The
 * `yaml` package was also a third of /check/'s JavaScript (30.6 KB of 98.6 KB gzip: it does not
 * tree-shake) and a quarter of the time it takes to read a proposal.
 *
 * What is accepted is YAML 1.2 with its core schema, and means what YAML means
 * (tests/unit/frontmatter-yaml.test.ts holds it equal to the `yaml` package on every file we have and
 * on generated documents in every style `yaml` writes):
 * - block mappings and sequences, indented with spaces;
 * - flow collections (`[a, b]`, `{ a: b }`), over several lines if need be;
 * - plain, 'single-quoted' and "double-quoted" scalars, folded over lines; literal `|` and folded `>`
 *   block scalars with their chomping and indentation indicators; comments;
 * - core-schema resolution of plain scalars: `null`/`~`, `true`/`false`, integers, floats, and text
 *   for everything else, so an unquoted `2026-02-30` or `yes` stays the text it is;
 * - anchors (`&name`) are read and ignored, since nothing may refer to them.
 * Everything else is a problem with a line: aliases, tags, complex keys (`? `), directives,
 * document markers, tabs in indentation, duplicate keys, `__proto__`/`constructor`/`prototype` keys,
 * nesting deeper than MAX_DEPTH. The parser stops at the first problem.
 */
import type { Localized } from '../i18n/locales.ts';

export type YamlScalar = string | number | boolean | null;

/** A parsed value with the file lines findings point at. */
export type YamlNode =
  | { kind: 'scalar'; value: YamlScalar; line: number }
  | { kind: 'map'; line: number; entries: Map<string, { keyLine: number; value: YamlNode }> }
  | { kind: 'seq'; line: number; items: YamlNode[] };

export interface YamlProblem {
  /** 1-based line in the file. */
  line: number;
  /** What is wrong, in the reader's words. */
  text: Localized;
  /** The problem has its own full message (an alias, a forbidden key), not a "not valid YAML" one. */
  standalone?: true;
}

export type YamlResult = { ok: true; root: YamlNode | null } | { ok: false; problem: YamlProblem };

/** Deeper than any proposal needs (authors[0].name is 3), shallow enough that `[[[[…` cannot exhaust the stack. */
export const MAX_DEPTH = 16;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class YamlFailure extends Error {
  readonly problem: YamlProblem;
  constructor(problem: YamlProblem) {
    super(problem.text.en);
    this.problem = problem;
  }
}

/**
 * Parses the lines between the frontmatter's fences; `firstLine` is the file line of `lines[0]`.
 * Lines carry no line terminator (a trailing `\r` is removed by the caller).
 */
export function parseFrontmatterYaml(lines: readonly string[], firstLine: number): YamlResult {
  try {
    return { ok: true, root: new Parser(lines, firstLine).document() };
  } catch (error) {
    if (error instanceof YamlFailure) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** The plain JavaScript value of a node: objects, arrays and scalars. */
export function toValue(node: YamlNode | null): unknown {
  if (node === null) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toValue);
  const object: Record<string, unknown> = {};
  // FORBIDDEN_KEYS never get here: the parser rejects them, so plain assignment cannot set a prototype.
  for (const [key, entry] of node.entries) object[key] = toValue(entry.value);
  return object;
}

/**
 * The file line of the value at `path` (a key's line in a mapping, an item's in a list), or of its
 * nearest ancestor that exists; undefined when not even the first step exists.
 */
export function lineAt(root: YamlNode | null, path: readonly PropertyKey[]): number | undefined {
  let node = root;
  let line: number | undefined;
  for (const step of path) {
    if (node?.kind === 'map') {
      const entry = node.entries.get(String(step));
      if (!entry) break;
      line = entry.keyLine;
      node = entry.value;
    } else if (node?.kind === 'seq') {
      const item = typeof step === 'number' || /^\d+$/.test(String(step)) ? node.items[Number(step)] : undefined;
      if (!item) break;
      line = item.line;
      node = item;
    } else break;
  }
  return line;
}

/** YAML 1.2 core schema: what an unquoted scalar means. */
export function resolvePlain(text: string): YamlScalar {
  if (/^(?:~|null|Null|NULL)?$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return parseFloat(text);
  return text;
}

const DOUBLE_QUOTE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Characters that cannot start a plain scalar in block context (`-`, `?`, `:` can, before a non-space). */
const NOT_PLAIN_START = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

const isSpace = (char: string | undefined) => char === ' ' || char === '\t';
/** Whether text[index] ends a token: a space, a tab or the end of the line. */
const endsToken = (text: string, index: number) => index >= text.length || isSpace(text[index]);

class Parser {
  private depth = 0;
  private readonly lines: readonly string[];
  private readonly firstLine: number;

  constructor(lines: readonly string[], firstLine: number) {
    this.lines = lines;
    this.firstLine = firstLine;
  }

  document(): YamlNode | null {
    const row = this.nextContent(0);
    if (row === undefined) return null;
    const indent = this.indent(row);
    const { node, next } = this.blockNode(row, indent, -1);
    const rest = this.nextContent(next);
    if (rest !== undefined) this.unexpected(rest);
    return node;
  }

  // ---- lines ----

  line(row: number): number {
    return this.firstLine + row;
  }

  fail(row: number, en: string, zh: string, standalone?: true): never {
    throw new YamlFailure({ line: this.line(row), text: { en, zh }, ...(standalone ? { standalone } : {}) });
  }

  /** Blank, or only a comment: lines the structure skips. */
  private isSkippable(row: number): boolean {
    return /^[ \t]*(?:#.*)?$/.test(this.lines[row]!);
  }

  /** The first row at or after `row` with content; directives and document markers are refused here. */
  private nextContent(row: number): number | undefined {
    for (let r = row; r < this.lines.length; r++) {
      if (this.isSkippable(r)) continue;
      const text = this.lines[r]!;
      if (/^%/.test(text)) this.fail(r, `found the YAML directive "${text.trim()}"; a frontmatter block cannot have one`, `实际为 YAML 指令 "${text.trim()}"；frontmatter 中不能有指令`);
      if (/^\.\.\.(?:[ \t]|$)/.test(text)) this.fail(r, 'found the YAML document end "..."; a frontmatter block is one document', '实际为 YAML 文档结束标记 "..."；frontmatter 只能是一个文档');
      return r;
    }
    return undefined;
  }

  /** Leading spaces; a tab before the content is a problem, since YAML does not allow tabs for indentation. */
  private indent(row: number): number {
    const text = this.lines[row]!;
    const match = /^[ \t]*/.exec(text)![0];
    if (match.includes('\t')) this.fail(row, 'found a tab in the indentation; YAML indents with spaces only', '缩进中有制表符（Tab）；YAML 只能用空格缩进');
    return match.length;
  }

  private unexpected(row: number): never {
    const text = this.lines[row]!.trim();
    this.fail(row, `found "${clip(text)}" where a field or list item was expected, at the wrong indentation`, `实际为 "${clip(text)}"，其缩进位置不对：此处应为字段或列表项`);
  }

  enter(row: number) {
    if (++this.depth > MAX_DEPTH) this.fail(row, `found values nested more than ${MAX_DEPTH} levels deep`, `取值嵌套超过 ${MAX_DEPTH} 层`);
  }

  leave() {
    this.depth--;
  }

  // ---- block structure ----

  /** A node whose first character is at (row, col), inside a parent indented `parent`. */
  private blockNode(row: number, col: number, parent: number): { node: YamlNode; next: number } {
    const text = this.lines[row]!;
    if (text[col] === '-' && endsToken(text, col + 1)) return this.sequence(row, col);
    if (text[col] === '?' && endsToken(text, col + 1)) this.fail(row, 'found a YAML complex key ("? "); fields are written "field: value"', '实际为 YAML 复杂键（"? "）；字段应写成 "field: value"');
    if (this.keyAt(row, col)) return this.mapping(row, col);
    return this.inlineValue(row, col, parent, false);
  }

  /** A mapping whose first key starts at (row, col); its other keys are lines indented exactly `col`. */
  private mapping(row: number, col: number): { node: YamlNode; next: number } {
    this.enter(row);
    const node: YamlNode = { kind: 'map', line: this.line(row), entries: new Map() };
    let r = row;
    let c = col;
    for (;;) {
      const key = this.keyAt(r, c);
      if (!key) this.fail(r, `found "${clip(this.lines[r]!.slice(c).trim())}"; expected "field: value"`, `实际为 "${clip(this.lines[r]!.slice(c).trim())}"；应为 "field: value"`);
      this.checkKey(node, key.name, r);
      const { node: value, next } = this.valueAfterIndicator(r, key.end, col, true);
      node.entries.set(key.name, { keyLine: this.line(r), value });
      const following = this.nextContent(next);
      if (following === undefined) {
        r = this.lines.length;
        break;
      }
      const indent = this.indent(following);
      if (indent < col) {
        r = following;
        break;
      }
      if (indent > col) this.unexpected(following);
      const lineText = this.lines[following]!;
      // A list item at the mapping's own indentation belongs to an enclosing list, or is misplaced.
      if (lineText[indent] === '-' && endsToken(lineText, indent + 1)) {
        r = following;
        break;
      }
      r = following;
      c = col;
    }
    this.leave();
    return { node, next: r };
  }

  /** A block sequence whose first `-` is at (row, col); its other items are `-` lines indented exactly `col`. */
  private sequence(row: number, col: number): { node: YamlNode; next: number } {
    this.enter(row);
    const node: YamlNode = { kind: 'seq', line: this.line(row), items: [] };
    let r = row;
    for (;;) {
      const text = this.lines[r]!;
      let c = col + 1;
      while (isSpace(text[c])) c++;
      let item: { node: YamlNode; next: number };
      if (c >= text.length || text[c] === '#') item = this.nestedBlock(r, col, false);
      else if (text[c] === '-' && endsToken(text, c + 1)) item = this.sequence(r, c);
      else if (this.keyAt(r, c)) item = this.mapping(r, c);
      else item = this.valueAfterIndicator(r, c, col, false);
      node.items.push(item.node);
      const following = this.nextContent(item.next);
      if (following === undefined) {
        r = this.lines.length;
        break;
      }
      const indent = this.indent(following);
      const lineText = this.lines[following]!;
      if (indent === col && lineText[indent] === '-' && endsToken(lineText, indent + 1)) {
        r = following;
        continue;
      }
      if (indent > col) this.unexpected(following);
      r = following;
      break;
    }
    this.leave();
    return { node, next: r };
  }

  /**
   * The value of an entry or item whose indicator (`key:` or `-`) ends before `col` on `row`:
   * on the same line, or, when the rest of the line is empty, the block on the lines after it.
   */
  private valueAfterIndicator(row: number, col: number, parent: number, isMappingValue: boolean): { node: YamlNode; next: number } {
    const text = this.lines[row]!;
    let c = col;
    while (isSpace(text[c])) c++;
    if (c >= text.length || text[c] === '#') return this.nestedBlock(row, parent, isMappingValue);
    return this.inlineValue(row, c, parent, isMappingValue);
  }

  /** The block on the lines after `row`, more indented than `parent` (or a list at its indentation, for a mapping's value). */
  private nestedBlock(row: number, parent: number, isMappingValue: boolean): { node: YamlNode; next: number } {
    const empty = { node: { kind: 'scalar', value: null, line: this.line(row) } as YamlNode, next: row + 1 };
    const r = this.nextContent(row + 1);
    if (r === undefined) return { ...empty, next: this.lines.length };
    const indent = this.indent(r);
    const text = this.lines[r]!;
    if (indent > parent) return this.blockNode(r, indent, parent);
    if (isMappingValue && indent === parent && text[indent] === '-' && endsToken(text, indent + 1)) return this.sequence(r, indent);
    return empty;
  }

  /** A value that starts at (row, col) on a line: properties, then a block scalar, a flow collection or a scalar. */
  private inlineValue(row: number, col: number, parent: number, isMappingValue: boolean): { node: YamlNode; next: number } {
    const text = this.lines[row]!;
    const char = text[col]!;
    if (char === '&') {
      // An anchor names a value for aliases, and aliases are refused, so the name is dropped.
      let c = col + 1;
      while (c < text.length && !isSpace(text[c]) && !',[]{}'.includes(text[c]!)) c++;
      while (isSpace(text[c])) c++;
      // Counted as a level: anchors on anchors (one a line) would otherwise recurse without bound.
      this.enter(row);
      const value = c >= text.length || text[c] === '#' ? this.nestedBlock(row, parent, isMappingValue) : this.inlineValue(row, c, parent, isMappingValue);
      this.leave();
      return value;
    }
    if (char === '*') this.alias(row, text.slice(col));
    if (char === '!') this.tag(row, text.slice(col));
    if (char === '|' || char === '>') return this.blockScalar(row, col, parent);
    if (char === '[' || char === '{') {
      const flow = new FlowReader(this, row, col);
      const node = flow.node();
      return { node, next: this.endOfValue(flow.row, flow.col) };
    }
    if (char === '"' || char === "'") {
      const scanned = scanQuoted(this, row, col);
      return { node: { kind: 'scalar', value: scanned.value, line: this.line(row) }, next: this.endOfValue(scanned.row, scanned.col) };
    }
    if (char === '-' && endsToken(text, col + 1)) this.fail(row, 'found a list item ("- ") on the same line as its field; start the list on the next line', '列表项（"- "）与字段写在了同一行；列表应从下一行开始');
    return this.plainScalar(row, col, parent);
  }

  /** After a quoted or flow value, the rest of its last line may only be a comment; the row after it is returned. */
  private endOfValue(row: number, col: number): number {
    const text = this.lines[row]!;
    let c = col;
    while (isSpace(text[c])) c++;
    if (c < text.length && !(text[c] === '#' && c > col)) {
      this.fail(row, `found "${clip(text.slice(c))}" after a closed value; put quotes around the whole value`, `在已结束的取值之后还有 "${clip(text.slice(c))}"；请用引号把整个取值括起来`);
    }
    return row + 1;
  }

  alias(row: number, from: string): never {
    const name = /^\*([^\s,[\]{}]*)/.exec(from)![1];
    this.fail(
      row,
      `found the YAML alias "*${name}"; expected plain values (aliases are not allowed in proposals: write the value out)`,
      `实际为 YAML 别名 "*${name}"；应为普通取值（提案中不允许使用别名，请直接写出取值）`,
      true,
    );
  }

  tag(row: number, from: string): never {
    const tag = /^![^\s,[\]{}]*/.exec(from)![0];
    this.fail(
      row,
      `found the YAML tag "${tag}"; expected plain values (tags are not allowed in proposals: quote the value to keep it as text)`,
      `实际为 YAML 标签 "${tag}"；应为普通取值（提案中不允许使用标签，如需文本请加引号）`,
      true,
    );
  }

  /** Where a key starts at (row, col): its name and the column after its `:`, or null if the text is no key. */
  keyAt(row: number, col: number): { name: string; end: number } | null {
    const text = this.lines[row]!;
    const char = text[col];
    if (char === '"' || char === "'") {
      const quoted = scanQuotedOnLine(text, col);
      if (!quoted) return null;
      let c = quoted.end;
      while (isSpace(text[c])) c++;
      return text[c] === ':' && endsToken(text, c + 1) ? { name: quoted.value, end: c + 1 } : null;
    }
    if (char === undefined || NOT_PLAIN_START.has(char)) return null;
    for (let c = col; c < text.length; c++) {
      if (text[c] === '#' && isSpace(text[c - 1])) return null;
      if (text[c] === ':' && endsToken(text, c + 1)) {
        const name = trimSpaces(text.slice(col, c));
        return { name: String(resolveKey(name)), end: c + 1 };
      }
    }
    return null;
  }

  checkKey(node: YamlNode & { kind: 'map' }, name: string, row: number) {
    if (FORBIDDEN_KEYS.has(name)) {
      this.fail(row, `found the field name "${name}"; expected only the fields a proposal has`, `实际为字段名 "${name}"；应只使用提案定义的字段`, true);
    }
    if (node.entries.has(name)) {
      this.fail(row, `the field "${clip(name)}" is written twice, first on line ${node.entries.get(name)!.keyLine}: each field may appear only once`, `字段 "${clip(name)}" 写了两次，第一次在第 ${node.entries.get(name)!.keyLine} 行：每个字段只能出现一次`);
    }
  }

  /** A plain scalar from (row, col), folded over the more-indented lines that continue it. */
  private plainScalar(row: number, col: number, parent: number): { node: YamlNode; next: number } {
    const text = this.lines[row]!;
    if (NOT_PLAIN_START.has(text[col]!)) {
      this.fail(row, `found a value starting with "${text[col]}", which YAML reserves; put the value in quotes`, `取值以 "${text[col]}" 开头，这是 YAML 的保留字符；请给取值加上引号`);
    }
    const first = this.plainPart(row, col);
    let value = first.text;
    let r = row + 1;
    let ended = first.comment;
    let breaks = 0;
    let next = row + 1;
    while (!ended && r < this.lines.length) {
      const line = this.lines[r]!;
      if (/^[ \t]*$/.test(line)) {
        breaks++;
        r++;
        continue;
      }
      if (/^[ \t]*#/.test(line)) break;
      const indent = this.indent(r);
      if (indent <= parent) break;
      const part = this.plainPart(r, indent);
      value += breaks === 0 ? ` ${part.text}` : '\n'.repeat(breaks);
      if (breaks > 0) value += part.text;
      breaks = 0;
      ended = part.comment;
      r++;
      next = r;
    }
    return { node: { kind: 'scalar', value: resolvePlain(value), line: this.line(row) }, next };
  }

  /** One line's piece of a plain scalar: up to a comment, without trailing spaces. */
  private plainPart(row: number, col: number): { text: string; comment: boolean } {
    const text = this.lines[row]!;
    let end = text.length;
    let comment = false;
    for (let c = col; c < text.length; c++) {
      if (text[c] === '#' && c > col && isSpace(text[c - 1])) {
        end = c;
        comment = true;
        break;
      }
      if (text[c] === ':' && endsToken(text, c + 1)) {
        this.fail(row, `found ": " inside the value "${clip(text.slice(col).trim())}"; put the value in quotes, or start a nested field on its own line`, `取值 "${clip(text.slice(col).trim())}" 中含有 ": "；请给取值加上引号，或把嵌套字段写在单独一行`);
      }
    }
    return { text: trimSpaces(text.slice(col, end)), comment };
  }

  /** A literal (`|`) or folded (`>`) block scalar whose header is at (row, col). */
  private blockScalar(row: number, col: number, parent: number): { node: YamlNode; next: number } {
    const text = this.lines[row]!;
    const header = /^([|>])([-+]?)([1-9]?)([-+]?)[ \t]*(?:#.*)?$/.exec(text.slice(col));
    if (!header || (header[2] && header[4])) {
      this.fail(row, `found the block scalar header "${clip(text.slice(col))}"; expected | or > with an optional - or +`, `块标量的开头 "${clip(text.slice(col))}" 不正确；应为 | 或 >，可带 - 或 +`);
    }
    const folded = header[1] === '>';
    const chomp = header[2] || header[4];
    const base = Math.max(parent, 0);
    let contentIndent = header[3] ? base + Number(header[3]) : undefined;
    const content: string[] = [];
    let r = row + 1;
    for (; r < this.lines.length; r++) {
      const line = this.lines[r]!;
      const spaces = /^ */.exec(line)![0].length;
      // A line of only white space is an empty line, unless it goes past the content's indentation.
      // (A tab after the indentation is content: YAML's empty lines are spaces only.)
      if (spaces === line.length && (contentIndent === undefined || spaces <= contentIndent)) {
        content.push('');
        continue;
      }
      if (contentIndent === undefined) {
        if (spaces <= parent) break;
        contentIndent = spaces;
      }
      if (spaces < contentIndent) break;
      content.push(line.slice(contentIndent));
    }
    // Empty lines after the last content line belong to the chomping, not to the text.
    let last = content.length;
    while (last > 0 && content[last - 1] === '') last--;
    const trailing = content.length - last;
    const lines = content.slice(0, last);
    let value = folded ? foldBlock(lines) : lines.join('\n');
    if (lines.length > 0 && chomp !== '-') value += '\n';
    if (chomp === '+') value += '\n'.repeat(trailing);
    return { node: { kind: 'scalar', value, line: this.line(row) }, next: r };
  }

  // ---- for the flow and quoted readers, with fail, enter, leave and line above ----

  text(row: number): string | undefined {
    return this.lines[row];
  }

  get rowCount(): number {
    return this.lines.length;
  }
}

/** A plain key means what the same plain scalar means, as text: `1:` is the key "1", `null:` the key "". */
function resolveKey(name: string): string {
  const value = resolvePlain(name);
  return value === null ? '' : String(value);
}

/** Folds the lines of a `>` block scalar: YAML 1.2 §8.1.3 (more-indented and blank lines keep their breaks). */
function foldBlock(lines: readonly string[]): string {
  let out = '';
  let previous: 'text' | 'more' | undefined;
  let blanks = 0;
  for (const line of lines) {
    if (line === '') {
      blanks++;
      continue;
    }
    const kind = isSpace(line[0]) ? 'more' : 'text';
    if (previous === undefined) out += '\n'.repeat(blanks);
    else if (previous === 'text' && kind === 'text') out += blanks === 0 ? ' ' : '\n'.repeat(blanks);
    else out += '\n'.repeat(blanks + 1);
    out += line;
    previous = kind;
    blanks = 0;
  }
  return out;
}

/** A quoted scalar that opens and closes on one line (a key), or null. */
function scanQuotedOnLine(text: string, col: number): { value: string; end: number } | null {
  const quote = text[col];
  let value = '';
  for (let c = col + 1; c < text.length; c++) {
    const char = text[c]!;
    if (quote === "'" && char === "'") {
      if (text[c + 1] === "'") {
        value += "'";
        c++;
        continue;
      }
      return { value, end: c + 1 };
    }
    if (quote === '"' && char === '"') return { value, end: c + 1 };
    if (quote === '"' && char === '\\') {
      const escaped = readEscape(text, c);
      if (!escaped) return null;
      value += escaped.value;
      c = escaped.end - 1;
      continue;
    }
    value += char;
  }
  return null;
}

/** The escape sequence at text[at] (a backslash) in a double-quoted scalar, or null if it is not one. */
function readEscape(text: string, at: number): { value: string; end: number } | null {
  const code = text[at + 1];
  if (code === undefined) return null;
  if (code in DOUBLE_QUOTE_ESCAPES) return { value: DOUBLE_QUOTE_ESCAPES[code]!, end: at + 2 };
  const length = HEX_ESCAPE_LENGTH[code];
  if (length === undefined) return null;
  const hex = text.slice(at + 2, at + 2 + length);
  if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) return null;
  const point = parseInt(hex, 16);
  if (point > 0x10ffff) return null;
  return { value: String.fromCodePoint(point), end: at + 2 + length };
}

/**
 * A quoted scalar from (row, col), over as many lines as it takes: line breaks fold to a space,
 * blank lines to line breaks, and in double quotes a backslash before the break joins the lines.
 */
function scanQuoted(parser: Parser, row: number, col: number): { value: string; row: number; col: number } {
  const first = parser.text(row)!;
  const quote = first[col]!;
  let value = '';
  let r = row;
  let c = col + 1;
  for (;;) {
    const text = parser.text(r)!;
    // Spaces before a line break are folded away with it, unless escaped.
    let lineValue = '';
    let pendingSpaces = '';
    let closedAt = -1;
    let joined = false;
    for (; c < text.length; c++) {
      const char = text[c]!;
      if (quote === "'" && char === "'") {
        if (text[c + 1] === "'") {
          lineValue += pendingSpaces + "'";
          pendingSpaces = '';
          c++;
          continue;
        }
        closedAt = c;
        break;
      }
      if (quote === '"' && char === '"') {
        closedAt = c;
        break;
      }
      if (quote === '"' && char === '\\') {
        if (c === text.length - 1) {
          joined = true;
          lineValue += pendingSpaces;
          pendingSpaces = '';
          break;
        }
        const escaped = readEscape(text, c);
        if (!escaped) {
          parser.fail(r, `found the escape "${text.slice(c, c + 2)}" in a double-quoted value; write a backslash as \\\\`, `双引号取值中的转义 "${text.slice(c, c + 2)}" 无效；反斜杠应写成 \\\\`);
        }
        lineValue += pendingSpaces + escaped.value;
        pendingSpaces = '';
        c = escaped.end - 1;
        continue;
      }
      if (isSpace(char)) {
        pendingSpaces += char;
        continue;
      }
      lineValue += pendingSpaces + char;
      pendingSpaces = '';
    }
    if (closedAt >= 0) return { value: value + lineValue + pendingSpaces, row: r, col: closedAt + 1 };
    value += lineValue;
    // The line ended inside the quotes: fold it into the next one.
    let blanks = 0;
    let n = r + 1;
    while (n < parser.rowCount && /^[ \t]*$/.test(parser.text(n)!)) {
      blanks++;
      n++;
    }
    if (n >= parser.rowCount) {
      parser.fail(row, `found a ${quote} that opens a value but none that closes it`, `取值以 ${quote} 开头，但没有对应的结束引号`);
    }
    if (!joined) value += blanks > 0 ? '\n'.repeat(blanks) : ' ';
    else if (blanks > 0) value += '\n'.repeat(blanks);
    r = n;
    c = /^[ \t]*/.exec(parser.text(r)!)![0].length;
  }
}

/** Reads a flow collection (`[…]` or `{…}`) that may run over several lines. */
class FlowReader {
  private readonly parser: Parser;
  row: number;
  col: number;

  constructor(parser: Parser, row: number, col: number) {
    this.parser = parser;
    this.row = row;
    this.col = col;
  }

  private get text(): string {
    return this.parser.text(this.row)!;
  }

  private peek(): string | undefined {
    return this.text[this.col];
  }

  /** Skips spaces, line breaks and comments; throws at the end of the block, where the collection is unclosed. */
  private skip(openRow: number, open: string) {
    for (;;) {
      const text = this.text;
      while (isSpace(text[this.col])) this.col++;
      if (this.col < text.length && !(text[this.col] === '#' && (this.col === 0 || isSpace(text[this.col - 1])))) return;
      if (this.row + 1 >= this.parser.rowCount) this.unclosed(openRow, open);
      this.row++;
      this.col = 0;
    }
  }

  private unclosed(openRow: number, open: string): never {
    const close = open === '[' ? ']' : '}';
    this.parser.fail(openRow, `found a "${open}" that opens a list or mapping but no "${close}" that closes it`, `"${open}" 开始了一个列表或映射，但没有对应的 "${close}"`);
  }

  /** Whether `close` appears anywhere from here to the end of the block. */
  private closesLater(close: string): boolean {
    if (this.text.includes(close, this.col)) return true;
    for (let r = this.row + 1; r < this.parser.rowCount; r++) if (this.parser.text(r)!.includes(close)) return true;
    return false;
  }

  node(): YamlNode {
    const open = this.peek()!;
    const openRow = this.row;
    this.parser.enter(openRow);
    this.col++;
    const close = open === '[' ? ']' : '}';
    const node: YamlNode =
      open === '[' ? { kind: 'seq', line: this.parser.line(openRow), items: [] } : { kind: 'map', line: this.parser.line(openRow), entries: new Map() };
    for (;;) {
      this.skip(openRow, open);
      if (this.peek() === close) break;
      if (node.kind === 'seq') {
        const item = this.value(openRow, open);
        this.skip(openRow, open);
        if (this.peek() === ':' && !this.closesLater(close)) this.unclosed(openRow, open);
        if (this.peek() === ':') this.parser.fail(this.row, 'found "key: value" inside a [ ] list; write a mapping as { key: value }', '在 [ ] 列表中出现了 "key: value"；映射应写成 { key: value }');
        node.items.push(item);
      } else {
        const keyRow = this.row;
        const key = this.key(openRow, open);
        this.parser.checkKey(node as YamlNode & { kind: 'map' }, key, keyRow);
        this.skip(openRow, open);
        let value: YamlNode = { kind: 'scalar', value: null, line: this.parser.line(keyRow) };
        if (this.peek() === ':') {
          this.col++;
          this.skip(openRow, open);
          if (this.peek() !== ',' && this.peek() !== close) value = this.value(openRow, open);
        }
        (node as YamlNode & { kind: 'map' }).entries.set(key, { keyLine: this.parser.line(keyRow), value });
      }
      this.skip(openRow, open);
      const separator = this.peek();
      if (separator === ',') {
        this.col++;
        continue;
      }
      if (separator === close) break;
      // Most often the collection was never closed and ran into the next field: say so, where it opens.
      if (!this.closesLater(close)) this.unclosed(openRow, open);
      this.parser.fail(this.row, `found "${clip(this.text.slice(this.col))}" in a ${open} ${close} collection; expected "," or "${close}"`, `在 ${open} ${close} 中出现了 "${clip(this.text.slice(this.col))}"；应为 "," 或 "${close}"`);
    }
    this.col++;
    this.parser.leave();
    return node;
  }

  private key(openRow: number, open: string): string {
    const char = this.peek()!;
    if (char === '"' || char === "'") {
      const scanned = scanQuoted(this.parser, this.row, this.col);
      this.row = scanned.row;
      this.col = scanned.col;
      return scanned.value;
    }
    const node = this.value(openRow, open, true);
    if (node.kind !== 'scalar') this.parser.fail(this.row, 'found a list or mapping used as a key; keys are text', '列表或映射被用作了键；键应为文本');
    return node.value === null ? '' : String(node.value);
  }

  private value(openRow: number, open: string, isKey = false): YamlNode {
    const char = this.peek()!;
    const row = this.row;
    if (char === '&') {
      while (this.col < this.text.length && !isSpace(this.peek()) && !',[]{}'.includes(this.peek()!)) this.col++;
      this.skip(openRow, open);
      this.parser.enter(row);
      const value = this.value(openRow, open, isKey);
      this.parser.leave();
      return value;
    }
    if (char === '*') this.parser.alias(row, this.text.slice(this.col));
    if (char === '!') this.parser.tag(row, this.text.slice(this.col));
    if (char === '[' || char === '{') return this.node();
    if (char === '"' || char === "'") {
      const scanned = scanQuoted(this.parser, this.row, this.col);
      this.row = scanned.row;
      this.col = scanned.col;
      return { kind: 'scalar', value: scanned.value, line: this.parser.line(row) };
    }
    if (']},'.includes(char) || char === '#' || char === '|' || char === '>' || char === '%' || char === '@' || char === '`') {
      this.parser.fail(row, `found "${char}" where a value was expected`, `此处应为取值，实际为 "${char}"`);
    }
    // A plain scalar ends at , [ ] { } or ": ", and folds over line breaks.
    let value = '';
    let breaks = 0;
    for (;;) {
      const text = this.text;
      let c = this.col;
      let end = c;
      for (; c < text.length; c++) {
        const ch = text[c]!;
        if (',[]{}'.includes(ch)) break;
        if (ch === ':' && (endsToken(text, c + 1) || ',[]{}'.includes(text[c + 1]!))) break;
        if (ch === '#' && isSpace(text[c - 1])) break;
        if (!isSpace(ch)) end = c + 1;
      }
      const part = trimSpaces(text.slice(this.col, end));
      if (part !== '') {
        if (value !== '') value += breaks > 1 ? '\n'.repeat(breaks - 1) : ' ';
        value += part;
        breaks = 0;
      }
      this.col = c;
      if (c < text.length || this.row + 1 >= this.parser.rowCount) break;
      // Continued on the next line, unless that line closes or separates.
      const nextRow = this.row + 1;
      const nextText = this.parser.text(nextRow)!;
      const trimmed = nextText.replace(/^[ \t]+/, '');
      if (trimmed === '' ) {
        this.row = nextRow;
        this.col = nextText.length;
        breaks++;
        continue;
      }
      if (/^(?:[,\]}#]|:(?:[ \t,[\]{}]|$))/.test(trimmed)) break;
      this.row = nextRow;
      this.col = nextText.length - trimmed.length;
      breaks++;
    }
    if (value === '') this.parser.fail(row, 'found an empty value in a list', '列表中有空的取值');
    return { kind: 'scalar', value: resolvePlain(value), line: this.parser.line(row) };
  }
}

/** Strips YAML's white space, spaces and tabs only: a no-break space is content. */
function trimSpaces(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** A piece of the author's text short enough for a message. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
