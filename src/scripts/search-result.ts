/**
 * One search result, built in the browser with the same classes as a proposal in a list
 * (ProposalCard, StatusPill, CompletenessBadge), so results look like the rest of the site.
 */

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

export function renderResult(data: ResultData): HTMLLIElement {
  const { meta } = data;
  if (meta.kind === 'template') return renderTemplateResult(data);
  const lang = meta.lang === 'zh' ? 'zh-CN' : 'en';
  const excerpt = element('p', { class: 'excerpt', lang });
  // Pagefind escapes the page text and adds only <mark> around the matched words.
  excerpt.innerHTML = data.excerpt;
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
        'aria-label': `Completeness ${meta.completeness} of 100, ${meta.levelName}`,
      },
      element('span', { class: 'score' }, `${meta.completeness}%`),
      element('span', { class: 'level' }, meta.levelName ?? ''),
    ),
    element('a', { class: 'component', href: `/components/${meta.componentId}/` }, meta.component ?? ''),
    element('span', {}, 'Updated ', element('time', { datetime: meta.updated ?? '' }, meta.updated ?? '')),
  );
  return element('li', { class: 'proposal-card search-result', 'data-proposal-id': meta.id ?? '', 'data-component': meta.componentId ?? '', 'data-status': meta.statusId ?? '' }, title, excerpt, metaRow);
}

/** The template pages are indexed too; they have no status or component to show. */
function renderTemplateResult(data: ResultData): HTMLLIElement {
  const excerpt = element('p', { class: 'excerpt', lang: data.meta.lang === 'zh' ? 'zh-CN' : 'en' });
  excerpt.innerHTML = data.excerpt;
  return element(
    'li',
    { class: 'proposal-card search-result', 'data-template': data.meta.lang ?? '' },
    element('h2', { class: 'title' }, element('a', { href: data.url }, data.meta.title ?? 'Proposal template')),
    excerpt,
    element('p', { class: 'meta' }, 'The proposal template'),
  );
}
