import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { componentsDocument, proposalDocument, proposalsDocument, rulesDocument, schemaDocument, statusesDocument, type PublishedAt } from '../../src/lib/api/documents.ts';
import { API_SCHEMA_NAMES, API_SCHEMAS, type ApiSchemaName } from '../../src/lib/api/schemas.ts';
import { localizedWithoutQuoteMarks, withoutQuoteMarks } from '../../src/lib/completeness/text.ts';
import { sortByRecentUpdate, toProposal, type Proposal } from '../../src/lib/catalogue.ts';
import { RULES } from '../../src/lib/completeness/rules/index.ts';
import { PROPOSALS_DIR } from '../../src/lib/proposal-files.ts';
import { readProposalFolder } from '../../src/lib/reader/read-folder.ts';
import { readProposal, recordOf, type ValidProposalRecord } from '../../src/lib/reader/read-proposal.ts';
import { staleness } from '../../src/lib/stale.ts';
import { COMPONENTS } from '../../src/lib/vocabulary/components.ts';
import { STATUSES, statusByName } from '../../src/lib/vocabulary/statuses.ts';
import { proposalSource } from '../helpers/proposal-source.ts';

const CLOCK = { buildDate: '2026-11-26', staleAfterDays: 180 };
const PREFIXED: PublishedAt = { site: 'https://example.test', base: '/kafka-proposals/' };
const ORIGIN = 'https://example.test/kafka-proposals/';

/** The real catalogue, as getProposals gives it to the endpoints: newest update first. */
function catalogue(clock = CLOCK): Proposal[] {
  const folder = readProposalFolder(PROPOSALS_DIR);
  expect(folder.findings).toEqual([]);
  return sortByRecentUpdate(folder.proposals.map((record) => toProposal(record as ValidProposalRecord, clock)));
}

const proposals = catalogue();

/** Every document of the API for a catalogue, by the schema it follows. */
function allDocuments(list: readonly Proposal[], at: PublishedAt, clock = CLOCK): [ApiSchemaName, unknown][] {
  return [
    ['proposals', proposalsDocument(list, clock, at)],
    ...list.map((p): [ApiSchemaName, unknown] => ['proposal', proposalDocument(p, clock, at)]),
    ['components', componentsDocument(list, clock.buildDate, at)],
    ['statuses', statusesDocument(list, clock.buildDate, at)],
    ['rules', rulesDocument(clock.buildDate, at)],
  ];
}

