/**
 * The JSON API's documents, built from the catalogue: plain data typed by schemas.ts, with every
 * URL absolute under the site's origin and base path. No Astro import: the endpoints under
 * src/pages/api/v1/ and the unit tests call these with the same proposals.
 *
 * Deterministic: the same proposals, site and clock give the same documents, keys in the same order.
 */
import { RULES } from '../completeness/rules/index.ts';
import { localizedWithoutQuoteMarks } from '../completeness/text.ts';
import { COMPLETENESS_LEVELS } from '../completeness/levels.ts';
import { countBy, type Proposal } from '../catalogue.ts';
import { DEFAULT_LOCALE, type Localized } from '../i18n/locales.ts';
import { BASE_PATH, localePath, sitePath } from '../i18n/routes.ts';
import { feedPath } from '../feeds/proposal-feed.ts';
import type { DodAssessment, Measure } from '../dod/types.ts';
import type { CatalogueClock } from '../stale.ts';
import { COMPONENTS } from '../vocabulary/components.ts';
import { STATUSES } from '../vocabulary/statuses.ts';
import { API_VERSION, apiSchemaPath, proposalApiPath } from './paths.ts';
import {
  jsonSchemaOf,
  type ApiSchemaName,
  type ComponentsDocument,
  type ProposalDetail,
  type ProposalDocument,
  type ProposalsDocument,
  type ProposalSummary,
  type RulesDocument,
  type StatusesDocument,
} from './schemas.ts';

/** Where the site is published: its origin (Astro's `site`, from SITE_URL) and base path (BASE_PATH). */
export interface PublishedAt {
  site: URL | string;
  /** `/` or `/kafka-proposals/`; the build's own base when left out. */
  base?: string;
}

/** Absolute URLs of the site's files and pages, under its origin and base path. */
function urls({ site, base = BASE_PATH }: PublishedAt) {
  return {
    /** A file with no language: an API document, a schema. */
    file: (path: string) => new URL(sitePath(path, base), site).href,
    /** A page, in the default interface language. */
    page: (path: string) => new URL(localePath(DEFAULT_LOCALE, path, base), site).href,
  };
}

type Urls = ReturnType<typeof urls>;

const RULE_WEIGHTS = new Map(RULES.map((rule) => [rule.id, rule.weight]));

/**
 * A plain `{ zh, en }` copy, whatever else the vocabulary object holds. A finding's quote marks are
 * the site's cue for `lang` (src/lib/completeness/text.ts); JSON has none to give, so they go.
 */
const copy = (text: Localized): Localized => localizedWithoutQuoteMarks(text);

function envelope(name: ApiSchemaName, url: Urls, buildDate: string) {
  return { $schema: url.file(apiSchemaPath(name)), version: API_VERSION, buildDate } as const;
}

function summary(proposal: Proposal, url: Urls): ProposalSummary {
  const { data, completeness } = proposal;
  return {
    id: proposal.id,
    title: data.title,
    lang: data.lang,
    url: url.page(`/proposals/${proposal.id}/`),
    api: url.file(proposalApiPath(proposal.id)),
    component: data.component,
    relatedComponents: [...data.relatedComponents],
    status: proposal.status.id as ProposalSummary['status'],
    statusName: data.status,
    created: data.created,
    updated: data.updated,
    authors: data.authors.map((author) => (author.link === undefined ? { name: author.name } : { name: author.name, link: author.link })),
    kip: data.kip === undefined ? null : data.kip.number === undefined ? { link: data.kip.link } : { number: data.kip.number, link: data.kip.link },
    jira: [...data.jira],
    featureFlag: data.featureFlag === undefined ? null : { name: data.featureFlag.name, default: data.featureFlag.default },
    changes: { protocol: data.changes.protocol, onDiskFormat: data.changes.onDiskFormat, userVisible: data.changes.userVisible },
    illustration: data.illustration,
    release: data.release ?? null,
    reason: data.reason ?? null,
    supersededBy: data.supersededBy ?? null,
    completeness: {
      score: completeness.score,
      level: completeness.level,
      rulesNotMet: completeness.checks.filter((check) => !check.passed).map((check) => check.id),
    },
    stale: proposal.staleness.stale,
    daysSinceUpdate: proposal.staleness.daysSinceUpdate,
    dod: { verdict: proposal.dod.verdict, met: proposal.dod.met, total: proposal.dod.total },
  };
}

/** Only the fields that are there, in a fixed order: an absent optional field is left out, never `undefined`. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const measure = (m: Measure): Measure => defined({ value: m.value, unit: m.unit, spread: m.spread });

/** The whole Definition of Done assessment, with file lines, as the proposal's own document gives it. */
function dodDetail(dod: DodAssessment): ProposalDetail['dod'] {
  return {
    verdict: dod.verdict,
    met: dod.met,
    total: dod.total,
    scenarios: [...dod.scenarios],
    rows: dod.rows.map((r) => defined({ line: r.line, scenario: r.scenario, metricText: r.metricText, metric: r.metric, baseline: measure(r.baseline), candidate: measure(r.candidate), runs: r.runs })),
    thresholds: dod.thresholds.map((t) => ({ line: t.line, text: t.text, metric: t.metric, kind: t.kind, bound: t.bound })),
    verdicts: dod.verdicts.map((v) =>
      defined({
        threshold: v.threshold,
        scenario: v.scenario,
        outcome: v.outcome,
        row: v.row,
        improvement: v.improvement,
        required: v.required,
        uncertainty: v.uncertainty,
        reason: v.reason === undefined ? undefined : copy(v.reason),
      }),
    ),
    unreadable: dod.unreadable.map((u) => ({ line: u.line, source: u.source, text: u.text, reason: copy(u.reason) })),
  };
}

