/**
 * The Atom writer and what the site's feeds say. Well-formedness is checked by a real XML parser
 * end to end (tests/e2e/feeds.spec.ts, Chromium's DOMParser); here, the escaping, dates, order and
 * structure, with focused string checks.
 */
import { describe, expect, it } from 'vitest';
import { toProposal, type Proposal } from '../../src/lib/catalogue.ts';
import { atomDate, escapeXmlAttribute, escapeXmlText, writeAtomFeed, type AtomEntry, type AtomFeed } from '../../src/lib/feeds/atom.ts';
import { FEED_ENTRY_LIMIT, feedLink, feedPath, feedProposals, proposalFeed, type FeedSite } from '../../src/lib/feeds/proposal-feed.ts';
import { readProposal, recordOf, type ValidProposalRecord } from '../../src/lib/reader/read-proposal.ts';
import { getComponent } from '../../src/lib/vocabulary/components.ts';
import { proposalSource } from '../helpers/proposal-source.ts';

/** Everything a contributor might put in a title to break a feed or a reader. */
const HOSTILE = `<script>alert("x")</script> ]]> & 'q' \u0000\u0007\u001b\uFFFE\uD800 end`;

/** Any character XML 1.0 does not allow, anywhere in a document. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** The text of the first element of this name, as written (still escaped). */
function elementText(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(xml)?.[1];
}

function entries(xml: string): string[] {
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
}

const ENTRY: AtomEntry = {
  id: 'https://example.test/proposals/a/',
  title: 'A title',
  updated: '2026-03-05',
  published: '2026-03-02',
  link: 'https://example.test/proposals/a/',
  authors: [{ name: 'Ada', uri: 'https://example.org/ada' }, { name: 'Bo' }, { name: 'Cy', email: 'cy@example.org' }],
  categories: [{ term: 'draft', label: 'Draft', scheme: 'https://example.test/status/' }],
  summary: 'Draft proposal.',
};

const FEED: AtomFeed = {
  lang: 'en',
  id: 'https://example.test/feeds/all.xml',
  title: 'All',
  subtitle: 'Everything',
  updated: '2026-03-05',
  self: 'https://example.test/feeds/all.xml',
  alternate: 'https://example.test/proposals/',
  authors: [{ name: 'Site', uri: 'https://example.test/' }],
  entries: [ENTRY],
};

describe('XML escaping', () => {
  it('escapes markup and drops the characters XML 1.0 forbids, in text', () => {
    expect(escapeXmlText(HOSTILE)).toBe(`&lt;script&gt;alert("x")&lt;/script&gt; ]]&gt; &amp; 'q'  end`);
    expect(escapeXmlText('a\tb\nc\r\nd')).toBe('a\tb\nc&#13;\nd');
    // A character outside the Basic Multilingual Plane is kept whole; an unpaired surrogate is not.
    expect(escapeXmlText('\u{1F600}\uDC00')).toBe('\u{1F600}');
  });

  it('escapes quotes and whitespace the parser would normalise, in attributes', () => {
    expect(escapeXmlAttribute(`"a" & 'b' <c>\t\n\r\u0001`)).toBe('&quot;a&quot; &amp; &apos;b&apos; &lt;c&gt;&#9;&#10;&#13;');
  });

  it('writes hostile text in every field as text, never as markup', () => {
    const xml = writeAtomFeed({
      ...FEED,
      title: HOSTILE,
      subtitle: HOSTILE,
      entries: [
        {
          ...ENTRY,
          id: `https://example.test/?a=1&b="2"`,
          title: HOSTILE,
          link: `https://example.test/?a=1&b="2"<x>`,
          authors: [{ name: HOSTILE, uri: `mailto:a@example.org?subject=${HOSTILE}` }],
          categories: [{ term: HOSTILE, label: HOSTILE, scheme: HOSTILE }],
          summary: HOSTILE,
        },
      ],
    });
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain(']]>');
    expect(xml).not.toMatch(NOT_XML);
    // Every & starts one of the references the writer writes.
    expect(xml).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#9|#10|#13);)/);
    // Every tag is one the writer writes: none came from the text.
    const tags = new Set([...xml.matchAll(/<\/?([A-Za-z?][^\s/>]*)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['?xml', 'author', 'category', 'entry', 'feed', 'id', 'link', 'name', 'published', 'subtitle', 'summary', 'title', 'updated', 'uri'].sort());
    const escaped = `&lt;script&gt;alert("x")&lt;/script&gt; ]]&gt; &amp; 'q'  end`;
    expect(elementText(entries(xml)[0]!, 'summary')).toBe(escaped);
    expect(entries(xml)[0]).toContain(`<link rel="alternate" type="text/html" href="https://example.test/?a=1&amp;b=&quot;2&quot;&lt;x&gt;"/>`);
    expect(entries(xml)[0]).toContain(`label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ]]&gt; &amp; &apos;q&apos;  end"`);
  });
});

describe('Atom dates', () => {
  it('writes a calendar date as an RFC 3339 date-time at midnight UTC', () => {
    expect(atomDate('2026-03-02')).toBe('2026-03-02T00:00:00Z');
    expect(atomDate('2024-02-29')).toBe('2024-02-29T00:00:00Z');
  });

  it('refuses anything that is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2026-3-2', '2026-02-30', '2026-03-02T10:00:00Z', '', 'yesterday']) expect(() => atomDate(bad), bad).toThrow(/YYYY-MM-DD/);
  });
});

