import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitProposalSource } from '../../src/lib/frontmatter.ts';
import { ProposalFrontmatterSchema } from '../../src/lib/schema/proposal.ts';
import { validateProposal } from '../../src/lib/validate.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/proposals/${name}`, import.meta.url), 'utf8');

/** The frontmatter of the minimal valid fixture, as YAML gives it, to mutate one field at a time. */
function minimal(): Record<string, unknown> {
  return splitProposalSource(fixture('valid/minimal.md')).data as Record<string, unknown>;
}

function issuesFor(data: Record<string, unknown>) {
  const result = ProposalFrontmatterSchema.safeParse(data);
  expect(result.success, 'expected the frontmatter to be rejected').toBe(false);
  return result.error!.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
}

describe('valid fixtures', () => {
  it('accepts the minimal fixture and fills defaults', () => {
    const result = ProposalFrontmatterSchema.parse(minimal());
    expect(result).toMatchObject({ component: 'compaction', status: 'Draft', created: '2026-03-02', relatedComponents: [], jira: [], illustration: false });
  });

  it('accepts every optional field in the full fixture', () => {
    const result = validateProposal('full.md', 'full.md', fixture('valid/full.md'));
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
    ['a date that is not a date', { created: '2026-02-30' }, { field: 'created', message: /^found "2026-02-30"; expected a real date written YYYY-MM-DD$/ }],
    ['a date in another format', { updated: '03/02/2026' }, { field: 'updated', message: /^found "03\/02\/2026"; expected a real date/ }],
    ['an unknown language', { lang: 'fr' }, { field: 'lang', message: /^found "fr"; expected one of: zh, en$/ }],
    ['a malformed JIRA id', { jira: ['KAFKA-12x'] }, { field: 'jira.0', message: /^found "KAFKA-12x"; expected a JIRA id such as KAFKA-14633$/ }],
    ['a KIP link that is not https', { kip: { number: 390, link: 'http://example.org' }, changes: { protocol: true, onDiskFormat: false, userVisible: false } }, { field: 'kip.link', message: /expected an https:\/\/ link/ }],
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
    expect(ProposalFrontmatterSchema.safeParse({ ...base, changes: { protocol: true, onDiskFormat: false, userVisible: false }, kip: { link: 'https://example.org/kip' } }).success).toBe(true);
  });
});

describe('validateProposal points at the line of the field', () => {
  it('gives the line of a bad field in the file', () => {
    const text = fixture('valid/minimal.md').replace('status: Draft', 'status: Drafted');
    const { errors } = validateProposal('p.md', 'p.md', text);
    expect(errors).toEqual([{ file: 'p.md', line: 5, field: 'status', message: expect.stringContaining('found "Drafted"') }]);
  });

  it('reports a file without frontmatter as missing every required field', () => {
    const { errors } = validateProposal('p.md', 'p.md', '# Just a heading\n');
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(['title', 'component', 'status', 'authors', 'created', 'updated', 'changes', 'lang', 'modules']));
    expect(errors.every((e) => e.message.startsWith('missing; expected'))).toBe(true);
  });

  it('reports YAML that cannot be read, with its line', () => {
    const { errors } = validateProposal('p.md', 'p.md', '---\ntitle: "open\ncomponent: network\n---\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'frontmatter', message: expect.stringMatching(/^the frontmatter is not valid YAML/) });
  });

  it('derives the id from the path, as the content collection does', () => {
    expect(validateProposal('x', '2026-03-02-Reuse Buffer.md', fixture('valid/minimal.md')).id).toBe('2026-03-02-reuse-buffer');
  });
});
