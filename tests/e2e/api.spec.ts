/**
 * The JSON API as a client sees it: every file fetched from the served site, validated against the
 * JSON Schema published beside it, its links followed, and its scores held to `npm run check --json`.
 * Also the same API on the site built under a base path (tests/e2e/prefixed-site.ts).
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { API_PATHS, apiSchemaPath, proposalApiPath } from '../../src/lib/api/paths.ts';
import type { ApiSchemaName, ComponentsDocument, ProposalDocument, ProposalsDocument, RulesDocument, StatusesDocument } from '../../src/lib/api/schemas.ts';
import { sitePath } from '../../src/lib/i18n/routes.ts';
import { staleness } from '../../src/lib/stale.ts';
import { statusByName } from '../../src/lib/vocabulary/statuses.ts';
import { proposals as catalogue } from './catalogue.ts';
import { DIST } from './dist-html.ts';
import { PREFIXED_HOME, PREFIXED_ORIGIN, PREFIXED_SITE } from './prefixed-site.ts';

interface Api {
  proposals: ProposalsDocument;
  /** Each proposal's own file, by id. */
  proposal: Map<string, ProposalDocument>;
  components: ComponentsDocument;
  statuses: StatusesDocument;
  rules: RulesDocument;
  /** Every file fetched: its path on the server, its schema's name and its Content-Type. */
  files: { path: string; schema: ApiSchemaName; type: string; document: { $schema: string } }[];
}

/** Fetches a JSON file, failing on anything but a 200. */
async function getJson<T>(request: APIRequestContext, url: string): Promise<{ document: T; type: string }> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return { document: (await response.json()) as T, type: response.headers()['content-type'] ?? '' };
}

/** Every file of the API, from the site served at `origin` with this base path. */
async function fetchApi(request: APIRequestContext, origin: string, base: string): Promise<Api> {
  const files: Api['files'] = [];
  async function get<T extends { $schema: string }>(path: string, schema: ApiSchemaName): Promise<T> {
    const served = sitePath(path, base);
    const { document, type } = await getJson<T>(request, `${origin}${served}`);
    files.push({ path: served, schema, type, document });
    return document;
  }
  const proposals = await get<ProposalsDocument>(API_PATHS.proposals, 'proposals');
  const proposal = new Map<string, ProposalDocument>();
  for (const { id } of proposals.proposals) proposal.set(id, await get<ProposalDocument>(proposalApiPath(id), 'proposal'));
  return {
    proposals,
    proposal,
    components: await get<ComponentsDocument>(API_PATHS.components, 'components'),
    statuses: await get<StatusesDocument>(API_PATHS.statuses, 'statuses'),
    rules: await get<RulesDocument>(API_PATHS.rules, 'rules'),
    files,
  };
}

