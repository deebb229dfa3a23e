/**
 * Kafka references in a proposal body become links: `KIP-390` to its page on Apache's wiki (the KIP
 * index when its page title is not known), `KAFKA-14633` to Apache's JIRA, `Class#method` and
 * source paths to a code search of apache/kafka (src/lib/links.ts builds every address).
 *
 * What counts, deliberately narrow, since a wrong link is worse than none:
 * - `KIP-<n>` and `KAFKA-<n>`, upper case, n from 1 to 7 digits without a leading zero, not touching
 *   an ASCII letter, digit, `_` or `$` on either side (`XKIP-390` and `KIP-3900` are not KIP-390).
 *   Chinese text sets them between ideographs with no space: `在KIP-390中` links KIP-390.
 * - `Class#method`: a Java name, optionally qualified (`Outer.Inner`, `org.apache.kafka.Foo`), with
 *   at least one UpperCamelCase part (an upper-case letter first, a lower-case letter somewhere), then
 *   `#` and a method name starting in lower case. The search is for the method in the file named
 *   after the first UpperCamelCase part, its class. A bare class name, or `Class.method(`, is not linked: too
 *   many ordinary words and calls look like them. `Class#method` itself, the template's
 *   placeholder, is not linked either.
 * - A source path: at least three `/`-separated parts, one of them `src` with a folder after it,
 *   ending in a `.java`, `.scala`, `.kt` or `.json` file (`core/src/main/scala/kafka/server/KafkaApis.scala`).
 * - Inline code that is wholly one reference (`` `FetchSessionCache#touch` ``, also with an
 *   argument list, as the completeness rule accepts) is linked as a whole, the link around the code.
 * Never inside code blocks, other inline code, or an existing link.
 *
 * Proposals are untrusted: the scan is one pass over each text, with no regular expression that
 * could backtrack, and takes linear time whatever the text.
 */
import type { Element, ElementContent, Nodes, Parents, Root, Text } from 'hast';
import { jiraUrl, kafkaCodeSearchUrl, kafkaMethodSearchUrl, kipUrl } from '../links.ts';
import { knownJiraIssue, knownKip } from '../vocabulary/kafka-references.ts';

export type KafkaReferenceKind = 'kip' | 'jira' | 'class' | 'path';

export interface KafkaReference {
  readonly kind: KafkaReferenceKind;
  /** Offsets in the text scanned: the reference is `text.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly href: string;
  /** A tooltip naming a known KIP or JIRA issue. */
  readonly title?: string;
}

/** The class the links carry, for styling (src/styles/global.css) and tests. */
export const KAFKA_REFERENCE_CLASS = 'kafka-ref';

const SOURCE_EXTENSIONS = new Set(['java', 'scala', 'kt', 'json']);
/** The template's own names for "a class" and "a method". */
const PLACEHOLDER_CLASSES = new Set(['Class', 'ClassName']);
const MAX_ISSUE_DIGITS = 7;

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** What may not touch a reference: an ASCII letter, digit, `_` or `$`. */
const isWordChar = (c: number) => isUpper(c) || isLower(c) || isDigit(c) || c === 95 || c === 36;
/** Java identifier characters, ASCII only. */
const isIdentifierChar = isWordChar;
const DOT = 46;
const HASH = 35;
const SLASH = 47;
const HYPHEN = 45;
/**
 * A run is a maximal stretch of the characters references are made of. Each run is examined once,
 * on its own, so the whole scan is linear in the text.
 */
const isRunChar = (c: number) => isWordChar(c) || c === DOT || c === HASH || c === SLASH || c === HYPHEN;

/** A cheap test that lets most text nodes through untouched. */
export function mayHoldKafkaReference(text: string): boolean {
  return text.includes('KIP-') || text.includes('KAFKA-') || text.includes('#') || text.includes('/');
}

