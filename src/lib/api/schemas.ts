/**
 * The JSON API's documents (`/api/v1/…`), written once as zod schemas: the builders in
 * documents.ts are typed by them, the unit tests parse every document with them, and the JSON
 * Schema published beside each file (`/api/v1/<name>.schema.json`) is generated from them. The
 * descriptions here are the API's reference documentation.
 *
 * Plain TypeScript over `astro/zod`, no other Astro import.
 */
import { z } from 'astro/zod';
import { COMPLETENESS_LEVELS } from '../completeness/levels.ts';
import { RULES } from '../completeness/rules/index.ts';
import { inEveryLocale, type Locale } from '../i18n/locales.ts';
import { COMPONENT_IDS } from '../vocabulary/components.ts';
import { LANGUAGE_IDS } from '../vocabulary/languages.ts';
import { STATUS_NAMES, STATUSES, type StatusId } from '../vocabulary/statuses.ts';
import { API_VERSION } from './paths.ts';


const STATUS_IDS = STATUSES.map((s) => s.id) as [StatusId, ...StatusId[]];
const LEVEL_IDS = COMPLETENESS_LEVELS.map((l) => l.id) as [(typeof COMPLETENESS_LEVELS)[number]['id'], ...(typeof COMPLETENESS_LEVELS)[number]['id'][]];
const RULE_IDS = RULES.map((r) => r.id) as [string, ...string[]];

/** A text in every interface language, built from LOCALES so that a new language is a new required field. */
const localized = (description: string) => z.strictObject(inEveryLocale(() => z.string()) as Record<Locale, z.ZodString>).describe(description);

const absoluteUrl = (description: string) => z.url().describe(description);
const isoDate = (description: string) => z.iso.date().describe(description);
const count = (description: string) => z.int().min(0).describe(description);

const ComponentIdSchema = z.enum(COMPONENT_IDS).describe('A component id from the taxonomy (components.json).');
const StatusIdSchema = z.enum(STATUS_IDS).describe('A status id (statuses.json).');
const RuleIdSchema = z.enum(RULE_IDS).describe('A completeness rule id (rules.json).');

/** The fields every document starts with. */
const envelope = {
  $schema: absoluteUrl('The JSON Schema this document follows, published beside it.'),
  version: z.literal(API_VERSION).describe('The API version. Version 1 only gains fields and values; a breaking change is published as a new version beside it.'),
  buildDate: isoDate('The day the site was built as of, YYYY-MM-DD: the clock staleness is counted by.'),
};

/** The catalogue's clock, for documents that say which proposals are stale. */
const clock = {
  ...envelope,
  staleAfterDays: z.int().min(1).describe('A Draft or Under Discussion proposal not updated for this many days (as of buildDate) is stale.'),
};

const CompletenessSummarySchema = z.strictObject({
  score: z.int().min(0).max(100).describe('The weighted share of completeness rules met, 0-100, rounded down: 100 means every rule is met. The same as `npm run check -- --json`.'),
  level: z.enum(LEVEL_IDS).describe('The level the score reaches (rules.json lists the levels).'),
  rulesNotMet: z.array(RuleIdSchema).describe('The ids of the rules not met, in the order of rules.json.'),
});

const RuleResultSchema = z.strictObject({
  id: RuleIdSchema,
  passed: z.boolean().describe('Whether the proposal meets the rule.'),
  weight: z.int().min(0).describe('The rule’s weight: its share of the score, relative to the other rules’ weights.'),
  earned: z.int().min(0).describe('The weight it earned: its weight when passed, 0 otherwise.'),
  message: localized('What the rule found (when passed) or what is missing (when not), as inline Markdown, in every interface language.'),
  line: z.int().min(1).nullable().describe('The 1-based line in the proposal file the finding applies to, or null when it applies to no line.'),
});

const DodSummarySchema = z.strictObject({
  verdict: z.enum(['met', 'missed', 'inconclusive', 'none']).describe('Whether section 5’s results meet the proposal’s own Definition of Done: missed if any threshold is missed in any scenario, inconclusive if any is within the stated spread, run fewer than 3 times or has no data, met when all are met, none without thresholds or results.'),
  met: count('Verdicts met: one per threshold and scenario.'),
  total: count('Verdicts in all: thresholds × scenarios of the results table.'),
});

