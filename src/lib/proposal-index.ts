/**
 * The index table of /proposals/table/ (issue 22), PEP 0's table with Swift Evolution's filters: one
 * row per proposal, filtered by status, component (main or related), language, release and stale,
 * and sorted by any column.
 *
 * Without JavaScript each filter is a link to a fragment (`#f-status-draft`), and the stylesheet this
 * module writes (indexStylesheet, served as /proposal-index.css) hides the rows that do not match the
 * fragment's value: one filter at a time, each with its own address. With JavaScript the same links
 * combine, one value per group, in the query (`?status=draft&lang=zh&sort=score&order=desc`), and
 * the page filters and sorts at once. Pure, and free of the vocabulary, since the page's script
 * bundles it: the page, its script and the tests share it (rows are made in proposal-index-rows.ts).
 */

/** A filter group, as the query, the fragments and the rows' `data-` attributes name it. */
export const INDEX_FILTERS = ['status', 'component', 'lang', 'release', 'stale'] as const;
export type IndexFilter = (typeof INDEX_FILTERS)[number];

/** The columns a reader can sort by. */
export const INDEX_SORT_KEYS = ['id', 'title', 'status', 'component', 'score', 'dod', 'updated'] as const;
export type IndexSortKey = (typeof INDEX_SORT_KEYS)[number];

export interface IndexState {
  filters: Partial<Record<IndexFilter, string>>;
  sort: IndexSortKey;
  order: 'asc' | 'desc';
}

/** Newest update first, as /proposals/ lists them. */
export const DEFAULT_INDEX_STATE: IndexState = { filters: {}, sort: 'updated', order: 'desc' };

/** What a row holds for filtering and sorting: its `data-` attributes. `components` lists the main one first. */
export interface IndexRow {
  id: string;
  title: string;
  status: string;
  /** The status's place in the vocabulary: statuses sort in their life-cycle order, not by name. */
  statusOrder: number;
  components: readonly string[];
  lang: string;
  release: string;
  stale: boolean;
  score: number;
  /** Definition of Done verdicts met out of judged; -1 when nothing was judged, so those sort last. */
  dod: number;
  updated: string;
}

/** The values a filter may take: those the page offers. */
export type IndexValues = Readonly<Record<IndexFilter, readonly string[]>>;

/** `#f-status-draft`: the fragment a filter's link goes to without JavaScript. */
export function filterFragment(filter: IndexFilter, value: string): string {
  return `f-${filter}-${value}`;
}

export function readIndexState(params: URLSearchParams, values: IndexValues): IndexState {
  const filters: IndexState['filters'] = {};
  for (const filter of INDEX_FILTERS) {
    const value = params.get(filter);
    if (value !== null && values[filter].includes(value)) filters[filter] = value;
  }
  const sort = params.get('sort');
  const order = params.get('order');
  return {
    filters,
    sort: (INDEX_SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as IndexSortKey) : DEFAULT_INDEX_STATE.sort,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_INDEX_STATE.order,
  };
}

/** The state as a query: only what differs from the default, filters first in a fixed order. */
export function writeIndexState(state: IndexState): URLSearchParams {
  const params = new URLSearchParams();
  for (const filter of INDEX_FILTERS) if (state.filters[filter] !== undefined) params.set(filter, state.filters[filter]!);
  if (state.sort !== DEFAULT_INDEX_STATE.sort || state.order !== DEFAULT_INDEX_STATE.order) {
    params.set('sort', state.sort);
    params.set('order', state.order);
  }
  return params;
}

/** The state a fragment link of a filter leads to: that value, or none if it was the one chosen. */
export function toggleFilter(state: IndexState, filter: IndexFilter, value: string): IndexState {
  const filters = { ...state.filters };
  if (filters[filter] === value) delete filters[filter];
  else filters[filter] = value;
  return { ...state, filters };
}

/** A column header's choice: the same column again reverses the order; a new one starts in its natural order. */
export function sortBy(state: IndexState, key: IndexSortKey): IndexState {
  if (state.sort === key) return { ...state, order: state.order === 'asc' ? 'desc' : 'asc' };
  // Numbers and dates read best largest and newest first; words from A.
  return { ...state, sort: key, order: key === 'score' || key === 'dod' || key === 'updated' ? 'desc' : 'asc' };
}

export function rowMatches(row: IndexRow, filters: IndexState['filters']): boolean {
  return INDEX_FILTERS.every((filter) => {
    const wanted = filters[filter];
    if (wanted === undefined) return true;
    switch (filter) {
      case 'component':
        return row.components.includes(wanted);
      case 'stale':
        return String(row.stale) === wanted;
      default:
        return row[filter] === wanted;
    }
  });
}

const compareKey = (a: IndexRow, b: IndexRow, key: IndexSortKey): number => {
  switch (key) {
    case 'score':
    case 'dod':
      return a[key] - b[key];
    case 'status':
      return a.statusOrder - b.statusOrder;
    case 'component':
      return (a.components[0] ?? '').localeCompare(b.components[0] ?? '');
    default:
      return a[key].localeCompare(b[key]);
  }
};

/** The rows in the state's order; ties keep the id order, so every sort is stable and total. */
export function sortRows<T extends IndexRow>(rows: readonly T[], state: Pick<IndexState, 'sort' | 'order'>): T[] {
  const sign = state.order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compareKey(a, b, state.sort) || a.id.localeCompare(b.id));
}

/** A CSS string's contents: a value comes from the vocabulary or a release number, never from markup. */
const cssString = (text: string) => text.replace(/[\\"\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
const cssIdent = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);

/**
 * The stylesheet that filters without JavaScript: for each value of each filter, while its fragment is
 * the page's target, the rows that do not match are hidden and its link is marked.
 */
export function indexStylesheet(values: IndexValues): string {
  const rules: string[] = [];
  for (const filter of INDEX_FILTERS) {
    for (const value of values[filter]) {
      const target = `[data-proposal-index]:has(#${cssIdent(filterFragment(filter, value))}:target)`;
      const attribute = filter === 'component' ? `[data-components~="${cssString(value)}"]` : `[data-${filter}="${cssString(value)}"]`;
      rules.push(`${target} tbody tr:not(${attribute}) { display: none; }`);
      rules.push(`${target} a[href="#${cssString(filterFragment(filter, value))}"] { font-weight: 700; text-decoration-thickness: 2px; }`);
    }
  }
  return `/* The index table's filters without JavaScript (src/lib/proposal-index.ts). */\n${rules.join('\n')}\n`;
}