/** Every reference in a text, in order, none overlapping. */
export function findKafkaReferences(text: string): KafkaReference[] {
  const found: KafkaReference[] = [];
  if (!mayHoldKafkaReference(text)) return found;
  let i = 0;
  while (i < text.length) {
    if (!isRunChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isRunChar(text.charCodeAt(end))) end++;
    scanRun(text, i, end, found);
    i = end;
  }
  return found;
}

function scanRun(text: string, start: number, end: number, found: KafkaReference[]): void {
  // A sentence's full stop is not part of the path before it.
  let pathEnd = end;
  while (pathEnd > start && text.charCodeAt(pathEnd - 1) === DOT) pathEnd--;
  const searchTerm = sourcePathSearchTerm(text.slice(start, pathEnd));
  if (searchTerm !== undefined) {
    found.push({ kind: 'path', start, end: pathEnd, href: kafkaCodeSearchUrl(searchTerm) });
    return;
  }
  let j = start;
  // Where the last reference ended: a class name is read backwards from its `#`, never into it.
  let free = start;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 75 /* K */ && (j === start || !isWordChar(text.charCodeAt(j - 1)))) {
      const issue = issueAt(text, j, end);
      if (issue) {
        found.push(issue);
        j = free = issue.end;
        continue;
      }
    }
    if (c === HASH) {
      const reference = classMethodAround(text, j, free, start, end);
      if (reference) {
        found.push(reference);
        j = free = reference.end;
        continue;
      }
      // The name before this `#` is spent: a later `#` must not read back past it.
      free = j + 1;
    }
    j++;
  }
}

/** `KIP-<n>` or `KAFKA-<n>` starting at `at`, with nothing word-like after it. */
function issueAt(text: string, at: number, end: number): KafkaReference | undefined {
  const prefix = text.startsWith('KIP-', at) ? 'KIP-' : text.startsWith('KAFKA-', at) ? 'KAFKA-' : undefined;
  if (!prefix) return undefined;
  const digitsStart = at + prefix.length;
  let k = digitsStart;
  while (k < end && isDigit(text.charCodeAt(k))) k++;
  const digits = k - digitsStart;
  if (digits === 0 || digits > MAX_ISSUE_DIGITS || text.charCodeAt(digitsStart) === 48 /* 0 */) return undefined;
  if (k < end && isWordChar(text.charCodeAt(k))) return undefined;
  const number = Number(text.slice(digitsStart, k));
  if (prefix === 'KIP-') {
    const kip = knownKip(number);
    return { kind: 'kip', start: at, end: k, href: kipUrl(number), ...(kip?.verified ? { title: kip.wikiPageTitle } : {}) };
  }
  const id = `KAFKA-${number}`;
  const issue = knownJiraIssue(id);
  return { kind: 'jira', start: at, end: k, href: jiraUrl(id), ...(issue ? { title: `${id}: ${issue.title}` } : {}) };
}

/**
 * `Qualified.Class#method` around the `#` at `hash`: the name is read backwards no further than
 * `free`, and must begin the run or follow a `/` (`ReplicaManager#appendRecords/#appendToLocalLog`).
 */
function classMethodAround(text: string, hash: number, free: number, runStart: number, runEnd: number): KafkaReference | undefined {
  let nameStart = hash;
  while (nameStart > free && (isIdentifierChar(text.charCodeAt(nameStart - 1)) || text.charCodeAt(nameStart - 1) === DOT)) nameStart--;
  if (nameStart === hash) return undefined;
  if (nameStart > runStart && text.charCodeAt(nameStart - 1) !== SLASH) return undefined;
  const methodStart = hash + 1;
  if (methodStart >= runEnd) return undefined;
  const first = text.charCodeAt(methodStart);
  if (!(isLower(first) || first === 95 || first === 36)) return undefined;
  let methodEnd = methodStart + 1;
  while (methodEnd < runEnd && isIdentifierChar(text.charCodeAt(methodEnd))) methodEnd++;
  const className = classToSearch(text.slice(nameStart, hash));
  if (className === undefined) return undefined;
  return { kind: 'class', start: nameStart, end: methodEnd, href: kafkaMethodSearchUrl(className, text.slice(methodStart, methodEnd)) };
}