/** Where a document links: every `$schema`, `url`, `api` and `feed` field, with where it is. */
function linksIn(value: unknown, where = '$'): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => linksIn(item, `${where}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (LINK_FIELDS.has(key) ? [[`${where}.${key}`, item] as [string, unknown]] : linksIn(item, `${where}.${key}`)));
}

const LINK_FIELDS = new Set(['$schema', 'url', 'api', 'feed']);

/** A new validator for each use: Ajv keeps every schema it compiles by its $id. */
function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

describe('the JSON API documents', () => {
  it('are built from the real catalogue, and each parses with its schema (no field the schema does not describe)', () => {
    expect(proposals.length).toBeGreaterThan(5);
    for (const [name, document] of allDocuments(proposals, PREFIXED)) {
      const parsed = API_SCHEMAS[name].safeParse(document);
      expect(parsed.error?.issues, name).toBeUndefined();
      // Nothing stripped, nothing added: the document is exactly what its schema describes.
      expect(parsed.data, name).toEqual(document);
    }
  });

  it('give findings without the quote marks that the site turns into lang (the catalogue has such quotes)', () => {
    const marks = /[\u2068\u2069]/;
    expect(proposals.some((p) => p.completeness.checks.some((c) => marks.test(c.message.en)))).toBe(true);
    for (const [name, document] of allDocuments(proposals, PREFIXED)) expect(JSON.stringify(document), name).not.toMatch(marks);
  });

  it('lists every proposal in the order given, with its fields from the frontmatter', () => {
    const document = proposalsDocument(proposals, CLOCK, PREFIXED);
    expect(document.proposals.map((p) => p.id)).toEqual(proposals.map((p) => p.id));
    for (const [i, entry] of document.proposals.entries()) {
      const { data, status, component, relatedComponents } = proposals[i]!;
      expect(entry).toMatchObject({
        title: data.title,
        lang: data.lang,
        component: component.id,
        relatedComponents: relatedComponents.map((c) => c.id),
        status: status.id,
        statusName: status.name,
        created: data.created,
        updated: data.updated,
        jira: data.jira,
        changes: data.changes,
        illustration: data.illustration,
        release: data.release ?? null,
        reason: data.reason ?? null,
        supersededBy: data.supersededBy ?? null,
      });
    }
    // The catalogue has proposals in final statuses, so the status fields are exercised on real data.
    expect(document.proposals.some((p) => p.release !== null)).toBe(true);
    expect(document.proposals.some((p) => p.reason !== null)).toBe(true);
    expect(document.proposals.some((p) => p.supersededBy !== null)).toBe(true);
  });

  it('gives every optional field its value, or null when the frontmatter leaves it out', () => {
    const read = (id: string, fields: Record<string, unknown>) => {
      const reading = readProposal(`${id}.md`, `${id}.md`, proposalSource(fields));
      expect(reading.errors).toEqual([]);
      return toProposal(recordOf(reading) as ValidProposalRecord, CLOCK);
    };
    const full = read('full', {
      status: 'Superseded',
      supersededBy: 'bare',
      release: '3.8.0',
      reason: 'A simpler design won.',
      authors: [{ name: 'A', link: 'https://example.org/a' }, { name: 'B' }],
      kip: { number: 390, link: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-390' },
      featureFlag: { name: 'log.cleaner.reuse.enable', default: false },
      changes: { protocol: false, onDiskFormat: true, userVisible: true },
    });
    const bare = read('bare', { kip: { link: 'https://cwiki.apache.org/confluence/display/KAFKA/Kafka+Improvement+Proposals' } });
    const [fullEntry, bareEntry] = proposalsDocument([full, bare], CLOCK, PREFIXED).proposals;
    expect(fullEntry).toMatchObject({
      status: 'superseded',
      statusName: 'Superseded',
      supersededBy: 'bare',
      release: '3.8.0',
      reason: 'A simpler design won.',
      authors: [{ name: 'A', link: 'https://example.org/a' }, { name: 'B' }],
      kip: { number: 390, link: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-390' },
      featureFlag: { name: 'log.cleaner.reuse.enable', default: false },
      changes: { protocol: false, onDiskFormat: true, userVisible: true },
    });
    // An author with no link has no `link` key, not an undefined one.
    expect(Object.keys(fullEntry!.authors[1]!)).toEqual(['name']);
    expect(bareEntry).toMatchObject({ kip: { link: 'https://cwiki.apache.org/confluence/display/KAFKA/Kafka+Improvement+Proposals' }, featureFlag: null, release: null, reason: null, supersededBy: null, jira: [] });
    expect(Object.keys(bareEntry!.kip!)).toEqual(['link']);
  });

  it('gives each proposal the engine’s score, level and rules not met, and in its own file every rule’s result', () => {
    const totalWeight = RULES.reduce((sum, r) => sum + r.weight, 0);
    const list = proposalsDocument(proposals, CLOCK, PREFIXED).proposals;
    expect(new Set(list.map((p) => p.completeness.score)).size).toBeGreaterThan(1);
    for (const [i, proposal] of proposals.entries()) {
      const { completeness } = proposal;
      const notMet = completeness.checks.filter((c) => !c.passed).map((c) => c.id);
      expect(list[i]!.completeness).toEqual({ score: completeness.score, level: completeness.level, rulesNotMet: notMet });

      const detail = proposalDocument(proposal, CLOCK, PREFIXED).proposal;
      // The list's entry plus the rules and the whole DoD assessment, key for key.
      const { rules, ...summary } = detail.completeness;
      const { verdict, met, total, ...dodDetail } = detail.dod;
      expect({ ...detail, completeness: summary, dod: { verdict, met, total } }).toEqual(list[i]);
      expect(list[i]!.dod).toEqual({ verdict: proposal.dod.verdict, met: proposal.dod.met, total: proposal.dod.total });
      // The engine's assessment as plain JSON: every field it has, and nothing it lacks.
      // (without the quote marks, which are the site's cue for `lang`)
      expect(dodDetail).toEqual(JSON.parse(withoutQuoteMarks(JSON.stringify({ scenarios: proposal.dod.scenarios, rows: proposal.dod.rows, thresholds: proposal.dod.thresholds, verdicts: proposal.dod.verdicts, unreadable: proposal.dod.unreadable }))));
      expect(Object.keys(detail)).toEqual(Object.keys(list[i]!));
      expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
      for (const [j, result] of rules.entries()) {
        const check = completeness.checks[j]!;
        expect(result).toEqual({ id: check.id, passed: check.passed, weight: RULES[j]!.weight, earned: check.passed ? RULES[j]!.weight : 0, message: localizedWithoutQuoteMarks(check.message), line: check.line ?? null });
      }
      // The score is the engine's, from the weights the file publishes.
      expect(Math.floor((100 * rules.reduce((sum, r) => sum + r.earned, 0)) / totalWeight)).toBe(detail.completeness.score);
      expect(rules.filter((r) => !r.passed).every((r) => r.line !== null)).toBe(true);
    }
  });

  it('marks staleness as of the clock it is given', () => {
    const later = { buildDate: '2030-01-01', staleAfterDays: 30 };
    for (const clock of [CLOCK, later]) {
      const document = proposalsDocument(catalogue(clock), clock, PREFIXED);
      expect(document).toMatchObject({ buildDate: clock.buildDate, staleAfterDays: clock.staleAfterDays, version: 1 });
      for (const entry of document.proposals) {
        const status = statusByName(entry.statusName);
        const expected = staleness(status, entry.updated, clock);
        expect({ stale: entry.stale, daysSinceUpdate: entry.daysSinceUpdate }, entry.id).toEqual(expected);
      }
    }
    // By 2030 every Draft and Under Discussion proposal is stale, and nothing else.
    const in2030 = proposalsDocument(catalogue(later), later, PREFIXED).proposals;
    expect(in2030.filter((p) => p.stale).map((p) => p.id)).toEqual(in2030.filter((p) => p.status === 'draft' || p.status === 'under-discussion').map((p) => p.id));
    expect(in2030.some((p) => p.stale)).toBe(true);
  });

  it('writes every URL absolute, under the site’s origin and base path', () => {
    for (const [name, document] of allDocuments(proposals, PREFIXED)) {
      const links = linksIn(document);
      expect(links.length, name).toBeGreaterThan(0);
      for (const [where, url] of links) expect(url, `${name} ${where}`).toMatch(new RegExp(`^${ORIGIN.replaceAll('.', '\\.')}`));
    }
    const list = proposalsDocument(proposals, CLOCK, PREFIXED);
    const first = list.proposals[0]!;
    expect(list.$schema).toBe(`${ORIGIN}api/v1/proposals.schema.json`);
    expect(list.feed).toBe(`${ORIGIN}feeds/all.xml`);
    expect(first.url).toBe(`${ORIGIN}proposals/${first.id}/`);
    expect(first.api).toBe(`${ORIGIN}api/v1/proposals/${first.id}.json`);
    expect(proposalDocument(proposals[0]!, CLOCK, PREFIXED).$schema).toBe(`${ORIGIN}api/v1/proposal.schema.json`);

    const components = componentsDocument(proposals, CLOCK.buildDate, PREFIXED);
    expect(components.$schema).toBe(`${ORIGIN}api/v1/components.schema.json`);
    expect(components.components.find((c) => c.id === 'compaction')).toMatchObject({ url: `${ORIGIN}components/compaction/`, feed: `${ORIGIN}feeds/components/compaction.xml` });
    expect(statusesDocument(proposals, CLOCK.buildDate, PREFIXED).statuses.find((s) => s.id === 'under-discussion')!.url).toBe(`${ORIGIN}status/under-discussion/`);
    const rules = rulesDocument(CLOCK.buildDate, PREFIXED);
    expect(rules.url).toBe(`${ORIGIN}rules/`);
    // /rules/ gives each rule's entry the rule's id as its anchor.
    expect(rules.rules.map((r) => r.url)).toEqual(RULES.map((r) => `${ORIGIN}rules/#${r.id}`));
  });

  it('writes URLs from the root when the site has no base path', () => {
    const atRoot = { site: new URL('https://kafka.example.org'), base: '/' };
    const first = proposalsDocument(proposals, CLOCK, atRoot).proposals[0]!;
    expect(first.url).toBe(`https://kafka.example.org/proposals/${first.id}/`);
    expect(rulesDocument(CLOCK.buildDate, atRoot).$schema).toBe('https://kafka.example.org/api/v1/rules.schema.json');
  });

  it('lists the whole vocabulary, with counts that add up to the catalogue', () => {
    const components = componentsDocument(proposals, CLOCK.buildDate, PREFIXED).components;
    expect(components.map((c) => c.id)).toEqual(COMPONENTS.map((c) => c.id));
    expect(components.reduce((sum, c) => sum + c.proposalCount, 0)).toBe(proposals.length);
    expect(components.find((c) => c.id === 'compaction')).toMatchObject({
      name: { zh: '日志压实（Compaction）', en: 'Log compaction' },
      proposalCount: proposals.filter((p) => p.component.id === 'compaction').length,
    });

    const statuses = statusesDocument(proposals, CLOCK.buildDate, PREFIXED).statuses;
    expect(statuses.map((s) => s.id)).toEqual(STATUSES.map((s) => s.id));
    expect(statuses.reduce((sum, s) => sum + s.proposalCount, 0)).toBe(proposals.length);
    expect(statuses.filter((s) => s.canGoStale).map((s) => s.id)).toEqual(['draft', 'under-discussion']);
    expect(statuses.find((s) => s.id === 'implemented')).toMatchObject({ name: 'Implemented', final: true, label: { zh: '已实现', en: 'Implemented' } });

    const rules = rulesDocument(CLOCK.buildDate, PREFIXED);
    expect(rules.rules.map(({ id, title, why, fix, weight }) => ({ id, title, why, fix, weight }))).toEqual(RULES.map(({ id, title, why, fix, weight }) => ({ id, title, why, fix, weight })));
    expect(rules.totalWeight).toBe(RULES.reduce((sum, r) => sum + r.weight, 0));
    expect(rules.levels.map((l) => [l.id, l.minScore])).toEqual([['complete', 100], ['ready', 80], ['in-progress', 50], ['skeleton', 0]]);
  });

  it('gives byte-identical files for the same catalogue and clock', () => {
    const once = allDocuments(proposals, PREFIXED).map(([, d]) => JSON.stringify(d));
    const again = allDocuments(catalogue(), PREFIXED).map(([, d]) => JSON.stringify(d));
    expect(again).toEqual(once);
    expect(API_SCHEMA_NAMES.map((n) => JSON.stringify(schemaDocument(n, PREFIXED)))).toEqual(API_SCHEMA_NAMES.map((n) => JSON.stringify(schemaDocument(n, PREFIXED))));
  });

  it('refuses a field its schema does not describe', () => {
    const document = rulesDocument(CLOCK.buildDate, PREFIXED);
    expect(API_SCHEMAS.rules.safeParse({ ...document, extra: 1 }).success).toBe(false);
    expect(API_SCHEMAS.rules.safeParse({ ...document, rules: [{ ...document.rules[0], extra: 1 }] }).success).toBe(false);
  });
});

