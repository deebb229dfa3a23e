import { describe, expect, it } from 'vitest';
import { translator } from '../../src/lib/i18n/translate.ts';
import {
  componentFilterAlias,
  componentFilterValue,
  chinesePhrase,
  componentSearchUrl,
  describeResults,
  dodFilterValue,
  isEmptySearch,
  pagefindFilters,
  readSearchState,
  statusFilterValue,
  writeSearchState,
} from '../../src/lib/search-state.ts';
import { COMPONENTS } from '../../src/lib/vocabulary/components.ts';
import { DOD_VERDICTS } from '../../src/lib/vocabulary/dod-verdicts.ts';
import { STATUSES } from '../../src/lib/vocabulary/statuses.ts';

/** What the search page's checkboxes offer. */
const known = {
  components: COMPONENTS.map(componentFilterValue),
  statuses: STATUSES.map(statusFilterValue),
  dodVerdicts: DOD_VERDICTS.map(dodFilterValue),
  componentAliases: Object.fromEntries(COMPONENTS.map((c) => [componentFilterAlias(c), componentFilterValue(c)])),
};

/** A state with no filter, to spread the ones a test sets over. */
const none = { query: '', components: [], statuses: [], dodVerdicts: [] };

describe('search state in the URL', () => {
  it('round-trips a query with filters, in either language', () => {
    const state = { query: '日志清理 cleaner', components: ['compaction', 'compression'], statuses: ['Draft'], dodVerdicts: ['met', 'missed'] };
    const params = writeSearchState(state);
    expect(params.toString()).toBe('q=%E6%97%A5%E5%BF%97%E6%B8%85%E7%90%86+cleaner&component=compaction&component=compression&status=Draft&dod=met&dod=missed');
    expect(readSearchState(new URLSearchParams(params.toString()), known)).toEqual(state);
  });

  it('filters by the stable names: component ids, frontmatter statuses and verdict ids', () => {
    expect(known.components).toContain('compaction');
    expect(known.statuses).toContain('Under Discussion');
    expect(known.dodVerdicts).toEqual(['met', 'missed', 'inconclusive', 'none']);
    expect(readSearchState(new URLSearchParams('component=日志压实&status=草稿&dod=达成&dod=Met'), known)).toEqual(none);
    expect(readSearchState(new URLSearchParams('dod=inconclusive&dod=none'), known)).toEqual({ ...none, dodVerdicts: ['inconclusive', 'none'] });
  });

  it('still reads a link written before ids: a component by its English name means that component', () => {
    expect(readSearchState(new URLSearchParams('component=Log+compaction&status=Accepted'), known)).toEqual({ ...none, components: ['compaction'], statuses: ['Accepted'] });
    // An old name and its id in one link are one filter; a name is an alias only where the page gives it.
    expect(readSearchState(new URLSearchParams('component=Log+compaction&component=compaction'), known).components).toEqual(['compaction']);
    expect(readSearchState(new URLSearchParams('component=Log+compaction'), { ...known, componentAliases: undefined }).components).toEqual([]);
    expect(readSearchState(new URLSearchParams('component=toString&component=constructor'), known).components).toEqual([]);
  });

  it('drops filter values the site does not know, and duplicates', () => {
    expect(readSearchState(new URLSearchParams('q=%20zstd%20&component=Nope&component=compaction&component=compaction&status=Drafted&dod=met&dod=met&dod=no-data'), known)).toEqual({
      query: 'zstd',
      components: ['compaction'],
      statuses: [],
      dodVerdicts: ['met'],
    });
  });

  it('knows an empty search', () => {
    expect(isEmptySearch(readSearchState(new URLSearchParams(''), known))).toBe(true);
    expect(isEmptySearch(readSearchState(new URLSearchParams('status=Draft'), known))).toBe(false);
    expect(isEmptySearch(readSearchState(new URLSearchParams('dod=missed'), known))).toBe(false);
    expect(isEmptySearch(readSearchState(new URLSearchParams('dod=unknown'), known))).toBe(true);
  });

  it('builds Pagefind filters as any-of within a group', () => {
    expect(pagefindFilters({ ...none, query: 'x', components: ['A', 'B'] })).toEqual({ component: { any: ['A', 'B'] } });
    expect(pagefindFilters({ ...none, query: 'x' })).toEqual({});
    expect(pagefindFilters({ ...none, statuses: ['Draft'], dodVerdicts: ['met', 'inconclusive'] })).toEqual({ status: { any: ['Draft'] }, dod: { any: ['met', 'inconclusive'] } });
  });

  it('links a component to the search page with its filter applied', () => {
    expect(componentSearchUrl('tiered-storage')).toBe('/search/?component=tiered-storage');
  });

  it('describes results and the empty case, in English', () => {
    const t = translator('en');
    expect(describeResults({ ...none, query: '压缩' }, 3, t)).toBe('3 proposals match “压缩”.');
    expect(describeResults({ ...none, query: 'zstd', components: ['Log compaction'] }, 1, t)).toBe('1 proposal matches “zstd” in Log compaction.');
    expect(describeResults({ ...none, statuses: ['Draft'] }, 2, t)).toBe('2 proposals match the chosen filters.');
    expect(describeResults({ ...none, query: 'nothing' }, 0, t)).toMatch(/^No proposals match “nothing”\./);
  });

  it('describes results in Chinese, with the filters by their Chinese names', () => {
    const t = translator('zh');
    const label = (_group: string, value: string) => ({ 'Log compaction': '日志压实', Draft: '草稿' })[value] ?? value;
    expect(describeResults({ ...none, query: '压缩' }, 3, t, label)).toBe('找到 3 篇匹配“压缩”的提案。');
    expect(describeResults({ ...none, query: 'zstd', components: ['Log compaction'], statuses: ['Draft'] }, 1, t, label)).toBe('在日志压实、草稿中找到 1 篇匹配“zstd”的提案。');
    expect(describeResults({ ...none, query: 'nothing' }, 0, t, label)).toMatch(/^没有匹配“nothing”的提案。/);
  });

  it('words a chosen verdict as a Definition of Done verdict, by its group, in either language', () => {
    // The same value could be a label elsewhere: the group, not the value, says which words it takes.
    const labels = { zh: { met: '达成', missed: '未达成' }, en: { met: 'Met', missed: 'Missed' } } as const;
    for (const locale of ['zh', 'en'] as const) {
      const groups: string[] = [];
      const label = (group: string, value: string) => {
        groups.push(group);
        return group === 'dod' ? (labels[locale][value as 'met' | 'missed'] ?? value) : value === 'Log compaction' ? (locale === 'zh' ? '日志压实' : value) : value;
      };
      const sentence = describeResults({ ...none, query: 'zstd', components: ['Log compaction'], dodVerdicts: ['met', 'missed'] }, 2, translator(locale), label);
      expect(groups).toEqual(['component', 'dod', 'dod']);
      expect(sentence).toBe(locale === 'zh' ? '在日志压实、DoD 达成、DoD 未达成中找到 2 篇匹配“zstd”的提案。' : '2 proposals match “zstd” in Log compaction, DoD Met, DoD Missed.');
    }
    expect(describeResults({ ...none, dodVerdicts: ['inconclusive'] }, 0, translator('en'))).toBe('No proposals match the chosen filters. Try fewer or other words, or remove a filter.');
  });
});

describe('chinesePhrase', () => {
  it('searches a query of Chinese characters alone as one exact phrase', () => {
    // In the words the segmenter finds, with spaces: an English page does not segment a quoted run.
    expect(chinesePhrase(' 日志清理 ')).toEqual({ phrase: '"日志 清理"', words: '日志 清理' });
    expect(chinesePhrase('压实')!.phrase).toMatch(/^"压 ?实"$/);
  });

  it('leaves every other query as written: one character, words with spaces, mixed scripts, punctuation', () => {
    for (const query of ['压', '日志 清理', 'zstd 压缩', '压缩zstd', 'cleaner', '"压实"', '压实。', '']) expect(chinesePhrase(query), query).toBeUndefined();
  });
});
