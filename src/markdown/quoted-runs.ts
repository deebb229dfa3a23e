/**
 * The languages inside one rule text or finding, for a screen reader (WCAG 3.1.2):
 * - A finding quotes the author's words between U+2068 and U+2069 (`quoted`, `quotedCode` in
 *   src/lib/completeness/text.ts). Each such run becomes `<span lang>` in the proposal's language,
 *   so "Benefit: 原型中…" on an English page is read with a Chinese voice. With no language to give
 *   (the quote is in the page's own language), the marks are only removed.
 * - On a page not in Chinese, the Han runs left (the Chinese template's labels and markers that the
 *   English texts name) become `<span lang>` in Chinese (hanRuns, which the browser checker uses too).
 *
 * It runs on the sanitised tree of one finding. A run's marks are siblings: `literal` text becomes
 * one text node and a code span one element, so the marks never straddle an element's edge; a mark
 * without its partner at the same level is dropped, never turned into markup.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { QUOTE_END, QUOTE_START } from '../lib/completeness/text.ts';
import { hanRuns, type TextLanguages } from '../lib/markdown/inline-runs.ts';

type Parent = Root | Element;
type Child = RootContent | ElementContent;

/** A node, or one of the two marks. */
type Piece = Child | string;

/** Splits text nodes at the marks, so each mark is a piece of its own. */
function splitAtMarks(children: readonly Child[]): Piece[] {
  return children.flatMap((child): Piece[] => {
    if (child.type !== 'text' || !/[\u2068\u2069]/.test(child.value)) return [child];
    return child.value
      .split(/([\u2068\u2069])/)
      .filter((piece) => piece !== '')
      .map((piece) => (piece === QUOTE_START || piece === QUOTE_END ? piece : ({ type: 'text', value: piece } satisfies Text)));
  });
}

function quotesInLanguage(tree: Root, lang: string | undefined): Root {
  const visit = (parent: Parent) => {
    for (const child of parent.children) if (child.type === 'element') visit(child);
    const pieces = splitAtMarks(parent.children);
    if (pieces.every((p) => typeof p !== 'string')) return;
    const out: Child[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (typeof piece !== 'string') {
        out.push(piece);
        continue;
      }
      if (piece === QUOTE_END) continue; // unpaired: dropped
      const end = pieces.indexOf(QUOTE_END, i + 1);
      const nextStart = pieces.indexOf(QUOTE_START, i + 1);
      if (end === -1 || (nextStart !== -1 && nextStart < end)) continue; // unpaired: dropped
      const run = pieces.slice(i + 1, end) as Child[];
      if (lang === undefined) out.push(...run);
      else out.push({ type: 'element', tagName: 'span', properties: { lang }, children: run as ElementContent[] } satisfies Element);
      i = end;
    }
    parent.children = mergeText(out) as typeof parent.children;
  };
  visit(tree);
  return tree;
}

/** Adjacent text nodes as one, as a parser would have made them. */
function mergeText(children: Child[]): Child[] {
  const merged: Child[] = [];
  for (const child of children) {
    const last = merged.at(-1);
    if (child.type === 'text' && last?.type === 'text') merged[merged.length - 1] = { type: 'text', value: last.value + child.value };
    else merged.push(child);
  }
  return merged;
}

/** Each Han run in a text without a `lang` of its own, as a span in `lang`. */
function hanInLanguage(tree: Root, lang: string): Root {
  const visit = (parent: Parent) => {
    parent.children = parent.children.flatMap((child): Child[] => {
      if (child.type === 'element') {
        if (child.properties.lang === undefined) visit(child);
        return [child];
      }
      if (child.type !== 'text') return [child];
      return hanRuns(child.value).map(({ value, han }) =>
        han ? ({ type: 'element', tagName: 'span', properties: { lang }, children: [{ type: 'text', value }] } satisfies Element) : ({ type: 'text', value } satisfies Text),
      );
    }) as typeof parent.children;
  };
  visit(tree);
  return tree;
}

export function markLanguages(tree: Root, { quoteLang, hanLang }: TextLanguages): Root {
  quotesInLanguage(tree, quoteLang);
  return hanLang === undefined ? tree : hanInLanguage(tree, hanLang);
}