/** The class a qualified name is filed under: its first UpperCamelCase part, up to any `$`. */
function classToSearch(qualifiedName: string): string | undefined {
  let className: string | undefined;
  for (const part of qualifiedName.split('.')) {
    if (part === '' || isDigit(part.charCodeAt(0))) return undefined;
    if (className === undefined && isUpperCamelCase(part)) className = part;
  }
  if (className === undefined) return undefined;
  const dollar = className.indexOf('$');
  if (dollar > 0) className = className.slice(0, dollar);
  return PLACEHOLDER_CLASSES.has(className) ? undefined : className;
}

function isUpperCamelCase(name: string): boolean {
  if (!isUpper(name.charCodeAt(0))) return false;
  for (let i = 1; i < name.length; i++) if (isLower(name.charCodeAt(i))) return true;
  return false;
}

/**
 * What to search for when `candidate` is a source path: the path from its module on
 * (`clients/src/main/java/…`), so a path copied with a prefix (`apache/kafka/blob/trunk/…`) finds
 * the file too. Undefined when it is not a source path.
 */
function sourcePathSearchTerm(candidate: string): string | undefined {
  if (!candidate.includes('/src/') && !candidate.startsWith('src/')) return undefined;
  const parts = candidate.split('/');
  if (parts.length < 3) return undefined;
  let src = -1;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === '' || part === '.' || part === '..' || part.includes('#')) return undefined;
    if (part === 'src' && src < 0) src = i;
  }
  // `src`, at least one folder, then the file.
  if (src < 0 || src > parts.length - 3) return undefined;
  const file = parts[parts.length - 1]!;
  const dot = file.lastIndexOf('.');
  if (dot <= 0 || !SOURCE_EXTENSIONS.has(file.slice(dot + 1))) return undefined;
  if (!isUpper(parts[0]!.charCodeAt(0)) && !isLower(parts[0]!.charCodeAt(0))) return undefined;
  return parts.slice(Math.max(0, src - 1)).join('/');
}

/**
 * The reference inline code is wholly made of, if it is one: `FetchSessionCache#touch`, `KIP-390`,
 * a source path, or `Class#method(args)` as the completeness rule writes it.
 */
export function wholeKafkaReference(code: string): KafkaReference | undefined {
  const text = code.trim();
  if (text.length === 0 || text.length > 1000) return undefined;
  const found = findKafkaReferences(text);
  if (found.length === 0) return undefined;
  const reference = found[0]!;
  if (reference.start !== 0) return undefined;
  if (found.length === 1 && reference.end === text.length) return reference;
  const rest = text.slice(reference.end);
  if (reference.kind === 'class' && rest.startsWith('(') && rest.endsWith(')')) return reference;
  return undefined;
}

/** The link element for one reference around its content. */
export function kafkaLinkElement(reference: KafkaReference, children: ElementContent[]): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      href: reference.href,
      className: [KAFKA_REFERENCE_CLASS],
      dataKafkaRef: reference.kind,
      ...(reference.title ? { title: reference.title } : {}),
    },
    children,
  };
}

/** A text split into text and links; undefined when it holds no reference. */
export function linkKafkaReferencesInText(value: string): ElementContent[] | undefined {
  const found = findKafkaReferences(value);
  if (found.length === 0) return undefined;
  const nodes: ElementContent[] = [];
  let at = 0;
  for (const reference of found) {
    if (reference.start > at) nodes.push({ type: 'text', value: value.slice(at, reference.start) });
    nodes.push(kafkaLinkElement(reference, [{ type: 'text', value: value.slice(reference.start, reference.end) }]));
    at = reference.end;
  }
  if (at < value.length) nodes.push({ type: 'text', value: value.slice(at) });
  return nodes;
}

