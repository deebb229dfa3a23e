/**
 * The search page's state as it lives in the URL: `/search/?q=压缩&component=Log+compaction&status=Draft`.
 * Filter values are the names the site shows. Unknown names are dropped, so an old or hand-edited
 * link still opens a working search.
 */
import { COMPONENTS } from './vocabulary/components.ts';
import { STATUSES } from './vocabulary/statuses.ts';

export interface SearchState {
  query: string;
  components: string[];
  statuses: string[];
}

const COMPONENT_NAMES = new Set<string>(COMPONENTS.map((c) => c.name));
const STATUS_NAMES = new Set<string>(STATUSES.map((s) => s.name));

export function readSearchState(params: URLSearchParams): SearchState {
  const pick = (key: string, allowed: Set<string>) => [...new Set(params.getAll(key))].filter((value) => allowed.has(value));
  return { query: (params.get('q') ?? '').trim(), components: pick('component', COMPONENT_NAMES), statuses: pick('status', STATUS_NAMES) };
}

export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of state.components) params.append('component', name);
  for (const name of state.statuses) params.append('status', name);
  return params;
}

export function isEmptySearch(state: SearchState): boolean {
  return state.query === '' && state.components.length === 0 && state.statuses.length === 0;
}

/** Pagefind's filter argument: any of the chosen values within a group, every group at once. */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  if (state.components.length > 0) filters.component = { any: state.components };
  if (state.statuses.length > 0) filters.status = { any: state.statuses };
  return filters;
}

/** The search page's link for one component: "search by component". */
export function componentSearchUrl(componentName: string): string {
  return `/search/?${writeSearchState({ query: '', components: [componentName], statuses: [] })}`;
}

/** What the live region says after a search. */
export function describeResults(state: SearchState, count: number): string {
  const what = state.query ? `“${state.query}”` : 'the chosen filters';
  const filters = [...state.components, ...state.statuses];
  const within = state.query && filters.length > 0 ? ` in ${filters.join(', ')}` : '';
  if (count === 0) return `No proposals match ${what}${within}. Try fewer or other words, or remove a filter.`;
  return `${count} proposal${count === 1 ? '' : 's'} match${count === 1 ? 'es' : ''} ${what}${within}.`;
}
