import { describe, expect, it } from 'vitest';
import { componentSearchUrl, describeResults, isEmptySearch, pagefindFilters, readSearchState, writeSearchState } from '../../src/lib/search-state.ts';

describe('search state in the URL', () => {
  it('round-trips a query with filters, in either language', () => {
    const state = { query: '日志清理 cleaner', components: ['Log compaction', 'Compression codecs'], statuses: ['Draft'] };
    const params = writeSearchState(state);
    expect(params.toString()).toBe('q=%E6%97%A5%E5%BF%97%E6%B8%85%E7%90%86+cleaner&component=Log+compaction&component=Compression+codecs&status=Draft');
    expect(readSearchState(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it('drops filter values the site does not know, and duplicates', () => {
    expect(readSearchState(new URLSearchParams('q=%20zstd%20&component=Nope&component=Log+compaction&component=Log+compaction&status=Drafted'))).toEqual({
      query: 'zstd',
      components: ['Log compaction'],
      statuses: [],
    });
  });

  it('knows an empty search', () => {
    expect(isEmptySearch(readSearchState(new URLSearchParams('')))).toBe(true);
    expect(isEmptySearch(readSearchState(new URLSearchParams('status=Draft')))).toBe(false);
  });

  it('builds Pagefind filters as any-of within a group', () => {
    expect(pagefindFilters({ query: 'x', components: ['A', 'B'], statuses: [] })).toEqual({ component: { any: ['A', 'B'] } });
    expect(pagefindFilters({ query: 'x', components: [], statuses: [] })).toEqual({});
  });

  it('links a component to the search page with its filter applied', () => {
    expect(componentSearchUrl('Network & request handling')).toBe('/search/?component=Network+%26+request+handling');
  });

  it('describes results and the empty case', () => {
    expect(describeResults({ query: '压缩', components: [], statuses: [] }, 3)).toBe('3 proposals match “压缩”.');
    expect(describeResults({ query: 'zstd', components: ['Log compaction'], statuses: [] }, 1)).toBe('1 proposal matches “zstd” in Log compaction.');
    expect(describeResults({ query: 'nothing', components: [], statuses: [] }, 0)).toMatch(/^No proposals match “nothing”\./);
  });
});
