/**
 * One search result, built in the browser with the same classes as a proposal in a list
 * (ProposalCard, StatusPill, CompletenessBadge, DodMark), so results look like the rest of the site.
 *
 * The index holds the default language's pages, with ids in its metadata: links are put in the
 * reader's language with `localePath`, and status, component and level names come from the labels
 * the page gave for its language, never from the index.
 */
import { BADGE_STRINGS, badgeHiddenText, badgeSentence } from '../lib/completeness/badge.ts';
import { DOD_MARK_STRINGS, dodMarkFigure, dodMarkSentence, showsDodMark } from '../lib/dod/list-mark.ts';
import { formatDate } from '../lib/i18n/locales.ts';
import type { ScriptLanguage } from '../lib/i18n/messages.ts';
import { localePath } from '../lib/i18n/routes.ts';

/** The fields Pagefind returns for a proposal page; `meta` is written by SearchRecord.astro. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

/** The vocabulary in the page's language, by id (the index's metadata) and by filter value (the URL's). */
export interface SearchLabels {
  component: Record<string, string>;
  status: Record<string, string>;
  level: Record<string, string>;
  /** A Definition of Done verdict by id: its word in the page's language and its sign. */
  dod: Record<string, { label: string; icon: string }>;
  /**
   * A filter value as the page shows it, by group: a component's English name, a status's
   * frontmatter name, a verdict's id.
   */
  filter: Record<'component' | 'status' | 'dod', Record<string, string>>;
}

/** How results are worded: the page's language, its `t`, and its vocabulary. */
export interface ResultView extends ScriptLanguage {
  labels: SearchLabels;
}

/** The interface strings a result needs, for the page to pass to its script. */
export const RESULT_STRINGS = [...BADGE_STRINGS, ...DOD_MARK_STRINGS, 'search.updated', 'search.templateResult', 'template.title', 'template.titleEn', 'stale.mark', 'stale.markDetail'] as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * Pagefind's excerpt is page text, entity-escaped, with <mark> around the matches. It is built here
 * as text nodes and <mark> elements, never assigned as HTML: the text comes from contributed proposals,
 * and an escaping slip anywhere upstream must not become markup.
 */
function excerptOf(excerpt: string, lang: string): HTMLParagraphElement {
  const paragraph = element('p', { class: 'excerpt', lang });
  const decode = (html: string) => new DOMParser().parseFromString(html, 'text/html').documentElement.textContent ?? '';
  excerpt.split(/(<mark>[\s\S]*?<\/mark>)/).forEach((part) => {
    const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
    paragraph.append(marked ? element('mark', {}, decode(marked[1]!)) : decode(part));
  });
  return paragraph;
}

/** A page of the site in the reader's language, from the URL the index has for it. */
const pageUrl = (view: ResultView, url: string) => localePath(view.locale, url);

export function renderResult(data: ResultData, view: ResultView): HTMLLIElement {
  const { meta } = data;
  if (meta.kind === 'template') return renderTemplateResult(data, view);
  const { t, labels } = view;
  const lang = meta.lang === 'zh' ? 'zh-CN' : 'en';
  const url = pageUrl(view, data.url);
  const levelName = labels.level[meta.level ?? ''] ?? '';
  const updated = meta.updated ?? '';
  const excerpt = excerptOf(data.excerpt, lang);
  const title = element('h2', { class: 'title', lang }, element('a', { href: url }, meta.title ?? url));
  const metaRow = element(
    'p',
    { class: 'meta' },
    element('a', { class: 'status-pill', 'data-status-pill': meta.statusId ?? '', href: pageUrl(view, `/status/${meta.statusId}/`) }, labels.status[meta.statusId ?? ''] ?? ''),
    ...staleMark(meta.staleDays, view),
    element(
      'a',
      {
        class: 'completeness-badge',
        href: `${url}#completeness-heading`,
        'data-completeness': meta.completeness ?? '',
        'data-level': meta.level ?? '',
        title: badgeSentence(t, meta.completeness ?? '', levelName),
      },
      element('span', { class: 'score' }, `${meta.completeness}%`),
      element('span', { class: 'level' }, levelName),
      element('span', { class: 'visually-hidden' }, badgeHiddenText(t)),
    ),
    ...dodMark(meta, url, view),
    element('a', { class: 'component', href: pageUrl(view, `/components/${meta.componentId}/`) }, labels.component[meta.componentId ?? ''] ?? ''),
    element('span', {}, ...view.parts('search.updated').map((part) => (typeof part === 'string' ? part : element('time', { datetime: updated }, formatDate(updated, view.locale))))),
  );
  const stale: Record<string, string> = meta.staleDays === undefined ? {} : { 'data-stale': 'true' };
  // As ProposalCard's dodDataAttributes: every result says its verdict, `none` and 0/0 included.
  const dod = { 'data-dod-verdict': meta.dodVerdict ?? '', 'data-dod-met': meta.dodMet ?? '', 'data-dod-total': meta.dodTotal ?? '' };
  return element(
    'li',
    { class: 'proposal-card search-result', 'data-proposal-id': meta.id ?? '', 'data-component': meta.componentId ?? '', 'data-status': meta.statusId ?? '', ...stale, ...dod },
    title,
    excerpt,
    metaRow,
  );
}

/** DodMark.astro's mark, for a result whose verdicts were judged (SearchRecord's `dodTotal` above 0); none otherwise. */
function dodMark(meta: ResultData['meta'], url: string, view: ResultView): HTMLAnchorElement[] {
  const figures = { met: Number(meta.dodMet), total: Number(meta.dodTotal) };
  const verdict = view.labels.dod[meta.dodVerdict ?? ''];
  // A number the index did not hold is NaN, and NaN > 0 is false: no mark rather than a wrong one.
  if (!verdict || !showsDodMark(figures)) return [];
  const sentence = dodMarkSentence(view.t, figures, verdict.label);
  return [
    element(
      'a',
      { class: 'dod-mark', 'data-dod-mark': meta.dodVerdict!, href: `${url}#dod-heading`, title: sentence },
      element('span', { 'aria-hidden': 'true' }, element('span', { class: 'dod-sign' }, verdict.icon), ` ${dodMarkFigure(figures)}`),
      element('span', { class: 'visually-hidden' }, sentence),
    ),
  ];
}

/** ProposalCard's stale mark, for a proposal the index recorded as stale (SearchRecord's `staleDays`); none otherwise. */
function staleMark(staleDays: string | undefined, view: ResultView): HTMLAnchorElement[] {
  if (staleDays === undefined) return [];
  const detail = view.t('stale.markDetail', { count: Number(staleDays) });
  return [
    element(
      'a',
      { class: 'stale-mark', 'data-stale-mark': '', href: pageUrl(view, '/proposals/stale/'), title: detail },
      element('span', { 'aria-hidden': 'true' }, view.t('stale.mark')),
      element('span', { class: 'visually-hidden' }, detail),
    ),
  ];
}

/** The template pages are indexed too; they have no status or component to show. */
function renderTemplateResult(data: ResultData, view: ResultView): HTMLLIElement {
  const { t } = view;
  const excerpt = excerptOf(data.excerpt, data.meta.lang === 'zh' ? 'zh-CN' : 'en');
  return element(
    'li',
    { class: 'proposal-card search-result', 'data-template': data.meta.lang ?? '' },
    element('h3', { class: 'title' }, element('a', { href: pageUrl(view, data.url) }, t(data.meta.lang === 'en' ? 'template.titleEn' : 'template.title'))),
    excerpt,
    element('p', { class: 'meta' }, t('search.templateResult')),
  );
}
