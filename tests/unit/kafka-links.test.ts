/**
 * Kafka references in proposal bodies become links (src/lib/markdown/kafka-links.ts), through the
 * site's own Markdown pipeline (src/markdown/body-renderer.ts): Sätteri with Shiki and the site's plugins, then the sanitiser.
 */
import type { Element, Root } from 'hast';
import { markdownToHtml as satteriToHtml } from 'satteri';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { jiraUrl, KIP_INDEX_URL, kafkaCodeSearchUrl, kafkaMethodSearchUrl, kipUrl } from '../../src/lib/links.ts';
import { findKafkaReferences, linkKafkaReferences, planKafkaLinks, wholeKafkaReference } from '../../src/lib/markdown/kafka-links.ts';
import { READING_INPUTS } from '../../src/lib/reader/reading-cache.ts';
import { sanitizeHtml } from '../../src/lib/reader/sanitize.ts';
import { KNOWN_JIRA_ISSUES, KNOWN_KIPS } from '../../src/lib/vocabulary/kafka-references.ts';
import { createMarkdownPipeline } from '../../src/markdown/body-renderer.ts';
import { kafkaLinks } from '../../src/markdown/kafka-links.ts';

const KIP_390 = 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-390%3A+Support+Compression+Level';
const search = (term: string) => `https://github.com/search?q=repo%3Aapache%2Fkafka+${term}&type=code`;
/** The search for a method in the file its class is named after. */
const methodSearch = (className: string, method: string) => search(`path%3A%2F(%5E%7C%5C%2F)${className}%5C.(java%7Cscala)%24%2F+${method}`);

/** The links in rendered HTML, as [text, href], in order. */
function links(html: string): [string, string][] {
  return [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g)].map((m) => [m[2]!.replace(/<[^>]+>/g, ''), m[1]!.replaceAll('&#x26;', '&').replaceAll('&amp;', '&')]);
}

/** Markdown as the build renders a proposal: Sätteri, Shiki, the site's hast plugins, then the sanitiser. */
let renderProposal: (markdown: string) => Promise<string>;
beforeAll(async () => {
  const renderer = await createMarkdownPipeline();
  renderProposal = async (markdown) => sanitizeHtml((await renderer.render(markdown)).code);
});

/** The references in a text, as [text, kind, href]. */
function found(text: string) {
  return findKafkaReferences(text).map((r) => [text.slice(r.start, r.end), r.kind, r.href]);
}

describe('addresses', () => {
  it('links a KIP with a verified page title to its page, encoded as Confluence addresses it', () => {
    expect(kipUrl(390)).toBe(KIP_390);
    expect(kipUrl(1150)).toBe('https://cwiki.apache.org/confluence/display/KAFKA/KIP-1150%3A+Diskless+Topics');
    expect(kipUrl(227)).toBe('https://cwiki.apache.org/confluence/display/KAFKA/KIP-227%3A+Introduce+Incremental+FetchRequests+to+Increase+Partition+Scalability');
  });

  it('links any other KIP, and one whose title is unverified, to the KIP index', () => {
    expect(kipUrl(848)).toBe(KIP_INDEX_URL);
    expect(kipUrl(58)).toBe(KIP_INDEX_URL);
    expect(KIP_INDEX_URL).toBe('https://cwiki.apache.org/confluence/display/KAFKA/Kafka+Improvement+Proposals');
  });

  it('every verified KIP has a page title that names it, and an address without spaces', () => {
    for (const kip of KNOWN_KIPS) {
      if (!kip.verified) {
        expect(kipUrl(kip.number)).toBe(KIP_INDEX_URL);
        continue;
      }
      expect(kip.wikiPageTitle.startsWith(`KIP-${kip.number}: `)).toBe(true);
      expect(kipUrl(kip.number)).toMatch(new RegExp(`^https://cwiki\\.apache\\.org/confluence/display/KAFKA/KIP-${kip.number}%3A\\+[A-Za-z0-9+%._~-]+$`));
    }
    expect(KNOWN_JIRA_ISSUES.map((i) => i.id)).toEqual(['KAFKA-8106', 'KAFKA-14633', 'KAFKA-9401', 'KAFKA-15653']);
  });

  it('searches apache/kafka for a class or a path, encoded', () => {
    expect(kafkaCodeSearchUrl('FetchSessionCache')).toBe('https://github.com/search?q=repo%3Aapache%2Fkafka+FetchSessionCache&type=code');
    expect(kafkaCodeSearchUrl('core/src/main/scala/kafka/server/KafkaApis.scala')).toBe(
      'https://github.com/search?q=repo%3Aapache%2Fkafka+core%2Fsrc%2Fmain%2Fscala%2Fkafka%2Fserver%2FKafkaApis.scala&type=code',
    );
    expect(jiraUrl('KAFKA-14633')).toBe('https://issues.apache.org/jira/browse/KAFKA-14633');
  });

  it('searches for a method in the file its class is named after, in Java or Scala', () => {
    const url = new URL(kafkaMethodSearchUrl('ReplicaManager', 'appendRecords'));
    expect(url.searchParams.get('q')).toBe('repo:apache/kafka path:/(^|\\/)ReplicaManager\\.(java|scala)$/ appendRecords');
    expect(url.searchParams.get('type')).toBe('code');
  });
});

