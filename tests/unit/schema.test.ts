import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/lib/reader/frontmatter.ts';
import { issueMessage, ProposalFrontmatterSchema } from '../../src/lib/schema/proposal.ts';
import { readProposal } from '../../src/lib/reader/read-proposal.ts';
import { RESERVED_IDS } from '../../src/lib/proposal-files.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/proposals/${name}`, import.meta.url), 'utf8');

/** The frontmatter of the minimal valid fixture, as YAML gives it, to mutate one field at a time. */
function minimal(): Record<string, unknown> {
  return readFrontmatter(fixture('valid/minimal.md')).data as Record<string, unknown>;
}

function issuesFor(data: Record<string, unknown>) {
  const result = ProposalFrontmatterSchema.safeParse(data);
  expect(result.success, 'expected the frontmatter to be rejected').toBe(false);
  return result.error!.issues.map((i) => ({ field: i.path.join('.'), message: issueMessage(i).en }));
}

describe('valid fixtures', () => {
  it('accepts the minimal fixture and fills defaults', () => {
    const result = ProposalFrontmatterSchema.parse(minimal());
    expect(result).toMatchObject({ component: 'compaction', status: 'Draft', created: '2026-03-02', relatedComponents: [], jira: [], illustration: false });
  });

  it('accepts every optional field in the full fixture', () => {
    const result = readProposal('full.md', 'full.md', fixture('valid/full.md'));
    expect(result.errors).toEqual([]);
    expect(result.data).toMatchObject({ kip: { number: 390 }, jira: ['KAFKA-14633', 'KAFKA-8106'], release: '3.6.0', lang: 'zh' });
    expect(result.data?.authors).toHaveLength(2);
  });

  it('accepts a quoted date the same as an unquoted one', () => {
    expect(ProposalFrontmatterSchema.parse({ ...minimal(), created: '2026-03-01' }).created).toBe('2026-03-01');
  });
});

