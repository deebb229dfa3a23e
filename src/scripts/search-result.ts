/**
 * One search result, built in the browser with the same classes as a proposal in a list
 * (ProposalCard, StatusPill, CompletenessBadge), so results look like the rest of the site.
 */
import { badgeHiddenText, badgeSentence } from '../lib/completeness/badge.ts';

/** The fields Pagefind returns for a proposal page; `meta` is written by SearchRecord.astro. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

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

export function renderResult(data: ResultData): HTMLLIElement {
  const { meta } = data;
  if (meta.kind === 'template') return renderTemplateResult(data);
  const lang = meta.lang === 'zh' ? 'zh-CN' : 'en';
  const excerpt = excerptOf(data.excerpt, lang);
  const title = element('h2', { class: 'title', lang }, element('a', { href: data.url }, meta.title ?? data.url));
  const metaRow = element(
    'p',
    { class: 'meta' },
    element('a', { class: 'status-pill', 'data-status-pill': meta.statusId ?? '', href: `/status/${meta.statusId}/` }, meta.status ?? ''),
    element(
      'a',
      {
        class: 'completeness-badge',
        href: `${data.url}#completeness-heading`,
        'data-completeness': meta.completeness ?? '',
        'data-level': meta.level ?? '',
        title: badgeSentence(meta.completeness ?? '', meta.levelName ?? ''),
      },
      element('span', { class: 'score' }, `${meta.completeness}%`),
      element('span', { class: 'level' }, meta.levelName ?? ''),
      element('span', { class: 'visually-hidden' }, badgeHiddenText()),
    ),
    element('a', { class: 'component', href: `/components/${meta.componentId}/` }, meta.component ?? ''),
    element('span', {}, 'Updated ', element('time', { datetime: meta.updated ?? '' }, meta.updated ?? '')),
  );
  return element('li', { class: 'proposal-card search-result', 'data-proposal-id': meta.id ?? '', 'data-component': meta.componentId ?? '', 'data-status': meta.statusId ?? '' }, title, excerpt, metaRow);
}

/** The template pages are indexed too; they have no status or component to show. */
function renderTemplateResult(data: ResultData): HTMLLIElement {
  const excerpt = excerptOf(data.excerpt, data.meta.lang === 'zh' ? 'zh-CN' : 'en');
  return element(
    'li',
    { class: 'proposal-card search-result', 'data-template': data.meta.lang ?? '' },
    element('h2', { class: 'title' }, element('a', { href: data.url }, data.meta.title ?? 'Proposal template')),
    excerpt,
    element('p', { class: 'meta' }, 'The proposal template'),
  );
}