const MeasureSchema = z.strictObject({
  value: z.number().describe('The measured value.'),
  unit: z.string().optional().describe('Its unit as written, such as ms, GB/s or %.'),
  spread: z.number().min(0).optional().describe('The ± spread, in the same unit.'),
});

const line = (description: string) => z.int().min(1).describe(description);

const DodDetailSchema = DodSummarySchema.extend({
  scenarios: z.array(z.string()).describe('The scenarios of the results table, in its order.'),
  rows: z
    .array(
      z.strictObject({
        line: line('Its line in the proposal file.'),
        scenario: z.string(),
        metricText: z.string().describe('The metric as written.'),
        metric: z.string().describe('The metric vocabulary’s id.'),
        baseline: MeasureSchema,
        candidate: MeasureSchema,
        runs: z.int().min(1).optional().describe('Runs of each side, when the table says.'),
      }),
    )
    .describe('The results table, one row per scenario and metric.'),
  thresholds: z
    .array(
      z.strictObject({
        line: line('The DoD line it was read from.'),
        text: z.string().describe('That line as written.'),
        metric: z.string().describe('The metric vocabulary’s id.'),
        kind: z.enum(['improve', 'no-regression']).describe('improve: better by at least `bound` percent; no-regression: not worse by more than `bound` percent.'),
        bound: z.number().min(0).describe('In percent of the baseline.'),
      }),
    )
    .describe('The Definition of Done, read as thresholds.'),
  verdicts: z
    .array(
      z.strictObject({
        threshold: z.int().min(0).describe('Index into thresholds.'),
        scenario: z.string(),
        outcome: z.enum(['met', 'missed', 'inconclusive', 'no-data']),
        row: z.int().min(0).optional().describe('Index into rows: the row it was judged on.'),
        improvement: z.number().optional().describe('The candidate’s change from the baseline, in percent, positive when better.'),
        required: z.number().optional().describe('The improvement the threshold requires, in percent (negative for a no-regression bound).'),
        uncertainty: z.number().min(0).optional().describe('The spreads’ share of the baseline, in percent: the improvement lies within ± this.'),
        reason: localized('Why it is inconclusive or has no data, as inline Markdown.').optional(),
      }),
    )
    .describe('Every threshold judged on every scenario.'),
  unreadable: z
    .array(
      z.strictObject({
        line: line('Its line in the proposal file.'),
        source: z.enum(['table', 'dod']).describe('A results table row or a DoD line.'),
        text: z.string().describe('As written.'),
        reason: localized('Why it could not be read, as inline Markdown.'),
      }),
    )
    .describe('Table rows and DoD lines that could not be read: reported, never guessed.'),
});

