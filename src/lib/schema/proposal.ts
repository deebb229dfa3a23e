/**
 * The proposal frontmatter schema: the reference documentation for every field a proposal may have.
 *
 * It is plain TypeScript over `astro/zod`, with no other Astro import, so the content collection,
 * `npm run check`, `npm run new` and the unit tests all validate with this very schema. Every error
 * message says what was found and what is expected; the path of the issue names the field.
 */
import { z } from 'astro/zod';
import { COMPONENT_IDS } from '../vocabulary/components.ts';
import { LANGUAGE_IDS } from '../vocabulary/languages.ts';
import { STATUS_FIELDS, STATUS_NAMES, statusByName, statusesWith } from '../vocabulary/statuses.ts';

/** Shows a found value the way it would be written in YAML, short enough for one line. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/**
 * A zod error callback whose message reads "found X; expected Y". Zod calls it for the field's own
 * type and format issues; the path (the field's name) is added by whoever prints the issue.
 */
function expected(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing; expected ${what}` : `found ${describeFound(issue.input)}; expected ${what}`;
}

/** Where KIPs live; a KIP link must start here. */
export const KIP_WIKI = 'https://cwiki.apache.org/confluence/display/KAFKA/';

const oneOf = (values: readonly string[]) => `one of: ${values.join(', ')}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the text is `YYYY-MM-DD` and that day exists (2026-02-30 and 2026-13-45 do not). */
export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * A calendar date written `YYYY-MM-DD`, and nothing else: no time, no zone (a zone moves the day),
 * no date that does not exist (2026-02-30). The reader parses YAML without implicit timestamps, so
 * quoted or not, the date reaches this schema as the text the author wrote.
 */
export const IsoDateSchema = z.string({ error: expected('a date written YYYY-MM-DD') }).check((ctx) => {
  const text = ctx.value;
  if (isCalendarDate(text)) return;
  const what = /^\d{4}-\d{2}-\d{2}[T ]/.test(text)
    ? 'a date written YYYY-MM-DD, without a time or zone'
    : ISO_DATE.test(text)
      ? 'a real calendar date written YYYY-MM-DD (this day does not exist)'
      : 'a date written YYYY-MM-DD, such as 2026-03-02';
  ctx.issues.push({ code: 'custom', input: text, message: `found ${describeFound(text)}; expected ${what}` });
});

export const AuthorSchema = z.strictObject(
  {
    /** The author's name as it should be shown. */
    name: z.string({ error: expected('the author’s name') }).trim().min(1, { error: expected('a non-empty name') }),
    /** Optional https link: a profile, a home page or a `mailto:` address. */
    link: z
      .string({ error: expected('an https:// or mailto: link') })
      .regex(/^(https:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/, { error: expected('an https:// or mailto: link') })
      .optional(),
  },
  { error: unknownFieldsOr('an author: { name, link? }', ['name', 'link']) },
);

export const KipSchema = z.strictObject(
  {
    /** The KIP's number, once it has one; leave it out while the KIP is still being written. */
    number: z.number({ error: expected('a whole number, such as 390') }).int({ error: expected('a whole number') }).positive({ error: expected('a positive number') }).optional(),
    /**
     * Link to the KIP's page on Apache's wiki, or to the KIP index while it has none. Only that wiki:
     * the link is shown as "the KIP", so it must not lead anywhere else.
     */
    link: z
      .string({ error: expected(`a link to the KIP on Apache's wiki, ${KIP_WIKI}…`) })
      .regex(/^https:\/\/cwiki\.apache\.org\/confluence\/(?:display\/KAFKA\/|pages\/viewpage\.action\?pageId=\d+|x\/)[^\s<>"]*$/, {
        error: expected(`a link to the KIP on Apache's wiki, ${KIP_WIKI}…`),
      }),
  },
  { error: unknownFieldsOr('a KIP reference: { number?, link }', ['number', 'link']) },
);

export const FeatureFlagSchema = z.strictObject(
  {
    /** The broker or topic config that turns the change on, such as `log.cleaner.foo.enable`. */
    name: z
      .string({ error: expected('a config name such as log.cleaner.foo.enable') })
      .regex(/^[a-z][a-z0-9]*(\.[a-z0-9][a-z0-9-]*)+$/, { error: expected('a dotted lower-case config name such as log.cleaner.foo.enable') }),
    /** Its default value. The template asks for the change to be off by default. */
    default: z.union([z.boolean(), z.number(), z.string()], { error: expected('the default value: true, false, a number or a string') }),
  },
  { error: unknownFieldsOr('a feature flag: { name, default }', ['name', 'default']) },
);

const changeFlag = (what: string) => z.boolean({ error: expected(`true or false: does the change touch ${what}?`) });

export const ChangesSchema = z.strictObject(
  {
    /** Does the change alter a request or response on the wire? */
    protocol: changeFlag('the wire protocol'),
    /** Does it change what the broker writes to disk (segments, indexes, snapshots, checkpoints)? */
    onDiskFormat: changeFlag('the on-disk format'),
    /** Does it change behaviour a user can see: configs, metrics, defaults, errors? */
    userVisible: changeFlag('user-visible behaviour'),
  },
  { error: unknownFieldsOr('the change flags: { protocol, onDiskFormat, userVisible }', ['protocol', 'onDiskFormat', 'userVisible']) },
);

/** The fields a proposal may have, in the order the template skeleton writes them. */
const proposalShape = {
  /** The proposal's title, one line. */
  title: z.string({ error: expected('the title, as text') }).trim().min(1, { error: expected('a non-empty title') }),
  /** The primary component: the one id from the taxonomy that this proposal belongs to. */
  component: z.enum(COMPONENT_IDS, { error: expected(oneOf(COMPONENT_IDS)) }),
  /** Further components the change touches, beyond the primary one. */
  relatedComponents: z.array(z.enum(COMPONENT_IDS, { error: expected(oneOf(COMPONENT_IDS)) }), { error: expected('a list of component ids') }).default([]),
  /** The Kafka modules or source paths in scope, such as `storage` or `core/src/main/scala/kafka/server/KafkaApis.scala`. */
  modules: z
    .array(z.string({ error: expected('a module name or source path') }).trim().min(1, { error: expected('a module name or source path') }), { error: expected('a list of Kafka modules or source paths') })
    .min(1, { error: expected('at least one module or source path') }),
  /** Where the proposal stands; see the status pages for what each one means. */
  status: z.enum(STATUS_NAMES, { error: expected(oneOf(STATUS_NAMES)) }),
  /** Who wrote it: at least one author. */
  authors: z.array(AuthorSchema, { error: expected('a list of authors, each { name, link? }') }).min(1, { error: expected('at least one author') }),
  /** When the proposal was first written. */
  created: IsoDateSchema,
  /** When it last changed in substance; not before `created`. */
  updated: IsoDateSchema,
  /** The KIP this proposal goes through. Required when any change flag is true. */
  kip: KipSchema.optional(),
  /** Related JIRA issues, each `KAFKA-<n>`. */
  jira: z.array(z.string().regex(/^KAFKA-[1-9]\d*$/, { error: expected('a JIRA id such as KAFKA-14633') }), { error: expected('a list of JIRA ids') }).default([]),
  /** The config that turns the change on, and its default. */
  featureFlag: FeatureFlagSchema.optional(),
  /** The template's KIP decision point: what kind of change this is. */
  changes: ChangesSchema,
  /** The language the proposal is written in. */
  lang: z.enum(LANGUAGE_IDS, { error: expected(oneOf(LANGUAGE_IDS)) }),
  /** True for a sample written to illustrate the template rather than a proposal someone is pursuing. */
  illustration: z.boolean({ error: expected('true or false') }).default(false),
  /** The Kafka release it shipped in, such as `3.8.0`. Required when the status is Implemented. */
  release: z.string({ error: expected('a Kafka version such as 3.8.0') }).regex(/^\d+\.\d+(\.\d+)?$/, { error: expected('a Kafka version such as 3.8.0') }).optional(),
  /** Why it was rejected or withdrawn. Required for those statuses. */
  reason: z.string({ error: expected('a one-line reason') }).trim().min(1, { error: expected('a non-empty reason') }).optional(),
  /** The id of the proposal that replaces this one. Required when the status is Superseded. */
  supersededBy: z.string({ error: expected('the id of another proposal') }).trim().min(1, { error: expected('the id of another proposal') }).optional(),
};

export const PROPOSAL_FIELDS = Object.keys(proposalShape) as (keyof typeof proposalShape)[];

/** For an object: an unknown field is named, with the fields that are allowed; anything else is a type error. */
function unknownFieldsOr(what: string, allowed: readonly string[]) {
  return (issue: { code?: string; input?: unknown; keys?: readonly string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `unknown field${issue.keys!.length > 1 ? 's' : ''} ${issue.keys!.map((k) => `"${k}"`).join(', ')}; expected only: ${allowed.join(', ')}`
      : expected(what)(issue);
}

const STATUS_FIELD_MEANING = {
  release: 'the Kafka release it shipped in (such as 3.8.0)',
  reason: 'a one-line reason',
  supersededBy: 'the id of the proposal that supersedes it',
} as const;

/** The frontmatter of a proposal file, with the template's cross-field rules. */
type KnownFields = z.output<z.ZodObject<typeof proposalShape>>;

export const ProposalFrontmatterSchema = z
  .looseObject(proposalShape, { error: expected('frontmatter: a YAML mapping of fields between --- lines') })
  // Runs even when a field is invalid, so unknown fields are reported together with the rest.
  .check(z.superRefine(reportUnknownFields, { when: () => true }))
  .superRefine((data, ctx) => {
    if (data.updated < data.created) {
      ctx.addIssue({ code: 'custom', path: ['updated'], input: data.updated, message: `found ${data.updated}; expected a date on or after created (${data.created})` });
    }
    const declared = (Object.keys(data.changes) as (keyof typeof data.changes)[]).filter((flag) => data.changes[flag]);
    if (declared.length > 0 && !data.kip) {
      ctx.addIssue({
        code: 'custom',
        path: ['kip'],
        input: undefined,
        message: `missing; expected a KIP reference { number?, link } because changes.${declared.join(', changes.')} is true (the template's KIP decision point)`,
      });
    }
    // Release, reason and supersededBy belong to some statuses only (vocabulary/statuses.ts).
    const status = statusByName(data.status);
    for (const field of STATUS_FIELDS) {
      const present = data[field] !== undefined;
      if (!present && status.requires?.includes(field)) {
        ctx.addIssue({ code: 'custom', path: [field], input: undefined, message: `missing; expected ${STATUS_FIELD_MEANING[field]} because status is ${data.status}` });
      } else if (present && !status.requires?.includes(field) && !status.allows?.includes(field)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          input: data[field],
          message: `found ${describeFound(data[field])}; expected no ${field} while status is ${data.status} (${field} belongs to ${statusesWith(field).join(', ')}): remove it, or change the status`,
        });
      }
    }
    if (data.relatedComponents.includes(data.component)) {
      ctx.addIssue({ code: 'custom', path: ['relatedComponents'], input: data.component, message: `found "${data.component}"; expected only components other than the primary one` });
    }
  })
  .transform((data): KnownFields => Object.fromEntries(PROPOSAL_FIELDS.filter((f) => f in data).map((f) => [f, data[f]])) as KnownFields);

/**
 * Unknown top-level fields are errors, reported one per field so that the message names the field
 * (a strict object would report them all at the frontmatter's root, with no field to point at).
 */
function reportUnknownFields(input: Record<string, unknown>, ctx: z.RefinementCtx) {
  const known = new Set<string>(PROPOSAL_FIELDS);
  for (const [field, value] of Object.entries(input)) {
    if (!known.has(field)) {
      ctx.addIssue({ code: 'custom', path: [field], input: value, message: `unknown field; expected only: ${PROPOSAL_FIELDS.join(', ')}` });
    }
  }
}

export type ProposalFrontmatterInput = z.input<typeof ProposalFrontmatterSchema>;
export type ProposalFrontmatter = z.output<typeof ProposalFrontmatterSchema>;