/** Every link in a document (`url`, `api`, `feed`, `$schema` fields), with where it is. */
function linksIn(value: unknown, where = '$'): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => linksIn(item, `${where}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (['$schema', 'url', 'api', 'feed'].includes(key) ? [[`${where}.${key}`, String(item)] as [string, string]] : linksIn(item, `${where}.${key}`)));
}

/** `npm run check -- --json`, run the way npm runs it, on the Node this test runs on. */
function checkJson() {
  const run = spawnSync(process.execPath, ['scripts/check.ts', '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as {
    id: string;
    completeness: { score: number; level: string; checks: { id: string; passed: boolean; messages: { zh: string; en: string }; line?: number }[] };
  }[];
}

test.describe('the JSON API', () => {
  let api: Api;
  test.beforeAll(async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext();
    api = await fetchApi(request, baseURL!, '/');
    await request.dispose();
  });

  test('every file is served as JSON and validates against the JSON Schema published beside it', async ({ request }) => {
    const validators = new Map<ApiSchemaName, ValidateFunction>();
    for (const { path, schema, type, document } of api.files) {
      expect(type, path).toMatch(/^application\/json\b/);
      // The document names its schema by absolute URL; the schema is served beside it.
      const schemaUrl = new URL(document.$schema);
      expect(schemaUrl.pathname, path).toBe(sitePath(apiSchemaPath(schema)));
      if (!validators.has(schema)) {
        const { document: jsonSchema, type: schemaType } = await getJson<{ $id: string }>(request, schemaUrl.pathname);
        expect(schemaType, schemaUrl.pathname).toMatch(/^application\/json\b/);
        expect(jsonSchema.$id).toBe(document.$schema);
        // Strict: an unknown keyword, format or ambiguous type in the schema is an error, not ignored.
        const ajv = new Ajv2020({ strict: true, allErrors: true });
        addFormats(ajv);
        validators.set(schema, ajv.compile(jsonSchema));
      }
      const validate = validators.get(schema)!;
      expect(validate(document), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(new Set(api.files.map((f) => f.schema))).toEqual(new Set(['proposals', 'proposal', 'components', 'statuses', 'rules']));
  });

  test('lists every proposal, each with its own file and its page on the site', async ({ request }) => {
    const listed = api.proposals.proposals.map((p) => p.id);
    expect([...listed].sort()).toEqual(catalogue.map((p) => p.id).sort());
    // Newest update first.
    const updated = api.proposals.proposals.map((p) => p.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    // One file per proposal, and no other.
    const built = readdirSync(join(DIST, 'api/v1/proposals')).map((name) => name.replace(/\.json$/, ''));
    expect(built.sort()).toEqual([...listed].sort());
    const origin = new URL(api.proposals.$schema).origin;
    for (const entry of api.proposals.proposals) {
      expect(new URL(entry.api).pathname).toBe(proposalApiPath(entry.id));
      const { proposal } = api.proposal.get(entry.id)!;
      // The list's entry, plus the rules and the whole Definition of Done assessment.
      const { rules, ...completeness } = proposal.completeness;
      const { verdict, met, total } = proposal.dod;
      expect({ ...proposal, completeness, dod: { verdict, met, total } }).toEqual(entry);
      expect(rules.length).toBeGreaterThan(0);
      const page = new URL(entry.url);
      expect(page.origin).toBe(origin);
      expect(page.pathname).toBe(`/proposals/${entry.id}/`);
      expect((await request.get(page.pathname)).status(), page.pathname).toBe(200);
    }
  });

  test('scores, levels and rules not met are what `npm run check -- --json` prints', () => {
    const report = new Map(checkJson().map((entry) => [entry.id, entry.completeness]));
    expect([...report.keys()].sort()).toEqual(api.proposals.proposals.map((p) => p.id).sort());
    for (const entry of api.proposals.proposals) {
      const checked = report.get(entry.id)!;
      expect(entry.completeness, entry.id).toEqual({ score: checked.score, level: checked.level, rulesNotMet: checked.checks.filter((c) => !c.passed).map((c) => c.id) });
      const rules = api.proposal.get(entry.id)!.proposal.completeness.rules;
      expect(rules.map(({ id, passed, message, line }) => ({ id, passed, message, line })), entry.id).toEqual(
        checked.checks.map((c) => ({ id: c.id, passed: c.passed, message: c.messages, line: c.line ?? null })),
      );
    }
    // Rule weights are those rules.json publishes.
    const weights = new Map(api.rules.rules.map((r) => [r.id, r.weight]));
    for (const { proposal } of api.proposal.values()) for (const r of proposal.completeness.rules) expect(r.weight).toBe(weights.get(r.id));
  });

  test('the build date is a day, and staleness is counted from it', () => {
    const { buildDate, staleAfterDays } = api.proposals;
    expect(buildDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${buildDate}T00:00:00Z`).toISOString().slice(0, 10)).toBe(buildDate);
    expect(staleAfterDays).toBeGreaterThan(0);
    for (const { document } of api.files) expect((document as unknown as { buildDate: string }).buildDate).toBe(buildDate);
    for (const entry of api.proposals.proposals) {
      const status = statusByName(entry.statusName);
      expect({ stale: entry.stale, daysSinceUpdate: entry.daysSinceUpdate }, entry.id).toEqual(staleness(status, entry.updated, { buildDate, staleAfterDays }));
      expect(api.proposal.get(entry.id)).toMatchObject({ buildDate, staleAfterDays });
    }
  });

  test('components, statuses, rules and feeds lead to their pages and files, and each rule to its entry on /rules/', async ({ request }) => {
    const pages = [...api.components.components, ...api.statuses.statuses, ...api.rules.rules].map((item) => new URL(item.url));
    pages.push(...[api.proposals, ...api.components.components].map((item) => new URL(item.feed)));
    for (const path of new Set(pages.map((url) => url.pathname))) expect((await request.get(path)).status(), path).toBe(200);
    const rulesPage = await (await request.get(new URL(api.rules.url).pathname)).text();
    for (const rule of api.rules.rules) {
      expect(new URL(rule.url).hash).toBe(`#${rule.id}`);
      expect(rulesPage, rule.id).toContain(`id="${rule.id}"`);
    }
    expect(api.components.components.reduce((sum, c) => sum + c.proposalCount, 0)).toBe(catalogue.length);
    expect(api.statuses.statuses.reduce((sum, s) => sum + s.proposalCount, 0)).toBe(catalogue.length);
  });
});

test('under a base path, every URL of the API is under the public origin and base, and leads to a file the site serves', async ({ playwright }) => {
  const request = await playwright.request.newContext();
  const { BASE_PATH, SITE_URL } = PREFIXED_SITE;
  const api = await fetchApi(request, PREFIXED_ORIGIN, BASE_PATH);
  expect(api.files.length).toBe(4 + catalogue.length);
  const served = new Set<string>(api.files.map((f) => f.path));
  for (const { path, document } of api.files) {
    for (const [where, link] of linksIn(document)) {
      expect(link, `${path} ${where}`).toMatch(new RegExp(`^${`${SITE_URL}${BASE_PATH}`.replaceAll('.', '\\.')}`));
      const pathname = new URL(link).pathname;
      if (served.has(pathname)) continue;
      expect((await request.get(`${PREFIXED_ORIGIN}${pathname}`)).status(), `${path} ${where} ${pathname}`).toBe(200);
      served.add(pathname);
    }
  }
  expect(api.proposals.proposals[0]!.url).toBe(`${PREFIXED_HOME.replace(PREFIXED_ORIGIN, SITE_URL)}proposals/${api.proposals.proposals[0]!.id}/`);
  await request.dispose();
});