const proposalFields = {
  id: z.string().describe('The proposal’s id: its file name without the extension, also its address.'),
  title: z.string().describe('Its title, in the language it is written in.'),
  lang: z.enum(LANGUAGE_IDS).describe('The language it is written in.'),
  url: absoluteUrl('Its page on the site, in the default interface language.'),
  api: absoluteUrl('This proposal’s own document, proposals/<id>.json, with every rule’s result.'),
  component: ComponentIdSchema.describe('Its primary component.'),
  relatedComponents: z.array(ComponentIdSchema).describe('Further components it touches.'),
  status: StatusIdSchema,
  statusName: z.enum(STATUS_NAMES).describe('The status as the frontmatter writes it, such as "Under Discussion".'),
  created: isoDate('When it was first written.'),
  updated: isoDate('When it last changed in substance.'),
  authors: z
    .array(
      z.strictObject({
        name: z.string().describe('The author’s name.'),
        link: z.string().optional().describe('An https:// or mailto: link, when given.'),
      }),
    )
    .min(1)
    .describe('Who wrote it.'),
  kip: z
    .strictObject({
      number: z.int().min(1).optional().describe('The KIP’s number, once it has one.'),
      link: z.string().describe('Its page on Apache’s wiki, or the KIP index while it has none.'),
    })
    .nullable()
    .describe('The KIP it goes through, or null.'),
  jira: z.array(z.string()).describe('Related JIRA issues, such as KAFKA-14633.'),
  featureFlag: z
    .strictObject({
      name: z.string().describe('The broker or topic config that turns the change on.'),
      // Each type described, so the schema says `anyOf` rather than `type: [...]`, which Ajv's strict mode refuses.
      default: z.union([z.boolean().describe('An on/off config.'), z.number().describe('A numeric config.'), z.string().describe('Any other config.')]).describe('Its default value.'),
    })
    .nullable()
    .describe('The config that turns the change on, or null.'),
  changes: z
    .strictObject({
      protocol: z.boolean().describe('Whether it changes a request or response on the wire.'),
      onDiskFormat: z.boolean().describe('Whether it changes what the broker writes to disk.'),
      userVisible: z.boolean().describe('Whether it changes behaviour a user can see: configs, metrics, defaults, errors.'),
    })
    .describe('The template’s KIP decision point.'),
  illustration: z.boolean().describe('True for a sample written to illustrate the template, not a proposal anyone is pursuing.'),
  release: z.string().nullable().describe('The Kafka release it shipped in (Implemented, sometimes Superseded), or null.'),
  reason: z.string().nullable().describe('Why it was rejected or withdrawn (sometimes Superseded), or null.'),
  supersededBy: z.string().nullable().describe('The id of the proposal that replaces it (Superseded), or null.'),
  completeness: CompletenessSummarySchema.describe('How fully it fills the template.'),
  stale: z.boolean().describe('Whether it is Draft or Under Discussion and was not updated for staleAfterDays days as of buildDate.'),
  daysSinceUpdate: count('Whole days from updated to buildDate; 0 when updated is later.'),
  dod: DodSummarySchema.describe('Whether its results meet its own Definition of Done.'),
};

export const ProposalSummarySchema = z.strictObject(proposalFields).describe('A proposal, as the list gives it.');

export const ProposalDetailSchema = z
  .strictObject({
    ...proposalFields,
    completeness: CompletenessSummarySchema.extend({
      rules: z.array(RuleResultSchema).describe('Every rule’s result, in the order of rules.json.'),
    }).describe('How fully it fills the template, rule by rule.'),
    dod: DodDetailSchema.describe('Its results, its Definition of Done read as thresholds, and every verdict.'),
  })
  .describe('A proposal, with every completeness rule’s result.');

export const ProposalsDocumentSchema = z
  .strictObject({
    ...clock,
    feed: absoluteUrl('The Atom feed of every proposal.'),
    proposals: z.array(ProposalSummarySchema).describe('Every proposal, most recently updated first.'),
  })
  .meta({ title: 'Kafka broker proposals', description: 'Every proposal of the catalogue, most recently updated first, with its metadata and completeness.' });

export const ProposalDocumentSchema = z
  .strictObject({ ...clock, proposal: ProposalDetailSchema })
  .meta({ title: 'A Kafka broker proposal', description: 'One proposal with its metadata and the result of every completeness rule, as `npm run check -- --json` reports it.' });

export const ComponentsDocumentSchema = z
  .strictObject({
    ...envelope,
    components: z
      .array(
        z.strictObject({
          id: ComponentIdSchema.describe('The component’s stable id, as proposals name it.'),
          name: localized('Its name, in every interface language.'),
          description: localized('What it covers, in every interface language.'),
          url: absoluteUrl('Its page on the site, in the default interface language.'),
          proposalCount: count('How many proposals have it as their primary component.'),
          feed: absoluteUrl('The Atom feed of its proposals.'),
        }),
      )
      .describe('Every component of the taxonomy, in the taxonomy’s order.'),
  })
  .meta({ title: 'Kafka broker components', description: 'The component taxonomy proposals are filed under.' });