describe('the Atom writer', () => {
  it('writes a UTF-8 document with the Atom namespace and the feed language', () => {
    const xml = writeAtomFeed(FEED);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n')).toBe(true);
    expect(xml.endsWith('</feed>\n')).toBe(true);
  });

  it('writes the feed head: id, title, subtitle, updated, self and alternate links, author', () => {
    const head = writeAtomFeed(FEED).split('<entry>')[0]!;
    expect(elementText(head, 'id')).toBe('https://example.test/feeds/all.xml');
    expect(head).toContain('<title type="text">All</title>');
    expect(head).toContain('<subtitle type="text">Everything</subtitle>');
    expect(elementText(head, 'updated')).toBe('2026-03-05T00:00:00Z');
    expect(head).toContain('<link rel="self" type="application/atom+xml" href="https://example.test/feeds/all.xml"/>');
    expect(head).toContain('<link rel="alternate" type="text/html" href="https://example.test/proposals/"/>');
    expect(head).toContain('<author><name>Site</name><uri>https://example.test/</uri></author>');
  });

  it('writes each entry with its dates, link, one author element per author, categories and summary', () => {
    const [entry] = entries(writeAtomFeed(FEED));
    expect(elementText(entry!, 'id')).toBe('https://example.test/proposals/a/');
    expect(elementText(entry!, 'updated')).toBe('2026-03-05T00:00:00Z');
    expect(elementText(entry!, 'published')).toBe('2026-03-02T00:00:00Z');
    expect(entry).toContain('<link rel="alternate" type="text/html" href="https://example.test/proposals/a/"/>');
    expect(entry!.match(/<author>/g)).toHaveLength(3);
    expect(entry).toContain('<author><name>Ada</name><uri>https://example.org/ada</uri></author>');
    expect(entry).toContain('<author><name>Bo</name></author>');
    expect(entry).toContain('<author><name>Cy</name><email>cy@example.org</email></author>');
    expect(entry).toContain('<category term="draft" scheme="https://example.test/status/" label="Draft"/>');
    expect(entry).toContain('<summary type="text">Draft proposal.</summary>');
  });

  it('marks an entry title in another language with its own xml:lang', () => {
    const [entry] = entries(writeAtomFeed({ ...FEED, entries: [{ ...ENTRY, title: '日志清理', titleLang: 'zh-CN' }] }));
    expect(entry).toContain('<title type="text" xml:lang="zh-CN">日志清理</title>');
  });

  it('keeps the entries in the order given', () => {
    const xml = writeAtomFeed({ ...FEED, entries: ['c', 'a', 'b'].map((id) => ({ ...ENTRY, id })) });
    expect(entries(xml).map((e) => elementText(e, 'id'))).toEqual(['c', 'a', 'b']);
  });
});