function detail(proposal: Proposal, url: Urls): ProposalDetail {
  const fields = summary(proposal, url);
  return {
    // The list's fields, in the list's order: completeness keeps its place and gains `rules`.
    ...fields,
    completeness: {
      ...fields.completeness,
      rules: proposal.completeness.checks.map((check) => {
        const weight = RULE_WEIGHTS.get(check.id);
        // A reading is keyed by the rule set's version, so its checks are always today's rules.
        if (weight === undefined) throw new Error(`Proposal ${proposal.id} has a result for "${check.id}", which is not a completeness rule.`);
        return { id: check.id, passed: check.passed, weight, earned: check.passed ? weight : 0, message: copy(check.message), line: check.line ?? null };
      }),
    },
    dod: dodDetail(proposal.dod),
  };
}

/** `/api/v1/proposals.json`. @param proposals in the order to list them, newest update first, as `getProposals` gives them */
export function proposalsDocument(proposals: readonly Proposal[], clock: CatalogueClock, at: PublishedAt): ProposalsDocument {
  const url = urls(at);
  return {
    ...envelope('proposals', url, clock.buildDate),
    staleAfterDays: clock.staleAfterDays,
    // The feeds in the default language, like every page the documents link to.
    feed: url.page(feedPath({ kind: 'all' })),
    proposals: proposals.map((proposal) => summary(proposal, url)),
  };
}

/** `/api/v1/proposals/<id>.json`. */
export function proposalDocument(proposal: Proposal, clock: CatalogueClock, at: PublishedAt): ProposalDocument {
  const url = urls(at);
  return { ...envelope('proposal', url, clock.buildDate), staleAfterDays: clock.staleAfterDays, proposal: detail(proposal, url) };
}

/** `/api/v1/components.json`: the taxonomy, each component with its count of primary proposals. */
export function componentsDocument(proposals: readonly Proposal[], buildDate: string, at: PublishedAt): ComponentsDocument {
  const url = urls(at);
  const counts = countBy(proposals, (p) => p.component.id);
  return {
    ...envelope('components', url, buildDate),
    components: COMPONENTS.map((component) => ({
      id: component.id,
      name: copy(component.name),
      description: copy(component.description),
      url: url.page(`/components/${component.id}/`),
      proposalCount: counts.get(component.id) ?? 0,
      feed: url.page(feedPath({ kind: 'component', component })),
    })),
  };
}

/** `/api/v1/statuses.json`. */
export function statusesDocument(proposals: readonly Proposal[], buildDate: string, at: PublishedAt): StatusesDocument {
  const url = urls(at);
  const counts = countBy(proposals, (p) => p.status.id);
  return {
    ...envelope('statuses', url, buildDate),
    statuses: STATUSES.map((status) => ({
      id: status.id,
      name: status.name,
      label: copy(status.label),
      meaning: copy(status.meaning),
      final: status.final,
      canGoStale: 'canGoStale' in status && status.canGoStale === true,
      url: url.page(`/status/${status.id}/`),
      proposalCount: counts.get(status.id) ?? 0,
    })),
  };
}

/** `/api/v1/rules.json`: the completeness rules and levels, as /rules/ lists them. */
export function rulesDocument(buildDate: string, at: PublishedAt): RulesDocument {
  const url = urls(at);
  return {
    ...envelope('rules', url, buildDate),
    totalWeight: RULES.reduce((sum, rule) => sum + rule.weight, 0),
    // Each rule's entry on /rules/ has the rule's id as its anchor.
    rules: RULES.map((rule) => ({ id: rule.id, title: copy(rule.title), why: copy(rule.why), fix: copy(rule.fix), weight: rule.weight, url: url.page(`/rules/#${rule.id}`) })),
    levels: COMPLETENESS_LEVELS.map((level) => ({ id: level.id, minScore: level.min, name: copy(level.name), meaning: copy(level.meaning) })),
    url: url.page('/rules/'),
  };
}

/** `/api/v1/<name>.schema.json`: the JSON Schema of a kind of document, its `$id` the URL it is published at. */
export function schemaDocument(name: ApiSchemaName, at: PublishedAt): Record<string, unknown> {
  return jsonSchemaOf(name, urls(at).file(apiSchemaPath(name)));
}

/**
 * Where this build is published, from the endpoint's `site` (SITE_URL; astro.config.mjs always
 * sets it) and the build's base path.
 */
export function publishedAt(site: URL | undefined): PublishedAt {
  if (site === undefined) throw new Error('The JSON API needs the site’s public URL (`site` in astro.config.mjs, from SITE_URL) to write absolute URLs.');
  return { site, base: BASE_PATH };
}

/** A document as its file: compact JSON, keys in the order they were built. */
export function jsonResponse(document: unknown): Response {
  return new Response(JSON.stringify(document), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
