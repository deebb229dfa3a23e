import { describe, expect, it } from 'vitest';
import { translator } from '../../src/lib/i18n/translate.ts';
import {
  componentFilterValue,
  componentSearchUrl,
  describeResults,
  isEmptySearch,
  pagefindFilters,
  readSearchState,
  statusFilterValue,
  writeSearchState,
} from '../../src/lib/search-state.ts';
import { COMPONENTS } from '../../src/lib/vocabulary/components.ts';
import { STATUSES } from '../../src/lib/vocabulary/statuses.ts';

/** What the search page's checkboxes offer. */
const known = { components: COMPONENTS.map(componentFilterValue), statuses: STATUSES.map(statusFilterValue) };

describe('search state in the URL', () => {
  it('round-trips a query with filters, in either language', () => {
    const state = { query: '日志清理 cleaner', components: ['Log compaction', 'Compression codecs'], statuses: ['Draft'] };
    const params = writeSearchState(state);
    expect(params.toString()).toBe('q=%E6%97%A5%E5%BF%97%E6%B8%85%E7%90%86+cleaner&component=Log+compaction&component=Compression+codecs&status=Draft');
    expect(readSearchState(new URLSearchParams(params.toString()), known)).toEqual(state);
  });

  it('filters by the stable names: English component names and frontmatter statuses', () => {
    expect(known.components).toContain('Log compaction');
    expect(known.statuses).toContain('Under Discussion');
    expect(readSearchState(new URLSearchParams('component=日志压实&status=草稿'), known)).toEqual({ query: '', components: [], statuses: [] });
  });

  it('drops filter values the site does not know, and duplicates', () => {
    expect(readSearchState(new URLSearchParams('q=%20zstd%20&component=Nope&component=Log+compaction&component=Log+compaction&status=Drafted'), known)).toEqual({
      query: 'zstd',
      components: ['Log compaction'],
      statuses: [],
    });
  });

  it('knows an empty search', () => {
    expect(isEmptySearch(readSearchState(new URLSearchParams(''), known))).toBe(true);
    expect(isEmptySearch(readSearchState(new URLSearchParams('status=Draft'), known))).toBe(false);
  });

  it('builds Pagefind filters as any-of within a group', () => {
    expect(pagefindFilters({ query: 'x', components: ['A', 'B'], statuses: [] })).toEqual({ component: { any: ['A', 'B'] } });
    expect(pagefindFilters({ query: 'x', components: [], statuses: [] })).toEqual({});
  });

  it('links a component to the search page with its filter applied', () => {
    expect(componentSearchUrl('Network & request handling')).toBe('/search/?component=Network+%26+request+handling');
  });

  it('describes results and the empty case, in English', () => {
    const t = translator('en');
    expect(describeResults({ query: '压缩', components: [], statuses: [] }, 3, t)).toBe('3 proposals match “压缩”.');
    expect(describeResults({ query: 'zstd', components: ['Log compaction'], statuses: [] }, 1, t)).toBe('1 proposal matches “zstd” in Log compaction.');
    expect(describeResults({ query: '', components: [], statuses: ['Draft'] }, 2, t)).toBe('2 proposals match the chosen filters.');
    expect(describeResults({ query: 'nothing', components: [], statuses: [] }, 0, t)).toMatch(/^No proposals match “nothing”\./);
  });

  it('describes results in Chinese, with the filters by their Chinese names', () => {
    const t = translator('zh');
    const label = (value: string) => ({ 'Log compaction': '日志压实', Draft: '草稿' })[value] ?? value;
    expect(describeResults({ query: '压缩', components: [], statuses: [] }, 3, t, label)).toBe('找到 3 篇匹配“压缩”的提案。');
    expect(describeResults({ query: 'zstd', components: ['Log compaction'], statuses: ['Draft'] }, 1, t, label)).toBe('在日志压实、草稿中找到 1 篇匹配“zstd”的提案。');
    expect(describeResults({ query: 'nothing', components: [], statuses: [] }, 0, t, label)).toMatch(/^没有匹配“nothing”的提案。/);
  });
});
