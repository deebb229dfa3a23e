/**
 * The search page's state as it lives in the URL: `/search/?q=压缩&component=compaction&status=Draft&dod=met`.
 * Filter values are the vocabulary's stable names, the same in every interface language (a
 * component's id, a status's frontmatter value, a Definition of Done verdict's id), so a filtered
 * link works in both; the page shows them translated. A component's English name, which links
 * carried before its id, still means that component; unknown names are dropped, so an old or
 * hand-edited link still opens a working search.
 *
 * Nothing here imports the vocabulary itself: the browser passes the values of the page's checkboxes,
 * which keeps the vocabulary's texts out of the search page's script.
 */
import type { DodVerdict } from './dod/types.ts';
import type { Translate } from './i18n/messages.ts';
import type { Component } from './vocabulary/components.ts';
import type { Status } from './vocabulary/statuses.ts';

export interface SearchState {
  query: string;
  components: string[];
  statuses: string[];
  /** Definition of Done verdicts (`met`, `missed`, `inconclusive`, `none`): the URL's `dod`. */
  dodVerdicts: string[];
}

/** The filter values a search may use, in each group. */
export interface FilterValues {
  components: readonly string[];
  statuses: readonly string[];
  dodVerdicts: readonly string[];
  /** Values older links carry, each with the component it means now: a component's English name. */
  componentAliases?: Readonly<Record<string, string>>;
}

/** A filter group as the index, the URL and the page's fieldsets (`data-filter`) name it. */
export type FilterGroup = 'component' | 'status' | 'dod';

/**
 * A component's value in the search filters, the URL and the index: its id. A proposal is indexed
 * under its main component and each related one, so a filter finds every proposal its component's
 * page lists.
 */
export function componentFilterValue(component: Component): string {
  return component.id;
}

/** What a link written before ids (issue 22) says for a component: its English name. */
export function componentFilterAlias(component: Component): string {
  return component.name.en;
}

/** A status's value in the search filters, the URL and the index: its frontmatter name. */
export function statusFilterValue(status: Status): string {
  return status.name;
}

/** A Definition of Done verdict's value in the search filters, the URL and the index: its id. */
export function dodFilterValue(verdict: { readonly id: DodVerdict }): string {
  return verdict.id;
}

export function readSearchState(params: URLSearchParams, known: FilterValues): SearchState {
  const pick = (key: string, allowed: readonly string[], aliases: Readonly<Record<string, string>> = {}) =>
    [...new Set(params.getAll(key).map((value) => (Object.hasOwn(aliases, value) ? aliases[value]! : value)))].filter((value) => allowed.includes(value));
  return {
    query: (params.get('q') ?? '').trim(),
    components: pick('component', known.components, known.componentAliases),
    statuses: pick('status', known.statuses),
    dodVerdicts: pick('dod', known.dodVerdicts),
  };
}

export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of state.components) params.append('component', name);
  for (const name of state.statuses) params.append('status', name);
  for (const verdict of state.dodVerdicts) params.append('dod', verdict);
  return params;
}

export function isEmptySearch(state: SearchState): boolean {
  return state.query === '' && state.components.length === 0 && state.statuses.length === 0 && state.dodVerdicts.length === 0;
}

/** Pagefind's filter argument: any of the chosen values within a group, every group at once. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  if (state.components.length > 0) filters.component = { any: state.components };
  if (state.statuses.length > 0) filters.status = { any: state.statuses };
  if (state.dodVerdicts.length > 0) filters.dod = { any: state.dodVerdicts };
  return filters;
}

/**
 * The search page's link for one component, as the default language serves it (the page puts it
 * in its own language): "search by component".
 */
export function componentSearchUrl(componentId: string): string {
  return `/search/?${writeSearchState({ query: '', components: [componentId], statuses: [], dodVerdicts: [] })}`;
}

/** The `search.*` strings `describeResults` words its sentence with. */
export const DESCRIBE_RESULTS_STRINGS = [
  'search.query',
  'search.chosenFilters',
  'search.filterSeparator',
  'search.results',
  'search.resultsWithin',
  'search.noResults',
  'search.noResultsWithin',
  'search.dodChosen',
] as const;

/**
 * What the live region says after a search. `label` shows a filter value of a group in the page's
 * language (the state holds the stable names); a verdict is said as a verdict, "DoD 达成", since
 * "达成" alone would not say what was met.
 */
export function describeResults(
  state: SearchState,
  count: number,
  t: Translate,
  label: (group: FilterGroup, value: string) => string = (_group, value) => value,
): string {
  const what = state.query ? t('search.query', { query: state.query }) : t('search.chosenFilters');
  const filters = [
    ...state.components.map((value) => label('component', value)),
    ...state.statuses.map((value) => label('status', value)),
    ...state.dodVerdicts.map((value) => t('search.dodChosen', { verdict: label('dod', value) })),
  ].join(t('search.filterSeparator'));
  const within = state.query !== '' && filters !== '';
  if (count === 0) return within ? t('search.noResultsWithin', { what, filters }) : t('search.noResults', { what });
  return within ? t('search.resultsWithin', { count, what, filters }) : t('search.results', { count, what });
}

/**
 * The browser splits a Chinese query into words with Intl.Segmenter, and a run it does not know
 * (压实) into single characters, which then match anywhere on a page: "压实" found proposals that
 * only had 压缩 and 实现. Pagefind matches an exact phrase when the whole query is one quoted
 * phrase, and not a phrase among other words (measured on Pagefind 1.5: `"压缩批次" zstd` ignores
 * the quotes, two phrases find nothing). So a query that is one run of Chinese characters, two or
 * more, is searched as that phrase; any other query is searched as written. The run is split into
 * words here, with the segmenter Pagefind uses, and written with spaces: a page whose language is
 * not Chinese (the English interface) does not segment a quoted run, and found nothing for it.
 * `words` is the same query unquoted, which ranks the phrase's matches.
 */
export function chinesePhrase(query: string): { phrase: string; words: string } | undefined {
  const run = query.trim();
  if (!/^\p{Script=Han}{2,}$/u.test(run)) return undefined;
  const words = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(run)].map((s) => s.segment).join(' ');
  return { phrase: `"${words}"`, words };
}