export const StatusesDocumentSchema = z
  .strictObject({
    ...envelope,
    statuses: z
      .array(
        z.strictObject({
          id: StatusIdSchema.describe('The status’s stable id, as proposals give it in `status`.'),
          name: z.enum(STATUS_NAMES).describe('The value the frontmatter writes, the same in every language.'),
          label: localized('What the site calls it, in every interface language.'),
          meaning: localized('What it means, in every interface language.'),
          final: z.boolean().describe('Whether a proposal in it no longer changes.'),
          canGoStale: z.boolean().describe('Whether a proposal left in it for staleAfterDays days is stale.'),
          url: absoluteUrl('Its page on the site, in the default interface language.'),
          proposalCount: count('How many proposals are in it.'),
        }),
      )
      .describe('Every status, in lifecycle order.'),
  })
  .meta({ title: 'Kafka broker proposal statuses', description: 'The statuses a proposal moves through.' });

export const RulesDocumentSchema = z
  .strictObject({
    ...envelope,
    totalWeight: z.int().min(1).describe('The sum of every rule’s weight: a proposal’s score is 100 × (weight of the rules it meets) / totalWeight, rounded down.'),
    rules: z
      .array(
        z.strictObject({
          id: RuleIdSchema.describe('The rule’s stable id, as `npm run check` and rulesNotMet give it.'),
          title: localized('What it asks for, as inline Markdown, in every interface language.'),
          why: localized('Why the template asks for it, as inline Markdown.'),
          fix: localized('What a complete answer looks like, as inline Markdown.'),
          weight: z.int().min(1).describe('Its share of the score, relative to the other rules.'),
          url: absoluteUrl('Its entry on the rules page, in the default interface language.'),
        }),
      )
      .describe('Every completeness rule, in the order of the template.'),
    levels: z
      .array(
        z.strictObject({
          id: z.enum(LEVEL_IDS).describe('The level’s id, as proposals give it in completeness.level.'),
          minScore: z.int().min(0).max(100).describe('The lowest score at this level.'),
          name: localized('Its name, in every interface language.'),
          meaning: localized('What it means, in every interface language.'),
        }),
      )
      .describe('The completeness levels, highest first: a score is at the first level whose minScore it reaches.'),
    url: absoluteUrl('The rules page, in the default interface language.'),
  })
  .meta({ title: 'Completeness rules', description: 'The rules a proposal’s completeness score is made of, and the levels of that score.' });

export type ProposalSummary = z.output<typeof ProposalSummarySchema>;
export type ProposalDetail = z.output<typeof ProposalDetailSchema>;
export type ProposalsDocument = z.output<typeof ProposalsDocumentSchema>;
export type ProposalDocument = z.output<typeof ProposalDocumentSchema>;
export type ComponentsDocument = z.output<typeof ComponentsDocumentSchema>;
export type StatusesDocument = z.output<typeof StatusesDocumentSchema>;
export type RulesDocument = z.output<typeof RulesDocumentSchema>;

/** Each published schema by name: `/api/v1/<name>.schema.json` (paths.ts) describes one kind of file. */
export const API_SCHEMAS = {
  proposals: ProposalsDocumentSchema,
  proposal: ProposalDocumentSchema,
  components: ComponentsDocumentSchema,
  statuses: StatusesDocumentSchema,
  rules: RulesDocumentSchema,
} as const;

export type ApiSchemaName = keyof typeof API_SCHEMAS;
export const API_SCHEMA_NAMES = Object.keys(API_SCHEMAS) as ApiSchemaName[];

/**
 * The JSON Schema (draft 2020-12) of a document, with its absolute `$id`. Objects are left open
 * (no `additionalProperties: false`, which zod writes for its strict objects): version 1 may gain
 * fields, and a client validating with the schema it fetched earlier must keep accepting the files.
 * The zod schemas stay strict, so the unit tests still catch a field the schema does not describe.
 */
export function jsonSchemaOf(name: ApiSchemaName, id: string): Record<string, unknown> {
  const generated = z.toJSONSchema(API_SCHEMAS[name], {
    target: 'draft-2020-12',
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  const { $schema, ...rest } = generated;
  return { $schema, $id: id, ...rest };
}
