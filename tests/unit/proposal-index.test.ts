/** The index table's filters, sorting and no-JavaScript stylesheet (src/lib/proposal-index.ts). */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INDEX_STATE,
  filterFragment,
  indexStylesheet,
  readIndexState,
  rowMatches,
  sortBy,
  sortRows,
  toggleFilter,
  writeIndexState,
  type IndexRow,
  type IndexValues,
} from '../../src/lib/proposal-index.ts';

const row = (id: string, extra: Partial<IndexRow> = {}): IndexRow => ({
  id,
  title: id.toUpperCase(),
  status: 'draft',
  statusOrder: 0,
  components: ['compaction'],
  lang: 'zh',
  release: '',
  stale: false,
  score: 50,
  dod: -1,
  updated: '2026-01-01',
  ...extra,
});

const values: IndexValues = { status: ['draft', 'accepted'], component: ['compaction', 'compression'], lang: ['zh', 'en'], release: ['3.10.0', '3.9.0'], stale: ['true'] };

describe('index state in the URL', () => {
  it('reads known values, one per filter, and drops the rest', () => {
    const state = readIndexState(new URLSearchParams('status=accepted&component=nope&lang=en&release=3.9.0&stale=true&sort=score&order=asc'), values);
    expect(state).toEqual({ filters: { status: 'accepted', lang: 'en', release: '3.9.0', stale: 'true' }, sort: 'score', order: 'asc' });
    expect(readIndexState(new URLSearchParams('sort=evil&order=sideways'), values)).toEqual(DEFAULT_INDEX_STATE);
  });

  it('writes only what differs from newest first, and round-trips', () => {
    expect(writeIndexState(DEFAULT_INDEX_STATE).toString()).toBe('');
    const state = { filters: { component: 'compression', status: 'draft' }, sort: 'title' as const, order: 'asc' as const };
    expect(writeIndexState(state).toString()).toBe('status=draft&component=compression&sort=title&order=asc');
    expect(readIndexState(writeIndexState(state), values)).toEqual(state);
  });

  it('toggles a filter value, and sorts a column again in the other order', () => {
    const on = toggleFilter(DEFAULT_INDEX_STATE, 'status', 'draft');
    expect(on.filters).toEqual({ status: 'draft' });
    expect(toggleFilter(on, 'status', 'accepted').filters).toEqual({ status: 'accepted' });
    expect(toggleFilter(on, 'status', 'draft').filters).toEqual({});
    expect(sortBy(DEFAULT_INDEX_STATE, 'title')).toMatchObject({ sort: 'title', order: 'asc' });
    expect(sortBy(DEFAULT_INDEX_STATE, 'score')).toMatchObject({ sort: 'score', order: 'desc' });
    expect(sortBy(sortBy(DEFAULT_INDEX_STATE, 'title'), 'title')).toMatchObject({ sort: 'title', order: 'desc' });
  });
});

describe('rows', () => {
  const rows = [
    row('a', { components: ['compression', 'compaction'], score: 90, updated: '2026-03-01', statusOrder: 2, status: 'accepted', dod: 1 }),
    row('b', { lang: 'en', stale: true, score: 40, release: '3.9.0' }),
    row('c', { components: ['storage'], score: 90, updated: '2025-12-01' }),
  ];

  it('match every chosen filter at once; a component matches as main or related', () => {
    const ids = (filters: Parameters<typeof rowMatches>[1]) => rows.filter((r) => rowMatches(r, filters)).map((r) => r.id);
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ component: 'compaction' })).toEqual(['a', 'b']);
    expect(ids({ component: 'compaction', lang: 'zh' })).toEqual(['a']);
    expect(ids({ stale: 'true' })).toEqual(['b']);
    expect(ids({ release: '3.9.0', status: 'draft' })).toEqual(['b']);
    expect(ids({ status: 'rejected' })).toEqual([]);
  });

  it('sort by any column, ties in id order, statuses in their life-cycle order, unjudged DoD last', () => {
    const ids = (sort: Parameters<typeof sortRows>[1]) => sortRows(rows, sort).map((r) => r.id);
    expect(ids({ sort: 'updated', order: 'desc' })).toEqual(['a', 'b', 'c']);
    expect(ids({ sort: 'score', order: 'desc' })).toEqual(['a', 'c', 'b']);
    expect(ids({ sort: 'score', order: 'asc' })).toEqual(['b', 'a', 'c']);
    expect(ids({ sort: 'status', order: 'asc' })).toEqual(['b', 'c', 'a']);
    expect(ids({ sort: 'dod', order: 'desc' })).toEqual(['a', 'b', 'c']);
    expect(ids({ sort: 'component', order: 'asc' })).toEqual(['b', 'a', 'c']);
  });
});

describe('indexStylesheet', () => {
  it('hides, while a filter is the target, the rows that do not match it, for every value', () => {
    const css = indexStylesheet(values);
    expect(css).toContain('[data-proposal-index]:has(#f-status-draft:target) tbody tr:not([data-status="draft"]) { display: none; }');
    expect(css).toContain('[data-proposal-index]:has(#f-component-compaction:target) tbody tr:not([data-components~="compaction"]) { display: none; }');
    // A release's dots are escaped in the id selector, not in the attribute's string.
    expect(css).toContain('[data-proposal-index]:has(#f-release-3\\2e 10\\2e 0:target) tbody tr:not([data-release="3.10.0"]) { display: none; }');
    expect(css).toContain('a[href="#f-stale-true"]');
    expect(css.match(/display: none/g)).toHaveLength(2 + 2 + 2 + 2 + 1);
    expect(filterFragment('release', '3.9.0')).toBe('f-release-3.9.0');
  });
});