function proposal(id: string, fields: Record<string, unknown> = {}, body?: string): Proposal {
  const reading = readProposal(`${id}.md`, `${id}.md`, proposalSource({ title: id, created: '2026-01-01', updated: '2026-01-01', ...fields }, body));
  expect(reading.errors).toEqual([]);
  return toProposal(recordOf(reading) as ValidProposalRecord, { buildDate: '2026-11-26', staleAfterDays: 180 });
}

const SITE: FeedSite = { locale: 'en', site: 'https://example.test', buildDate: '2026-11-26', base: '/' };

describe('the proposal feeds', () => {
  const catalogue = [
    proposal('old-compaction', { updated: '2026-02-01', component: 'compaction', status: 'Draft' }),
    proposal('new-network', { updated: '2026-11-20', component: 'network', relatedComponents: ['compaction'], status: 'Accepted', lang: 'zh', title: '网络：优先级队列' }),
    proposal('mid-compaction', { updated: '2026-06-01', created: '2026-05-01', component: 'compaction', status: 'Under Discussion' }),
  ];
  const compaction = { kind: 'component', component: getComponent('compaction') } as const;

  it('lists every proposal, newest update first, whatever the order given', () => {
    const feed = proposalFeed(catalogue, { kind: 'all' }, SITE);
    expect(feed.entries.map((e) => e.id)).toEqual(['new-network', 'mid-compaction', 'old-compaction'].map((id) => `https://example.test/en/proposals/${id}/`));
    expect(feed.updated).toBe('2026-11-20');
    expect(feed.entries.map((e) => [e.updated, e.published])).toEqual([
      ['2026-11-20', '2026-01-01'],
      ['2026-06-01', '2026-05-01'],
      ['2026-02-01', '2026-01-01'],
    ]);
  });

  it('keeps the most recently updated proposals only, FEED_ENTRY_LIMIT of them', () => {
    expect(feedProposals(catalogue, { kind: 'all' }, 2).map((p) => p.id)).toEqual(['new-network', 'mid-compaction']);
    expect(feedProposals(catalogue, compaction, 1).map((p) => p.id)).toEqual(['mid-compaction']);
    const many = Array.from({ length: FEED_ENTRY_LIMIT + 1 }, () => catalogue[0]!);
    expect(proposalFeed(many, { kind: 'all' }, SITE).entries).toHaveLength(FEED_ENTRY_LIMIT);
  });

  it('lists in a component feed the proposals whose primary component it is, as its page does', () => {
    const feed = proposalFeed(catalogue, compaction, SITE);
    expect(feed.entries.map((e) => e.id)).toEqual(['mid-compaction', 'old-compaction'].map((id) => `https://example.test/en/proposals/${id}/`));
    expect(feed.updated).toBe('2026-06-01');
    expect(feed.alternate).toBe('https://example.test/en/components/compaction/');
    expect(feed.title).toBe(`Kafka Broker Proposals: ${getComponent('compaction').name.en}`);
  });

  it('writes a component with no proposal as an empty feed dated the build day', () => {
    const feed = proposalFeed(catalogue, { kind: 'component', component: getComponent('kraft') }, SITE);
    expect(feed.entries).toEqual([]);
    expect(feed.updated).toBe('2026-11-26');
    expect(feed.authors).toHaveLength(1);
    const xml = writeAtomFeed(feed);
    expect(xml).not.toContain('<entry>');
    expect(elementText(xml, 'updated')).toBe('2026-11-26T00:00:00Z');
  });

  it('gives each entry its status and component as categories, named in the feed language', () => {
    const [entry] = proposalFeed(catalogue, compaction, { ...SITE, locale: 'zh' }).entries;
    expect(entry!.categories).toEqual([
      { term: 'under-discussion', label: '讨论中', scheme: 'https://example.test/status/' },
      { term: 'compaction', label: getComponent('compaction').name.zh, scheme: 'https://example.test/components/' },
    ]);
  });

  it('marks each title with the language the proposal is written in, and the feed with the interface language', () => {
    const en = proposalFeed(catalogue, { kind: 'all' }, SITE);
    expect(en.lang).toBe('en');
    expect(en.entries.map((e) => e.titleLang)).toEqual(['zh-CN', 'en', 'en']);
    expect(en.entries[0]!.title).toBe('网络：优先级队列');
    expect(proposalFeed(catalogue, { kind: 'all' }, { ...SITE, locale: 'zh' }).lang).toBe('zh-CN');
  });

  it('says in the summary the status, component, score and level, staleness and problem, in the feed language', () => {
    const stale = proposal('old-draft', { updated: '2026-01-01', status: 'Draft' });
    const fresh = proposal('fresh', { updated: '2026-11-01', status: 'Draft' }, '## 1) Summary\n- **Problem**: {{placeholder}}\n');
    expect(stale.staleness).toEqual({ stale: true, daysSinceUpdate: 329 });
    const { score, level } = stale.completeness;
    expect(level).toBe('skeleton');
    const failed = stale.completeness.checks.filter((c) => !c.passed).length;
    const component = getComponent('compaction');

    const [enFresh, enStale] = proposalFeed([stale, fresh], { kind: 'all' }, SITE).entries;
    expect(enStale!.summary).toBe(
      `Draft proposal for ${component.name.en}. Completeness ${score} of 100, Skeleton, ${failed} rules not met. Stale: not updated for 329 days. Problem: The cleaner allocates a new buffer for every batch.`,
    );
    expect(enFresh!.summary).not.toMatch(/Stale|Problem/);
    expect(enFresh!.summary).toContain(`Completeness ${fresh.completeness.score} of 100`);

    const [zhStale] = proposalFeed([stale], { kind: 'all' }, { ...SITE, locale: 'zh' }).entries;
    expect(zhStale!.summary).toBe(
      `${component.name.zh}方向的提案，状态：草稿。完整度 ${score}/100，骨架，${failed} 条规则未满足。停滞：已 329 天未更新。要解决：The cleaner allocates a new buffer for every batch.`,
    );
  });

  it('writes every URL under the base path and the language prefix', () => {
    const feed = proposalFeed(catalogue, compaction, { ...SITE, base: '/kafka-proposals/' });
    expect(feed.id).toBe('https://example.test/kafka-proposals/en/feeds/components/compaction.xml');
    expect(feed.self).toBe(feed.id);
    expect(feed.entries[0]!.link).toBe('https://example.test/kafka-proposals/en/proposals/mid-compaction/');
    expect(feed.entries[0]!.categories[0]!.scheme).toBe('https://example.test/kafka-proposals/en/status/');
    const zh = proposalFeed(catalogue, { kind: 'all' }, { ...SITE, locale: 'zh', base: '/kafka-proposals/' });
    expect(zh.self).toBe('https://example.test/kafka-proposals/feeds/all.xml');
    expect(zh.alternate).toBe('https://example.test/kafka-proposals/proposals/');
  });

  it('gives an author’s mailto: link as an Atom email, and any other link as a uri', () => {
    const p = proposal('two-authors', { authors: [{ name: 'Ada', link: 'mailto:ada@example.org' }, { name: 'Bo', link: 'https://example.org/bo' }] });
    expect(proposalFeed([p], { kind: 'all' }, SITE).entries[0]!.authors).toEqual([
      { name: 'Ada', email: 'ada@example.org' },
      { name: 'Bo', uri: 'https://example.org/bo' },
    ]);
  });

  it('keeps a hostile title and author as text through to the document', () => {
    const hostile = proposal('hostile', { title: '<script>alert(1)</script> & "x" ]]>', authors: [{ name: '<b>Mallory</b> & co' }] });
    const xml = writeAtomFeed(proposalFeed([hostile], { kind: 'all' }, SITE));
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain(']]>');
    expect(entries(xml)[0]).toContain('<title type="text" xml:lang="en">&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x" ]]&gt;</title>');
    expect(entries(xml)[0]).toContain('<author><name>&lt;b&gt;Mallory&lt;/b&gt; &amp; co</name></author>');
  });

  it('links a page to a feed by its path and title in the page language', () => {
    expect(feedPath({ kind: 'all' })).toBe('/feeds/all.xml');
    expect(feedLink(compaction, 'zh')).toEqual({ title: `Kafka Broker 提案库：${getComponent('compaction').name.zh}`, path: '/feeds/components/compaction.xml' });
    expect(feedLink({ kind: 'all' }, 'en')).toEqual({ title: 'Kafka Broker Proposals: all proposals', path: '/feeds/all.xml' });
  });
});
