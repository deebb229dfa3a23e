/**
 * The Markdown that rule texts and findings are written in, read for the browser checker, which
 * shows its results as elements and text nodes and never as HTML (a finding quotes the author):
 * backslash escapes, `code` spans with any fence, **strong**, and a quote of the author's words
 * between U+2068 and U+2069 (src/lib/completeness/text.ts). Anything else stays text.
 *
 * The site renders the same texts with Sätteri (inlineMarkdownToHtml); tests/unit/quotes.test.ts
 * holds the two equal on every rule text and every finding of the reader's corpus, in every
 * combination of languages.
 */
import { QUOTE_END, QUOTE_START } from '../completeness/text.ts';
import { getLanguage } from '../vocabulary/languages.ts';

export type InlineRun =
  | { type: 'text'; value: string }
  | { type: 'code'; value: string }
  | { type: 'strong'; children: InlineRun[] }
  /** The author's words: shown in the proposal's language. */
  | { type: 'quote'; children: InlineRun[] };

const ESCAPABLE = /[!-/:-@[-`{-~]/;

export function inlineRuns(text: string): InlineRun[] {
  let i = 0;

  const pushText = (runs: InlineRun[], value: string) => {
    const last = runs.at(-1);
    if (last?.type === 'text') last.value += value;
    else runs.push({ type: 'text', value });
  };
  const append = (runs: InlineRun[], more: readonly InlineRun[]) => {
    for (const run of more) if (run.type === 'text') pushText(runs, run.value);
    else runs.push(run);
  };

  /** Reads up to `until` (consumed); `closed` says whether it was found before the end. */
  const read = (until: string | undefined): { runs: InlineRun[]; closed: boolean } => {
    const runs: InlineRun[] = [];
    while (i < text.length) {
      if (until !== undefined && text.startsWith(until, i)) {
        i += until.length;
        return { runs, closed: true };
      }
      const char = text[i]!;
      if (char === '\\' && ESCAPABLE.test(text[i + 1] ?? '')) {
        pushText(runs, text[i + 1]!);
        i += 2;
      } else if (char === '`') {
        const fence = /^`+/.exec(text.slice(i))![0];
        const close = closingFence(text, i + fence.length, fence.length);
        if (close === -1) {
          pushText(runs, fence);
          i += fence.length;
        } else {
          runs.push({ type: 'code', value: codeContent(text.slice(i + fence.length, close)) });
          i = close + fence.length;
        }
      } else if (text.startsWith('**', i) && until !== '**') {
        i += 2;
        const inner = read('**');
        if (inner.closed && inner.runs.length > 0) runs.push({ type: 'strong', children: inner.runs });
        else {
          pushText(runs, '**');
          append(runs, inner.runs);
          if (inner.closed) pushText(runs, '**');
        }
      } else if (char === QUOTE_START) {
        i += 1;
        const inner = read(QUOTE_END);
        if (inner.closed) runs.push({ type: 'quote', children: inner.runs });
        else append(runs, inner.runs); // unpaired: the mark is dropped
      } else if (char === QUOTE_END) {
        i += 1; // unpaired: dropped
      } else {
        pushText(runs, char);
        i += 1;
      }
    }
    return { runs, closed: false };
  };

  return read(undefined).runs;
}

/** Where a code span's closing fence of exactly `length` backticks starts, or -1. */
function closingFence(text: string, from: number, length: number): number {
  const fences = /`+/g;
  fences.lastIndex = from;
  for (let m = fences.exec(text); m; m = fences.exec(text)) if (m[0].length === length) return m.index;
  return -1;
}

/** CommonMark's code span content: line endings as spaces, one space stripped from each side when both have one. */
function codeContent(raw: string): string {
  const value = raw.replace(/\r\n|\r|\n/g, ' ');
  return value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '' ? value.slice(1, -1) : value;
}

/**
 * Han characters, with the CJK punctuation around them. On a page that is not in Chinese they are
 * Chinese, the only language the catalogue writes in them: the English interface names the Chinese
 * template’s labels (要解决, 证据) and markers (【待确认】), and a screen reader must
 * read those in Chinese too (WCAG 3.1.2).
 */
const HAN_RUN = /[\u3000-\u303f\uff00-\uffef]*[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff](?:[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|\s+(?=[\u3400-\u4dbf\u4e00-\u9fff]))*/g;

/** A text cut into its Han runs and the rest, in order. */
export function hanRuns(text: string): { value: string; han: boolean }[] {
  const pieces: { value: string; han: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(HAN_RUN)) {
    if (match.index > last) pieces.push({ value: text.slice(last, match.index), han: false });
    pieces.push({ value: match[0], han: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ value: text.slice(last), han: false });
  return pieces;
}

/** Which `lang` to give the words of a text that are not in the page's language. */
export interface TextLanguages {
  /** The `lang` of the proposal quoted, when it is not the page's. */
  quoteLang?: string | undefined;
  /** The `lang` to give Han runs, on a page that is not in Chinese. */
  hanLang?: string | undefined;
}

/**
 * The `lang`s a text needs on a page in `pageLang` (an htmlLang) that quotes a proposal written in
 * `quoteLang`: only those the page does not already have. Proposal pages and /check/ both ask here.
 */
export function textLanguages(pageLang: string, quoteLang: string | undefined): TextLanguages {
  const chinese = getLanguage('zh').htmlLang;
  return { quoteLang: quoteLang === pageLang ? undefined : quoteLang, hanLang: pageLang === chinese ? undefined : chinese };
}

/** An inline element or text, as the checker builds it in the page. */
export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'element'; tagName: 'code' | 'strong' | 'span'; lang?: string; children: InlineNode[] };

/**
 * A text as the elements that show it, with the `lang`s a proposal page gives the same text
 * (src/markdown/quoted-runs.ts): quotes in `quoteLang`, and Han runs outside them in `hanLang`.
 */
export function inlineNodes(text: string, { quoteLang, hanLang }: TextLanguages = {}): InlineNode[] {
  const texts = (value: string, inLang: boolean): InlineNode[] =>
    inLang || hanLang === undefined
      ? [{ type: 'text', value }]
      : hanRuns(value).map((piece) => (piece.han ? { type: 'element', tagName: 'span', lang: hanLang, children: [{ type: 'text', value: piece.value }] } : { type: 'text', value: piece.value }));
  const build = (runs: readonly InlineRun[], inLang: boolean): InlineNode[] =>
    runs.flatMap((run): InlineNode[] => {
      if (run.type === 'text') return texts(run.value, inLang);
      if (run.type === 'code') return [{ type: 'element', tagName: 'code', children: texts(run.value, inLang) }];
      if (run.type === 'strong') return [{ type: 'element', tagName: 'strong', children: build(run.children, inLang) }];
      return quoteLang === undefined ? build(run.children, inLang) : [{ type: 'element', tagName: 'span', lang: quoteLang, children: build(run.children, true) }];
    });
  return build(quoteLang === undefined ? withoutQuotes(inlineRuns(text)) : inlineRuns(text), false);
}

/** The runs with each quote's content in its place, adjacent texts joined: a quote with no `lang` to give is only text. */
function withoutQuotes(runs: readonly InlineRun[]): InlineRun[] {
  const out: InlineRun[] = [];
  const add = (run: InlineRun) => {
    const last = out.at(-1);
    if (run.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + run.value };
    else out.push(run);
  };
  for (const run of runs) {
    if (run.type === 'quote') withoutQuotes(run.children).forEach(add);
    else if (run.type === 'strong') add({ type: 'strong', children: withoutQuotes(run.children) });
    else add(run);
  }
  return out;
}