/** One change to the tree: a text split into text and links, or inline code put inside a link. */
export type KafkaLinkEdit =
  | { readonly kind: 'split'; readonly node: Text; readonly parent: Parents; readonly index: number; readonly replacement: ElementContent[] }
  | { readonly kind: 'wrap'; readonly node: Element; readonly parent: Parents; readonly index: number; readonly link: Element };

/** Elements whose text is never linked: links, code, and what the sanitiser drops anyway. */
const UNLINKED_ELEMENTS = new Set(['a', 'pre', 'code', 'script', 'style', 'svg', 'math', 'textarea', 'template', 'title']);
/**
 * Elements that sit inside a line of prose (Markdown's emphasis, the raw HTML the content policy
 * allows, Shiki's spans). A link or code is never further up than the nearest other element.
 */
const PHRASING_ELEMENTS = new Set(['em', 'strong', 'del', 's', 'sup', 'sub', 'kbd', 'span', 'br', 'mark', 'ins', 'b', 'i', 'u', 'small', 'abbr', 'q', 'cite']);

/**
 * What an element means for the text under it, looking up from that text: `unlinked` (a link,
 * code), `phrasing` (look further up), or `block` (a paragraph, list item, cell or heading: nothing
 * further up can be a link or code, so stop looking).
 */
export function kafkaLinkScope(tagName: string): 'unlinked' | 'phrasing' | 'block' {
  if (UNLINKED_ELEMENTS.has(tagName)) return 'unlinked';
  return PHRASING_ELEMENTS.has(tagName) ? 'phrasing' : 'block';
}

/**
 * Whether a node is inside a link or code, looking up from it through phrasing elements only (a
 * few steps at most), for renderers that visit nodes one by one rather than walk the tree.
 */
export function insideUnlinkedElement(node: Nodes, parentOf: (node: Nodes) => Readonly<Parents> | undefined): boolean {
  for (let parent = parentOf(node); parent?.type === 'element'; parent = parentOf(parent)) {
    const scope = kafkaLinkScope(parent.tagName);
    if (scope !== 'phrasing') return scope === 'unlinked';
  }
  return false;
}

/**
 * The edits that link every reference in a tree, without changing it: grouped by parent, in the
 * order of their index within it. The walk keeps its own stack (a hostile body cannot overflow the
 * call stack) and never enters an unlinked element, so a code block's highlighted spans are not
 * even read.
 */
export function planKafkaLinks(tree: Root | Element): KafkaLinkEdit[] {
  const edits: KafkaLinkEdit[] = [];
  const stack: Parents[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    parent.children.forEach((node, index) => {
      if (node.type === 'text') {
        const replacement = linkKafkaReferencesInText(node.value);
        if (replacement) edits.push({ kind: 'split', node, parent, index, replacement });
      } else if (node.type === 'element') {
        if (kafkaLinkScope(node.tagName) !== 'unlinked') {
          stack.push(node);
        } else if (node.tagName === 'code') {
          // Inline code (code blocks are under a <pre>, never entered): linked when it is one reference.
          const reference = wholeKafkaReference(textOf(node));
          if (reference) edits.push({ kind: 'wrap', node, parent, index, link: kafkaLinkElement(reference, []) });
        }
      }
    });
  }
  return edits;
}

/** The text of inline code (its text children; highlighted code blocks are never asked). */
function textOf(node: Element): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.value;
    else return '';
  }
  return text;
}

/**
 * The rehype-style transform: applies the planned edits in place and returns the tree. Each
 * parent's edits are applied last to first, so the indexes of those before stay right.
 */
export function linkKafkaReferences<T extends Root | Element>(tree: T): T {
  const edits = planKafkaLinks(tree);
  for (let k = edits.length - 1; k >= 0; k--) {
    const edit = edits[k]!;
    const children = edit.parent.children as ElementContent[];
    if (edit.kind === 'split') children.splice(edit.index, 1, ...edit.replacement);
    else children[edit.index] = { ...edit.link, children: [edit.node] };
  }
  return tree;
}