describe('the published JSON Schemas', () => {
  it('are valid draft 2020-12 JSON Schemas with their own URL as $id, a title and a description', () => {
    for (const name of API_SCHEMA_NAMES) {
      const schema = schemaDocument(name, PREFIXED);
      expect(Object.keys(schema).slice(0, 2), name).toEqual(['$schema', '$id']);
      expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${ORIGIN}api/v1/${name}.schema.json`, type: 'object' });
      expect(schema.title, name).toEqual(expect.any(String));
      expect(schema.description, name).toEqual(expect.any(String));
      const ajv = newAjv();
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
      // Compiling in strict mode also refuses unknown keywords and formats.
      expect(() => ajv.compile(schema), name).not.toThrow();
    }
  });

  it('validate every document, and document its fields', () => {
    const validators = new Map(API_SCHEMA_NAMES.map((name) => [name, newAjv().compile(schemaDocument(name, PREFIXED))]));
    for (const [name, document] of allDocuments(proposals, PREFIXED)) {
      const validate = validators.get(name)!;
      expect(validate(JSON.parse(JSON.stringify(document))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const proposal = schemaDocument('proposal', PREFIXED) as { properties: { proposal: { properties: Record<string, { description?: string }> } } };
    const fields = proposal.properties.proposal.properties;
    expect(Object.entries(fields).filter(([, field]) => !field.description).map(([key]) => key)).toEqual([]);
  });

  it('accept a field added later (version 1 only gains fields) and refuse a missing or mistyped one', () => {
    const validate = newAjv().compile(schemaDocument('proposals', PREFIXED));
    const document = JSON.parse(JSON.stringify(proposalsDocument(proposals, CLOCK, PREFIXED))) as { proposals: Record<string, unknown>[] } & Record<string, unknown>;
    expect(validate({ ...document, addedLater: true, proposals: document.proposals.map((p) => ({ ...p, addedLater: 1 })) })).toBe(true);
    const { buildDate: _, ...withoutDate } = document;
    expect(validate(withoutDate)).toBe(false);
    expect(validate({ ...document, buildDate: '26 Nov 2026' })).toBe(false);
    expect(validate({ ...document, version: 2 })).toBe(false);
    expect(validate({ ...document, proposals: [{ ...document.proposals[0], status: 'Draft' }] })).toBe(false);
    expect(validate({ ...document, proposals: [{ ...document.proposals[0], url: '/proposals/x/' }] })).toBe(false);
  });
});