describe('each field rule names the field, what was found and what is expected', () => {
  const cases: [string, Record<string, unknown>, { field: string; message: RegExp }][] = [
    ['an unknown component, listing the valid ids', { component: 'compresion' }, { field: 'component', message: /^found "compresion"; expected one of: network, produce, log-append, compression,.* metrics$/ }],
    ['an unknown status, listing the valid statuses', { status: 'Drafted' }, { field: 'status', message: /^found "Drafted"; expected one of: Draft, Under Discussion, Accepted, Implemented, Rejected, Withdrawn, Superseded, Dormant$/ }],
    ['a missing title', { title: undefined }, { field: 'title', message: /^missing; expected the title/ }],
    ['an empty title', { title: '  ' }, { field: 'title', message: /expected a non-empty title/ }],
    ['no authors', { authors: [] }, { field: 'authors', message: /^found \[\]; expected at least one author$/ }],
    ['an author without a name', { authors: [{ link: 'https://example.org' }] }, { field: 'authors.0.name', message: /^missing; expected the author’s name$/ }],
    ['an author link that is not https', { authors: [{ name: 'A', link: 'http://example.org' }] }, { field: 'authors.0.link', message: /^found "http:\/\/example.org"; expected an https:\/\/ or mailto: link$/ }],
    ['no modules', { modules: [] }, { field: 'modules', message: /expected at least one module/ }],
    ['a date that is not a date', { created: '2026-02-30' }, { field: 'created', message: /^found "2026-02-30"; expected a real calendar date written YYYY-MM-DD \(this day does not exist\)$/ }],
    ['a date in another format', { updated: '03/02/2026' }, { field: 'updated', message: /^found "03\/02\/2026"; expected a date written YYYY-MM-DD, such as 2026-03-02$/ }],
    ['an unknown language', { lang: 'fr' }, { field: 'lang', message: /^found "fr"; expected one of: zh, en$/ }],
    ['a malformed JIRA id', { jira: ['KAFKA-12x'] }, { field: 'jira.0', message: /^found "KAFKA-12x"; expected a JIRA id such as KAFKA-14633$/ }],
    ['a date with a time and zone', { created: '2026-05-18T23:30:00-05:00' }, { field: 'created', message: /^found "2026-05-18T23:30:00-05:00"; expected a date written YYYY-MM-DD, without a time or zone$/ }],
    ['a date that is a number', { created: 20260302 }, { field: 'created', message: /^found 20260302; expected a date written YYYY-MM-DD$/ }],
    ['a KIP link that is not https', { kip: { number: 390, link: 'http://example.org' }, changes: { protocol: true, onDiskFormat: false, userVisible: false } }, { field: 'kip.link', message: /expected a link to the KIP on Apache's wiki, https:\/\/cwiki.apache.org\/confluence\/display\/KAFKA\// }],
    ['a KIP link to another host', { kip: { link: 'https://cwiki.apache.org.evil.example/confluence/display/KAFKA/KIP-1' } }, { field: 'kip.link', message: /^found "https:\/\/cwiki.apache.org.evil.example\/.*"; expected a link to the KIP on Apache's wiki/ }],
    ['a KIP number that is not a whole number', { kip: { number: 3.5, link: 'https://example.org' } }, { field: 'kip.number', message: /^found 3.5; expected a whole number/ }],
    ['a feature flag that is not a config name', { featureFlag: { name: 'Enable Thing', default: false } }, { field: 'featureFlag.name', message: /^found "Enable Thing"; expected a dotted lower-case config name/ }],
    ['a feature flag without a default', { featureFlag: { name: 'log.cleaner.foo.enable' } }, { field: 'featureFlag.default', message: /^missing; expected the default value/ }],
    ['a missing change flag', { changes: { protocol: false, onDiskFormat: false } }, { field: 'changes.userVisible', message: /^missing; expected true or false: does the change touch user-visible behaviour\?$/ }],
    ['an unknown field inside a nested object', { kip: { number: 1, link: 'https://example.org', title: 'x' } }, { field: 'kip', message: /^unknown field "title"; expected only: number, link$/ }],
    ['an unknown top-level field', { reviewer: 'someone' }, { field: 'reviewer', message: /^unknown field; expected only: title, component, .*supersededBy$/ }],
    ['a release that is not a version', { release: 'soon' }, { field: 'release', message: /^found "soon"; expected a Kafka version such as 3.8.0$/ }],
  ];

  for (const [name, change, expected] of cases) {
    it(`rejects ${name}`, () => {
      const issues = issuesFor({ ...minimal(), ...change });
      expect(issues).toContainEqual({ field: expected.field, message: expect.stringMatching(expected.message) });
    });
  }

  it('reports every field error at once, unknown fields included', () => {
    const fields = issuesFor({ ...minimal(), component: 'x', status: 'y', extra: 1 }).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['component', 'status', 'extra']));
  });
});

describe('cross-field rules', () => {
  const cases: [string, Record<string, unknown>, { field: string; message: RegExp }][] = [
    ['updated before created', { created: '2026-03-02', updated: '2026-03-01' }, { field: 'updated', message: /^found 2026-03-01; expected a date on or after created \(2026-03-02\)$/ }],
    ['a protocol change without a KIP', { changes: { protocol: true, onDiskFormat: false, userVisible: false } }, { field: 'kip', message: /^missing; expected a KIP reference .* because changes.protocol is true/ }],
    ['an on-disk and user-visible change without a KIP', { changes: { protocol: false, onDiskFormat: true, userVisible: true } }, { field: 'kip', message: /because changes.onDiskFormat, changes.userVisible is true/ }],
    ['Implemented without a release', { status: 'Implemented' }, { field: 'release', message: /^missing; expected the Kafka release it shipped in .* because status is Implemented$/ }],
    ['Rejected without a reason', { status: 'Rejected' }, { field: 'reason', message: /^missing; expected a one-line reason because status is Rejected$/ }],
    ['Withdrawn without a reason', { status: 'Withdrawn' }, { field: 'reason', message: /because status is Withdrawn$/ }],
    ['Superseded without a successor', { status: 'Superseded' }, { field: 'supersededBy', message: /^missing; expected the id of the proposal that supersedes it because status is Superseded$/ }],
    ['a release on a Draft', { release: '3.8.0' }, { field: 'release', message: /^found "3.8.0"; expected no release while status is Draft \(release belongs to Implemented, Superseded\): remove it, or change the status$/ }],
    ['a supersededBy on an Accepted proposal', { status: 'Accepted', supersededBy: 'other' }, { field: 'supersededBy', message: /^found "other"; expected no supersededBy while status is Accepted \(supersededBy belongs to Superseded\)/ }],
    ['a reason on an Implemented proposal', { status: 'Implemented', release: '3.8.0', reason: 'x' }, { field: 'reason', message: /^found "x"; expected no reason while status is Implemented/ }],
    ['the primary component repeated as a related one', { relatedComponents: ['compaction'] }, { field: 'relatedComponents', message: /expected only components other than the primary one/ }],
  ];

  for (const [name, change, expected] of cases) {
    it(`rejects ${name}`, () => {
      expect(issuesFor({ ...minimal(), ...change })).toContainEqual({ field: expected.field, message: expect.stringMatching(expected.message) });
    });
  }

  it('accepts each conditional field once its condition is met', () => {
    const base = minimal();
    expect(ProposalFrontmatterSchema.safeParse({ ...base, status: 'Implemented', release: '3.8.0' }).success).toBe(true);
    expect(ProposalFrontmatterSchema.safeParse({ ...base, status: 'Rejected', reason: 'Too risky.' }).success).toBe(true);
    expect(ProposalFrontmatterSchema.safeParse({ ...base, status: 'Superseded', supersededBy: 'other' }).success).toBe(true);
    expect(ProposalFrontmatterSchema.safeParse({ ...base, changes: { protocol: true, onDiskFormat: false, userVisible: false }, kip: { link: 'https://cwiki.apache.org/confluence/display/KAFKA/Kafka+Improvement+Proposals' } }).success).toBe(true);
    expect(ProposalFrontmatterSchema.safeParse({ ...base, status: 'Superseded', supersededBy: 'other', release: '3.7.0', reason: 'Replaced.' }).success).toBe(true);
  });
});

describe('the reader points at the line of the field', () => {
  it('gives the line of a bad field in the file', () => {
    const text = fixture('valid/minimal.md').replace('status: Draft', 'status: Drafted');
    const { errors } = readProposal('p.md', 'p.md', text);
    expect(errors).toEqual([{ file: 'p.md', line: 5, field: 'status', id: 'frontmatter.status', message: { zh: expect.stringContaining('实际为 "Drafted"'), en: expect.stringContaining('found "Drafted"') } }]);
  });

  it('reports a file without frontmatter as such, and empty frontmatter as missing every required field', () => {
    expect(readProposal('p.md', 'p.md', '# Just a heading\n').errors).toEqual([
      { file: 'p.md', line: 1, field: 'frontmatter', id: 'frontmatter', message: { zh: expect.stringMatching(/^未找到 frontmatter；/), en: expect.stringMatching(/^found no frontmatter; expected the file to start with a line "---"/) } },
    ]);
    const { errors } = readProposal('p.md', 'p.md', '---\n---\n# Just a heading\n');
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(['title', 'component', 'status', 'authors', 'created', 'updated', 'changes', 'lang', 'modules']));
    expect(errors.every((e) => e.message.en.startsWith('missing; expected') && e.message.zh.startsWith('缺失；应为'))).toBe(true);
  });

  it('gives the line of a nested field', () => {
    const text = fixture('valid/full.md').replace(/(authors:\n  - name: [^\n]*\n(?:    [^\n]*\n)*)  - name: [^\n]*/, '$1  - name: ""');
    const { errors } = readProposal('p.md', 'p.md', text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'authors.1.name', line: text.split('\n').findIndex((l) => l.includes('name: ""')) + 1 });
  });

  it('reports YAML that cannot be read, with its line', () => {
    const { errors } = readProposal('p.md', 'p.md', '---\ntitle: "open\ncomponent: network\n---\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'frontmatter', message: { en: expect.stringMatching(/^the frontmatter is not valid YAML/), zh: expect.stringMatching(/^frontmatter 不是合法的 YAML/) } });
  });

  it('takes the id from the file name, which must already be one', () => {
    expect(readProposal('x', '2026-03-02-reuse-buffer.mdx', fixture('valid/minimal.md'))).toMatchObject({ id: '2026-03-02-reuse-buffer', kind: 'mdx', errors: [] });
    expect(readProposal('x', '2026-03-02-Reuse Buffer.md', fixture('valid/minimal.md')).errors).toEqual([
      { file: 'x', line: 1, field: 'file', id: 'file', message: expect.objectContaining({ en: expect.stringMatching(/^found the file name "2026-03-02-Reuse Buffer.md"; expected lower-case letters, digits and single hyphens/) }) },
    ]);
  });

  it('refuses an id that is a page of the site under /proposals/, and reserves every such page', () => {
    for (const id of RESERVED_IDS) {
      expect(readProposal('x', `${id}.md`, fixture('valid/minimal.md')).errors).toEqual([
        { file: 'x', line: 1, field: 'file', id: 'file', message: { en: expect.stringContaining(`/proposals/${id}/ is a page of the site`), zh: expect.stringContaining(`/proposals/${id}/ 是本站自己的页面`) } },
      ]);
    }
    const pages = readdirSync('src/pages/[...locale]/proposals').filter((name) => !name.startsWith('[')).map((name) => name.replace(/\.astro$/, ''));
    expect([...RESERVED_IDS, 'index'].sort()).toEqual(pages.sort());
  });
});

describe('every schema message is written in each language', () => {
  it('carries Chinese beside the English through zod, for type, format, unknown-field and cross-field issues', () => {
    const base = minimal();
    const broken = [
      { title: 42, component: 'x', authors: [], created: '2026-02-30', jira: ['KAFKA-12x'], reviewer: 1 },
      { kip: { number: -1, link: 'http://x', title: 'x' }, featureFlag: { name: 'A B' }, changes: { protocol: 'yes', onDiskFormat: false, userVisible: false } },
      { status: 'Implemented', updated: '2026-03-01', created: '2026-03-02', relatedComponents: ['compaction'], reason: 'x' },
      { changes: { protocol: true, onDiskFormat: true, userVisible: false } },
    ];
    for (const change of broken) {
      const result = ProposalFrontmatterSchema.safeParse({ ...base, ...change });
      expect(result.success).toBe(false);
      for (const issue of result.error!.issues) {
        const message = issueMessage(issue);
        expect(message.zh, message.en).toMatch(/[\u4e00-\u9fff]/);
        expect(message.zh).not.toBe(message.en);
      }
    }
  });

  it('writes the Chinese as found/expected, with full-width punctuation', () => {
    const created = ProposalFrontmatterSchema.safeParse({ ...minimal(), created: '2026-02-30' }).error!.issues.map(issueMessage)[0]!;
    expect(created.zh).toBe('实际为 "2026-02-30"；应为真实存在的日期 YYYY-MM-DD（该日期不存在）');
    const missing = ProposalFrontmatterSchema.safeParse({ ...minimal(), status: 'Rejected' }).error!.issues.map(issueMessage)[0]!;
    expect(missing).toEqual({ zh: '缺失；status 为 Rejected 时应填写一行原因说明', en: 'missing; expected a one-line reason because status is Rejected' });
    const flag = ProposalFrontmatterSchema.safeParse({ ...minimal(), illustration: 'yes' }).error!.issues.map(issueMessage)[0]!;
    expect(flag.zh).toBe('实际为 "yes"；应为 true 或 false');
  });

  it('shows a message zod wrote itself as it is, in both', () => {
    expect(issueMessage({ message: 'Invalid input' })).toEqual({ zh: 'Invalid input', en: 'Invalid input' });
  });
});