describe('what counts as a reference', () => {
  it('KIPs, known and unknown, with the known page named in a tooltip', () => {
    const [kip] = findKafkaReferences('KIP-390');
    expect(kip).toMatchObject({ kind: 'kip', href: KIP_390, title: 'KIP-390: Support Compression Level' });
    const [unknown] = findKafkaReferences('KIP-848');
    expect(unknown).toMatchObject({ kind: 'kip', href: KIP_INDEX_URL });
    expect(unknown!.title).toBeUndefined();
  });

  it('JIRA issues, known or not', () => {
    expect(findKafkaReferences('KAFKA-14633')[0]).toMatchObject({
      kind: 'jira',
      href: 'https://issues.apache.org/jira/browse/KAFKA-14633',
      title: 'KAFKA-14633: Reduce data copy & buffer allocation during decompression',
    });
    expect(found('KAFKA-20001')).toEqual([['KAFKA-20001', 'jira', 'https://issues.apache.org/jira/browse/KAFKA-20001']]);
  });

  it('Class#method, qualified or nested, searched by the class its file is named after', () => {
    expect(found('FetchSessionCache#touch')).toEqual([['FetchSessionCache#touch', 'class', methodSearch('FetchSessionCache', 'touch')]]);
    expect(found('see LogValidator#validateMessagesAndAssignOffsetsCompressed.')).toEqual([
      ['LogValidator#validateMessagesAndAssignOffsetsCompressed', 'class', methodSearch('LogValidator', 'validateMessagesAndAssignOffsetsCompressed')],
    ]);
    expect(found('org.apache.kafka.storage.internals.log.LogValidator#validateMessagesAndAssignOffsets')).toEqual([
      ['org.apache.kafka.storage.internals.log.LogValidator#validateMessagesAndAssignOffsets', 'class', methodSearch('LogValidator', 'validateMessagesAndAssignOffsets')],
    ]);
    expect(found('CompressionType.GZIP#wrapForInput')).toEqual([['CompressionType.GZIP#wrapForInput', 'class', methodSearch('CompressionType', 'wrapForInput')]]);
    expect(found('ReplicaManager#appendRecords/ReplicaManager#appendToLocalLog')).toEqual([
      ['ReplicaManager#appendRecords', 'class', methodSearch('ReplicaManager', 'appendRecords')],
      ['ReplicaManager#appendToLocalLog', 'class', methodSearch('ReplicaManager', 'appendToLocalLog')],
    ]);
  });

  it('is conservative about classes: no bare names, calls, anchors, constants or the template placeholder', () => {
    for (const text of [
      'LogValidator validates batches',
      'LogValidator.validateMessagesAndAssignOffsets(records)',
      'README#usage',
      'foo#bar',
      'Foo#Bar',
      '#appendRecords',
      'C# and F#',
      'Class#method',
      'issue #123',
      'Foo#',
      'x.LogValidator#1st',
      'a-LogValidator#validate',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('source paths, without the full stop after them', () => {
    expect(found('core/src/main/scala/kafka/server/KafkaApis.scala')).toEqual([
      ['core/src/main/scala/kafka/server/KafkaApis.scala', 'path', search('core%2Fsrc%2Fmain%2Fscala%2Fkafka%2Fserver%2FKafkaApis.scala')],
    ]);
    expect(found('in storage/src/main/java/org/apache/kafka/storage/internals/log/LogValidator.java.')).toEqual([
      ['storage/src/main/java/org/apache/kafka/storage/internals/log/LogValidator.java', 'path', search('storage%2Fsrc%2Fmain%2Fjava%2Forg%2Fapache%2Fkafka%2Fstorage%2Finternals%2Flog%2FLogValidator.java')],
    ]);
    // Copied with a prefix: the search starts at the module.
    expect(found('apache/kafka/blob/trunk/clients/src/main/resources/common/message/FetchRequest.json')).toEqual([
      ['apache/kafka/blob/trunk/clients/src/main/resources/common/message/FetchRequest.json', 'path', search('clients%2Fsrc%2Fmain%2Fresources%2Fcommon%2Fmessage%2FFetchRequest.json')],
    ]);
    for (const text of ['src/Foo.java', 'core/src/main/scala/', 'docs/ops.html', 'config/server.properties', 'core/src//Foo.scala', 'core/src/../x/Foo.scala', 'KafkaApis.scala']) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('boundaries: a reference never touches a letter, digit or underscore', () => {
    expect(found('KIP-3900')).toEqual([['KIP-3900', 'kip', KIP_INDEX_URL]]);
    for (const text of ['XKIP-390', 'KIP-390X', 'KIP-390_', 'KIP-0390', 'KIP-0', 'XKAFKA-1', 'KAFKA-0', 'KAFKA-', 'KAFKA-12345678', 'kip-390', 'Kafka-14633', '1KAFKA-2']) {
      expect(found(text), text).toEqual([]);
    }
    expect(found('(KIP-390)')).toEqual([['KIP-390', 'kip', KIP_390]]);
    expect(found('KAFKA-14633-decompression')[0]?.[0]).toBe('KAFKA-14633');
  });

  it('Chinese text, with no space around references', () => {
    expect(found('在KIP-390中')).toEqual([['KIP-390', 'kip', KIP_390]]);
    expect(found('回顾：KAFKA-14633减少解压')).toEqual([['KAFKA-14633', 'jira', 'https://issues.apache.org/jira/browse/KAFKA-14633']]);
    expect(found('调用LogValidator#validateMessagesAndAssignOffsets时')).toEqual([['LogValidator#validateMessagesAndAssignOffsets', 'class', methodSearch('LogValidator', 'validateMessagesAndAssignOffsets')]]);
    expect(found('见core/src/main/scala/kafka/server/KafkaApis.scala。')).toEqual([
      ['core/src/main/scala/kafka/server/KafkaApis.scala', 'path', search('core%2Fsrc%2Fmain%2Fscala%2Fkafka%2Fserver%2FKafkaApis.scala')],
    ]);
  });

  it('several in one text, in order', () => {
    expect(found('KIP-390/KIP-110, then KAFKA-8106 and KAFKA-14633; FetchSessionCache#touch.').map(([text, kind]) => [text, kind])).toEqual([
      ['KIP-390', 'kip'],
      ['KIP-110', 'kip'],
      ['KAFKA-8106', 'jira'],
      ['KAFKA-14633', 'jira'],
      ['FetchSessionCache#touch', 'class'],
    ]);
  });

  it('inline code that is wholly one reference, also with an argument list', () => {
    expect(wholeKafkaReference('FetchSessionCache#touch')).toMatchObject({ kind: 'class', href: methodSearch('FetchSessionCache', 'touch') });
    expect(wholeKafkaReference('ReplicaManager#appendRecords(timeout, acks)')).toMatchObject({ kind: 'class' });
    expect(wholeKafkaReference('KIP-390')).toMatchObject({ kind: 'kip', href: KIP_390 });
    expect(wholeKafkaReference('core/src/main/scala/kafka/server/KafkaApis.scala')).toMatchObject({ kind: 'path' });
    for (const code of ['KIP-390 and KIP-110', 'x = Foo#bar', 'Foo#bar + 1', 'log.cleaner.threads', '', 'KIP-390.']) {
      expect(wholeKafkaReference(code), code).toBeUndefined();
    }
  });

  it('takes linear time on 200 KB of pathological text', () => {
    const size = 200_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    const inputs = [
      fill('A.'),
      fill('Ab.') + '#x',
      fill('#'),
      fill('Foo#'),
      fill('a/'),
      fill('src/') + 'X.java',
      fill('KIP-'),
      fill('KIP-1'),
      fill('KAFKA-1234567'),
      fill('A.b#'),
      fill('.'),
      fill('/src/a') + '.java',
      fill('在KIP-390中'),
    ];
    for (const text of inputs) {
      const started = performance.now();
      findKafkaReferences(text);
      const elapsed = performance.now() - started;
      // A quadratic scan of 200,000 characters takes minutes; a linear one, milliseconds.
      expect(elapsed, text.slice(0, 20)).toBeLessThan(1000);
    }
    expect(findKafkaReferences(fill('KIP-1 ')).length).toBe(Math.floor(size / 6));
  });
});

describe('the tree transform', () => {
  const text = (value: string) => ({ type: 'text' as const, value });
  const element = (tagName: string, children: Element['children'], properties = {}): Element => ({ type: 'element', tagName, properties, children });

  it('splits text in any element, wraps whole inline code, and leaves code blocks and links alone', () => {
    const tree: Root = {
      type: 'root',
      children: [
        element('p', [text('See KIP-390 and '), element('em', [text('KAFKA-14633')]), text(' and '), element('code', [text('FetchSessionCache#touch')])]),
        element('pre', [element('code', [text('KIP-390 FetchSessionCache#touch')])]),
        element('p', [element('a', [text('KIP-110')], { href: 'https://example.org/kip' })]),
      ],
    };
    const before = JSON.stringify(tree);
    const edits = planKafkaLinks(tree);
    expect(JSON.stringify(tree)).toBe(before);
    expect(edits.map((e) => e.kind)).toEqual(['split', 'wrap', 'split']);
    linkKafkaReferences(tree);
    const [p, pre, linked] = tree.children as Element[];
    expect(p!.children.map((n) => (n.type === 'element' ? n.tagName : n.type))).toEqual(['text', 'a', 'text', 'em', 'text', 'a']);
    expect((p!.children[5] as Element).children[0]).toMatchObject({ type: 'element', tagName: 'code' });
    expect(pre).toEqual(element('pre', [element('code', [text('KIP-390 FetchSessionCache#touch')])]));
    expect(linked).toEqual(element('p', [element('a', [text('KIP-110')], { href: 'https://example.org/kip' })]));
  });

  it('does not overflow the stack on a very deep tree', () => {
    const root: Root = { type: 'root', children: [] };
    let parent: Root | Element = root;
    for (let i = 0; i < 100_000; i++) {
      const child = element('span', []);
      parent.children.push(child);
      parent = child;
    }
    parent.children.push(text('KIP-390'));
    expect(planKafkaLinks(root)).toHaveLength(1);
  });
});

describe('a proposal body as the site renders it', () => {
  it('links KIPs, JIRA issues, classes and paths in prose, and keeps them through the sanitiser', async () => {
    const html = await renderProposal(
      [
        '## 9) 参考',
        '',
        '- 在KIP-390中，压缩级别可配；见KAFKA-14633与KIP-848。',
        '- 调用链：`FetchSessionCache#touch` → `ReplicaManager#appendRecords(…)`，文件 storage/src/main/java/org/apache/kafka/storage/internals/log/LogValidator.java。',
        '- | table | KIP-405 |',
        '',
        '| scenario | ref |',
        '|---|---|',
        '| S1 | LogValidator#validateMessagesAndAssignOffsetsCompressed |',
      ].join('\n'),
    );
    expect(links(html)).toEqual([
      ['KIP-390', KIP_390],
      ['KAFKA-14633', 'https://issues.apache.org/jira/browse/KAFKA-14633'],
      ['KIP-848', KIP_INDEX_URL],
      ['FetchSessionCache#touch', methodSearch('FetchSessionCache', 'touch')],
      ['ReplicaManager#appendRecords(…)', methodSearch('ReplicaManager', 'appendRecords')],
      ['storage/src/main/java/org/apache/kafka/storage/internals/log/LogValidator.java', search('storage%2Fsrc%2Fmain%2Fjava%2Forg%2Fapache%2Fkafka%2Fstorage%2Finternals%2Flog%2FLogValidator.java')],
      ['KIP-405', 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-405%3A+Kafka+Tiered+Storage'],
      ['LogValidator#validateMessagesAndAssignOffsetsCompressed', methodSearch('LogValidator', 'validateMessagesAndAssignOffsetsCompressed')],
    ]);
    expect(html).toContain('<a href="https://cwiki.apache.org/confluence/display/KAFKA/KIP-390%3A+Support+Compression+Level" class="kafka-ref" data-kafka-ref="kip" title="KIP-390: Support Compression Level">KIP-390</a>');
    expect(html).toMatch(/<a href="[^"]+" class="kafka-ref" data-kafka-ref="class"><code>FetchSessionCache#touch<\/code><\/a>/);
  });

  it('never links inside fenced or indented code, other inline code, or an existing link', async () => {
    const html = await renderProposal(
      [
        '```java',
        '// KIP-390, KAFKA-14633: FetchSessionCache#touch in core/src/main/scala/kafka/server/KafkaApis.scala',
        '```',
        '',
        '```',
        'KIP-390 FetchSessionCache#touch',
        '```',
        '',
        '    KIP-227 KAFKA-9401 LogValidator#validateMessagesAndAssignOffsets',
        '',
        'Inline `see KIP-390 here` and [KIP-390 page](https://example.org/kip), [`FetchSessionCache#touch`](https://example.org/fsc),',
        '<https://github.com/apache/kafka/blob/trunk/core/src/main/scala/kafka/server/KafkaApis.scala>, https://issues.apache.org/jira/browse/KAFKA-9401.',
        '',
        '[**see *KIP-390* and ~~`FetchSessionCache#touch`~~**](https://example.org/nested)',
      ].join('\n'),
    );
    expect(html).not.toContain('kafka-ref');
    expect(html).not.toMatch(/<pre[\s\S]*<a [\s\S]*<\/pre>/);
    expect(html).not.toMatch(/<a [^>]*>(?:(?!<\/a>)[\s\S])*<a /);
    expect(links(html).map(([, href]) => href)).toEqual([
      'https://example.org/kip',
      'https://example.org/fsc',
      'https://github.com/apache/kafka/blob/trunk/core/src/main/scala/kafka/server/KafkaApis.scala',
      'https://issues.apache.org/jira/browse/KAFKA-9401',
      'https://example.org/nested',
    ]);
  });

  it('hostile text around references yields only https links to the three sites', async () => {
    const html = await renderProposal(
      [
        'javascript:KIP-390 [KIP-390](javascript:alert(1)) <script>KAFKA-1</script> "onmouseover=alert(1) KAFKA-2"',
        '',
        'KIP-390"><img src=x onerror=alert(1)> Foo#bar"onclick=alert(1) core/src/main/java/"><svg>.java',
      ].join('\n'),
    );
    for (const [, href] of links(html)) expect(href).toMatch(/^https:\/\/(cwiki\.apache\.org|issues\.apache\.org|github\.com)\//);
    // The hostile words stay as text; none becomes an attribute, an element or a link.
    expect(html).not.toMatch(/<[^>]*\son\w+=|href="(?!https:)|<script|<svg/i);
    expect(links(html).filter(([text]) => text === 'KIP-390')).toHaveLength(2);
    // The author's javascript: link loses its address and is not made a Kafka link instead.
    expect(html).toContain('<a>KIP-390</a>');
  });

  it('keeps only its own values of class and data-kafka-ref through the sanitiser', () => {
    expect(sanitizeHtml('<a href="https://example.org" class="kafka-ref evil" data-kafka-ref="other">x</a>')).toBe('<a href="https://example.org" class="kafka-ref">x</a>');
  });

  it('links the same as the tree transform does in a unified pipeline', async () => {
    const markdown = [
      '# KIP-390 在KIP-390中',
      '',
      '> KAFKA-14633 and `KAFKA-8106`, [KIP-110](https://example.org) **FetchSessionCache#touch**',
      '',
      '1. core/src/main/scala/kafka/server/KafkaApis.scala and `x Foo#bar`',
      '',
      '```',
      'KIP-405',
      '```',
      '',
      '| KIP-724 | `Partition#appendRecordsToLeader` |',
      '|---|---|',
      '| <kbd>KIP-1150</kbd> | <sup>KAFKA-9401</sup> |',
    ].join('\n');
    const viaUnified = String(await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(() => linkKafkaReferences).use(rehypeStringify).process(markdown));
    const viaSite = await renderProposal(markdown);
    expect(links(viaSite)).toEqual(links(viaUnified));
    expect(links(viaSite).map(([text]) => text)).toEqual(['KIP-390', 'KIP-390', 'KAFKA-14633', 'KAFKA-8106', 'KIP-110', 'FetchSessionCache#touch', 'core/src/main/scala/kafka/server/KafkaApis.scala', 'KIP-724', 'Partition#appendRecordsToLeader', 'KIP-1150', 'KAFKA-9401']);
  });

  it('the plugin alone, in Sätteri without Shiki, links the same', () => {
    const { html } = satteriToHtml('在KIP-390中\n\n    KIP-390\n', { hastPlugins: [kafkaLinks] });
    expect(links(html)).toEqual([['KIP-390', KIP_390]]);
  });
});

describe('kept renderings', () => {
  it('change with the plugin, its vocabulary and the addresses: every file is an input of the reading digest', () => {
    for (const file of ['src/markdown/kafka-links.ts', 'src/lib/markdown/kafka-links.ts', 'src/lib/vocabulary/kafka-references.ts', 'src/lib/links.ts', 'astro.config.mjs']) {
      expect(READING_INPUTS.some((input) => file === input || file.startsWith(`${input}/`)), file).toBe(true);
    }
  });
});
