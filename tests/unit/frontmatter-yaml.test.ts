/**
 * The frontmatter's own YAML parser (src/lib/reader/frontmatter-yaml.ts) against the `yaml`
 * package, which read proposals before it and stays here as the reference:
 * - every frontmatter block the tests know reads to the same value and the same field lines, or,
 *   where `yaml` finds it invalid, is refused too;
 * - generated documents, written by `yaml` in each of its styles (plain, quoted, literal, folded,
 *   flow, narrow lines that fold), read back to the value they were written from;
 * - what the subset refuses is refused with a line and words that say what was found.
 */
import { describe, expect, it } from 'vitest';
import { isMap, isNode, isSeq, parseDocument, stringify, visit, type Document, type ToStringOptions } from 'yaml';
import { lineAt, MAX_DEPTH, parseFrontmatterYaml, toValue, type YamlResult } from '../../src/lib/reader/frontmatter-yaml.ts';
import { readFrontmatter } from '../../src/lib/reader/frontmatter.ts';
import { createRandom } from '../../scripts/bench/synthetic-proposals.ts';
import { fixtures, readerCases, samples, synthetic, templates } from '../helpers/reader-corpus.ts';

/** Seeded, so a failing document is named by its index and can be made again. */
type Random = ReturnType<typeof createRandom>;

/** The lines between the fences of a file that has a frontmatter block, as readFrontmatter cuts them. */
function blockOf(text: string): string[] | undefined {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && /^---[ \t]*\r?$/.test(line));
  return close === -1 ? undefined : lines.slice(1, close).map((line) => line.replace(/\r$/, ''));
}

const parse = (lines: string[]): YamlResult => parseFrontmatterYaml(lines, 2);

/** What `yaml` makes of the block: its value, or that it has errors or uses what the subset refuses. */
function reference(lines: string[]): { doc: Document; lineOf: (offset: number) => number; invalid: boolean; refusedBySubset: boolean } {
  // Every line of the block ends with a line break in the file, the last one before the closing fence too.
  const text = lines.map((line) => `${line}\n`).join('');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false });
  let refusedBySubset = false;
  visit(doc, {
    Alias() {
      refusedBySubset = true;
    },
    Node(_, node) {
      if (node.tag) refusedBySubset = true;
    },
    Pair(_, pair) {
      if (isNode(pair.key) && 'value' in pair.key && ['__proto__', 'constructor', 'prototype'].includes(String(pair.key.value))) refusedBySubset = true;
    },
  });
  return { doc, lineOf, invalid: doc.errors.length > 0 || doc.warnings.length > 0, refusedBySubset };
}

/** Every path to a value in `yaml`'s tree, with the line `yaml` puts it on (a key's, or an item's). */
function referenceLines(doc: Document, lineOf: (offset: number) => number): Map<string, number> {
  const lines = new Map<string, number>();
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isNode(pair.key) || !pair.key.range) continue;
        const key = String((pair.key as { value?: unknown }).value ?? '');
        const at = [...path, key];
        lines.set(JSON.stringify(at), lineOf(pair.key.range[0]));
        walk(pair.value, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const at = [...path, index];
        if (isNode(item) && item.range) lines.set(JSON.stringify(at), lineOf(item.range[0]));
        walk(item, at);
      });
    }
  };
  walk(doc.contents, []);
  return lines;
}

const corpus = [...samples, ...fixtures, ...templates, ...readerCases, ...synthetic]
  .map((c) => ({ name: c.name, lines: blockOf(c.text) }))
  .filter((c): c is { name: string; lines: string[] } => c.lines !== undefined);

describe('the frontmatter parser reads every block the tests know as yaml does', () => {
  it('has a corpus worth the name', () => {
    expect(corpus.length).toBeGreaterThan(150);
  });

  it.each(corpus)('$name', ({ lines }) => {
    const ours = parse(lines);
    const { doc, lineOf, invalid, refusedBySubset } = reference(lines);
    if (invalid || refusedBySubset) {
      expect(ours.ok, 'yaml finds it invalid, or it uses what proposals may not').toBe(false);
      return;
    }
    if (!ours.ok) throw new Error(`refused what yaml reads: line ${ours.problem.line}: ${ours.problem.text.en}`);
    expect(toValue(ours.root)).toEqual(doc.toJS() ?? null);
    // The line of every field and item, +1 for the fence: yaml counts from the block's first line.
    for (const [path, line] of referenceLines(doc, lineOf)) {
      expect(lineAt(ours.root, JSON.parse(path) as (string | number)[]), path).toBe(line + 1);
    }
  });
});

/** Pieces of text that stress a YAML writer and reader: indicators, quotes, comments, breaks, CJK, numbers. */
const PIECES = [
  'word', 'Kafka', 'log.cleaner.threads', '日志清理', '压缩 批次', ' ', '  ', ': ', ':', '#', ' #', '- ', '-', '? ', "'", '"', '\\', '\t', '\n', '\n\n',
  '[', ']', '{', '}', ',', '&a', '*b', '!t', '|', '>', '%', '@', '`', 'null', 'true', 'no', '~', '42', '-7', '3.14', '1e3', '.inf', '0x1F', '0o17',
  '2026-02-30', 'KAFKA-9401', 'https://kafka.apache.org/#x', '【待确认】', 'é', '\u00a0', '\u2028', '😀', '—',
];

function randomText(r: Random): string {
  let text = '';
  const count = 1 + r.int(0, 11);
  for (let i = 0; i < count; i++) text += r.pick(PIECES) + (r.next() < 0.5 ? ' ' : '');
  return r.next() < 0.1 ? text.repeat(4) : text;
}

function randomValue(r: Random, depth: number): unknown {
  const roll = r.next();
  if (depth < 3 && roll < 0.15) return Array.from({ length: r.int(0, 3) }, () => randomValue(r, depth + 1));
  if (depth < 3 && roll < 0.3) return randomObject(r, depth + 1);
  if (roll < 0.35) return r.int(0, 1999) - 1000;
  if (roll < 0.38) return r.pick([true, false, null, 1.5, -0.25]);
  return randomText(r);
}

function randomObject(r: Random, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const count = 1 + r.int(0, 5);
  for (let i = 0; i < count; i++) object[`field${r.int(0, 29)}`] = randomValue(r, depth);
  return object;
}

const STYLES: ToStringOptions[] = [
  {},
  { lineWidth: 20, minContentWidth: 5 },
  { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 24, minContentWidth: 5 },
  { defaultStringType: 'QUOTE_SINGLE', lineWidth: 24, minContentWidth: 5 },
  { defaultStringType: 'BLOCK_LITERAL' },
  { defaultStringType: 'BLOCK_FOLDED', lineWidth: 24, minContentWidth: 5 },
  { collectionStyle: 'flow' },
  { collectionStyle: 'flow', lineWidth: 20, minContentWidth: 5 },
  { indent: 4, indentSeq: false },
  { doubleQuotedAsJSON: true, defaultKeyType: 'PLAIN' },
];

describe('documents that yaml writes, in each of its styles, read back to what was written', () => {
  const documents = Array.from({ length: 400 }, (_, index) => {
    const r = createRandom(index + 1);
    const value = randomObject(r, 0);
    const options = STYLES[index % STYLES.length]!;
    return { index, value, options, text: stringify(value, { version: '1.2', ...options }) };
  });

  it.each(documents)('document $index', ({ text }) => {
    const lines = text.replace(/\n$/, '').split('\n');
    const ours = parse(lines);
    const { doc, invalid, refusedBySubset } = reference(lines);
    // yaml writes what it reads back (a plain scalar's trailing space is the one thing it loses).
    expect(invalid || refusedBySubset).toBe(false);
    expect(doc.toJS()).toEqual(expect.objectContaining({}));
    if (!ours.ok) throw new Error(`refused line ${ours.problem.line - 1} of\n${text}\n${ours.problem.text.en}`);
    expect(toValue(ours.root), text).toEqual(doc.toJS());
  });
});

describe('what proposals may not use is refused, with its line', () => {
  const refuse = (yaml: string, line: number, message: RegExp) => {
    const result = parse(yaml.split('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.line).toBe(line);
    expect(result.problem.text.en).toMatch(message);
    expect(result.problem.text.zh).not.toBe('');
  };

  it('an alias, in a block or in a flow list', () => {
    refuse('a: &x 1\nb: *x', 3, /^found the YAML alias "\*x"/);
    refuse('a: &x 1\nb: [1, *x]', 3, /alias "\*x"/);
  });
  it('a tag, even one yaml would resolve', () => {
    refuse('a: !!str 3', 2, /^found the YAML tag "!!str"/);
    refuse('a: [!evil x]', 2, /tag "!evil"/);
  });
  it('a tab in the indentation', () => refuse('a:\n\tb: 1', 3, /tab in the indentation/));
  it('a field written twice, at any depth', () => {
    refuse('a: 1\nb: 2\na: 3', 4, /"a" is written twice, first on line 2/);
    refuse('c:\n  x: 1\n  x: 2', 4, /"x" is written twice, first on line 3/);
    refuse('c: { x: 1, x: 2 }', 2, /"x" is written twice/);
  });
  it('keys that would reach an object prototype', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) refuse(`title: x\n${key}: { polluted: true }`, 3, new RegExp(`field name "${key}"`));
    refuse('a: { "__proto__": 1 }', 2, /field name "__proto__"/);
  });
  it('nesting past MAX_DEPTH, which would otherwise exhaust the stack', () => {
    refuse(`a: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`, 2, /nested more than/);
    refuse(`a: ${'['.repeat(100_000)}`, 2, /nested more than/);
    // Anchors on anchors, on one line or one a line, count as levels too.
    refuse(`a: ${'&x '.repeat(100_000)}1`, 2, /nested more than/);
    refuse(`a:${'\n  &x'.repeat(100_000)}\n  1`, 2 + MAX_DEPTH, /nested more than/);
    refuse(`a: [${'&x '.repeat(100_000)}1]`, 2, /nested more than/);
  });
  it('unclosed quotes and collections, at the line they open on', () => {
    refuse('title: "open\ncomponent: network', 2, /found a " that opens a value but none that closes it/);
    refuse("a: 'x\nb: y", 2, /found a ' that opens/);
    refuse('a: x\njira: [KAFKA-1\nb: c', 3, /"\[" that opens a list or mapping but no "\]"/);
  });
  it('directives, document markers and complex keys', () => {
    refuse('%YAML 1.2\na: 1', 2, /directive/);
    refuse('a: 1\n...\nb: 2', 3, /document end/);
    refuse('? a\n: 1', 2, /complex key/);
  });
  it('text after a closed value, and a plain value with ": " in it', () => {
    refuse('a: "x" y', 2, /after a closed value/);
    refuse('a: b: c', 2, /found ": " inside the value/);
  });
  it('a line at an indentation that belongs to nothing', () => refuse('a: 1\n  b: 2', 3, /found ": " inside the value|wrong indentation/));
  it('an invalid escape in double quotes', () => refuse('a: "\\q"', 2, /escape "\\q"/));
});

describe('readFrontmatter on the parser', () => {
  it('gives the value, the lines of fields and list items, and no errors', () => {
    const source = readFrontmatter('---\ntitle: A\nauthors:\n  - name: B\n  - name: C\n---\nbody');
    expect(source.errors).toEqual([]);
    expect(source.data).toEqual({ title: 'A', authors: [{ name: 'B' }, { name: 'C' }] });
    expect(source.lineOf(['authors', 1, 'name'])).toBe(5);
    expect(source.lineOf(['authors', 7])).toBe(3);
    expect(source.lineOf(['missing'])).toBe(1);
  });
  it('wraps a syntax problem in the not-valid-YAML message, and gives an alias its own', () => {
    expect(readFrontmatter('---\na: "x\n---\n').errors[0]!.message.en).toMatch(/^the frontmatter is not valid YAML \(found a " that opens a value but none that closes it\); expected a YAML mapping/);
    expect(readFrontmatter('---\na: &x 1\nb: *x\n---\n').errors[0]!.message.en).toMatch(/^found the YAML alias "\*x"; expected plain values/);
  });
});
