/**
 * The proposal frontmatter schema: the reference documentation for every field a proposal may have.
 *
 * It is plain TypeScript over zod's mini build (`zod/mini`, the zod that `astro/zod` is), with no
 * Astro import, so that the browser checker carries 5 KB of zod rather than 90 (the full build's
 * methods cannot be tree-shaken). The content collection,
 * `npm run check`, `npm run new` and the unit tests all validate with this very schema. Every error
 * message says what was found and what is expected, in every interface language (read it with
 * `issueMessage`); the path of the issue names the field.
 */
import * as z from 'zod/mini';
import type { Locale, Localized } from '../i18n/locales.ts';
import { COMPONENT_IDS } from '../vocabulary/components.ts';
import { LANGUAGE_IDS } from '../vocabulary/languages.ts';
import { STATUS_FIELDS, STATUS_NAMES, statusByName, statusesWith, type StatusField } from '../vocabulary/statuses.ts';

/**
 * Zod's messages are strings, and a proposal's errors are shown in every interface language. So each
 * message this schema gives is a `Localized`, carried through zod as its JSON text (`carry`) and read
 * back from the issue by `issueMessage`: both languages are written side by side here, and nothing
 * ever parses the English.
 */
function carry(message: Localized): string {
  return JSON.stringify(message);
}

/** An issue's message in every language. A message zod wrote itself (none should reach a reader) is shown as it is. */
export function issueMessage(issue: { message: string }): Localized {
  try {
    const message: unknown = JSON.parse(issue.message);
    if (isLocalized(message)) return { zh: message.zh, en: message.en };
  } catch {
    // Not carried by this schema.
  }
  return { zh: issue.message, en: issue.message };
}

function isLocalized(value: unknown): value is Localized {
  return value !== null && typeof value === 'object' && typeof (value as Localized).zh === 'string' && typeof (value as Localized).en === 'string';
}

/** Shows a found value the way it would be written in YAML, short enough for one line. */
export function describeFound(value: unknown, locale: Locale = 'en'): string {
  if (value === undefined) return locale === 'zh' ? '空' : 'nothing';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? (locale === 'zh' ? '无效日期' : 'an invalid date') : value.toISOString().slice(0, 10);
  const json = JSON.stringify(value);
  if (json === undefined) return String(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/** Chinese puts a space between a Chinese word and a Latin one: "应为 true 或 false", "应为日期". */
const spaced = (zh: string) => (/^[\x21-\x7e]/.test(zh) ? ` ${zh}` : zh);

/** "found X; expected Y", or "missing; expected Y" when there is nothing. */
function foundExpected(input: unknown, what: Localized): Localized {
  return input === undefined
    ? { zh: `缺失；应为${spaced(what.zh)}`, en: `missing; expected ${what.en}` }
    : { zh: `实际为 ${describeFound(input, 'zh')}；应为${spaced(what.zh)}`, en: `found ${describeFound(input, 'en')}; expected ${what.en}` };
}

/**
 * A zod error callback whose message reads "found X; expected Y". Zod calls it for the field's own
 * type and format issues; the path (the field's name) is added by whoever prints the issue.
 */
function expected(what: Localized) {
  return (issue: { input?: unknown }) => carry(foundExpected(issue.input, what));
}

/** Where KIPs live; a KIP link must start here. */
export const KIP_WIKI = 'https://cwiki.apache.org/confluence/display/KAFKA/';
const KIP_LINK: Localized = { zh: `Apache wiki 上的 KIP 链接（${KIP_WIKI}…）`, en: `a link to the KIP on Apache's wiki, ${KIP_WIKI}…` };

const oneOf = (values: readonly string[]): Localized => ({ zh: `以下之一：${values.join('、')}`, en: `one of: ${values.join(', ')}` });

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
export const IsoDateSchema = z.string({ error: expected({ zh: '日期，格式为 YYYY-MM-DD', en: 'a date written YYYY-MM-DD' }) }).check((ctx) => {
  const text = ctx.value;
  if (isCalendarDate(text)) return;
  const what: Localized = /^\d{4}-\d{2}-\d{2}[T ]/.test(text)
    ? { zh: '日期，格式为 YYYY-MM-DD，不带时间和时区', en: 'a date written YYYY-MM-DD, without a time or zone' }
    : ISO_DATE.test(text)
      ? { zh: '真实存在的日期 YYYY-MM-DD（该日期不存在）', en: 'a real calendar date written YYYY-MM-DD (this day does not exist)' }
      : { zh: '日期，格式为 YYYY-MM-DD，如 2026-03-02', en: 'a date written YYYY-MM-DD, such as 2026-03-02' };
  ctx.issues.push({ code: 'custom', input: text, message: carry(foundExpected(text, what)) });
});

export const AuthorSchema = z.strictObject(
  {
    /** The author's name as it should be shown. */
    name: z.string({ error: expected({ zh: '作者姓名', en: 'the author’s name' }) }).check(z.trim(), z.minLength(1, { error: expected({ zh: '非空的姓名', en: 'a non-empty name' }) })),
    /** Optional https link: a profile, a home page or a `mailto:` address. */
    link: z.optional(
      z
        .string({ error: expected({ zh: 'https:// 或 mailto: 链接', en: 'an https:// or mailto: link' }) })
        .check(z.regex(/^(https:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+)$/, { error: expected({ zh: 'https:// 或 mailto: 链接', en: 'an https:// or mailto: link' }) })),
    ),
  },
  { error: unknownFieldsOr({ zh: '作者：{ name, link? }', en: 'an author: { name, link? }' }, ['name', 'link']) },
);

export const KipSchema = z.strictObject(
  {
    /** The KIP's number, once it has one; leave it out while the KIP is still being written. */
    number: z.optional(
      z
        .number({ error: expected({ zh: '整数，如 390', en: 'a whole number, such as 390' }) })
        .check(z.int({ error: expected({ zh: '整数', en: 'a whole number' }) }), z.positive({ error: expected({ zh: '正数', en: 'a positive number' }) })),
    ),
    /**
     * Link to the KIP's page on Apache's wiki, or to the KIP index while it has none. Only that wiki:
     * the link is shown as "the KIP", so it must not lead anywhere else.
     */
    link: z.string({ error: expected(KIP_LINK) }).check(
      z.regex(/^https:\/\/cwiki\.apache\.org\/confluence\/(?:display\/KAFKA\/|pages\/viewpage\.action\?pageId=\d+|x\/)[^\s<>"]*$/, {
        error: expected(KIP_LINK),
      }),
    ),
  },
  { error: unknownFieldsOr({ zh: 'KIP 引用：{ number?, link }', en: 'a KIP reference: { number?, link }' }, ['number', 'link']) },
);

export const FeatureFlagSchema = z.strictObject(
  {
    /** The broker or topic config that turns the change on, such as `log.cleaner.foo.enable`. */
    name: z
      .string({ error: expected({ zh: '配置名，如 log.cleaner.foo.enable', en: 'a config name such as log.cleaner.foo.enable' }) })
      .check(z.regex(/^[a-z][a-z0-9]*(\.[a-z0-9][a-z0-9-]*)+$/, { error: expected({ zh: '以点分隔的小写配置名，如 log.cleaner.foo.enable', en: 'a dotted lower-case config name such as log.cleaner.foo.enable' }) })),
    /** Its default value. The template asks for the change to be off by default. */
    default: z.union([z.boolean(), z.number(), z.string()], { error: expected({ zh: '默认值：true、false、数字或字符串', en: 'the default value: true, false, a number or a string' }) }),
  },
  { error: unknownFieldsOr({ zh: '特性开关：{ name, default }', en: 'a feature flag: { name, default }' }, ['name', 'default']) },
);

const changeFlag = (what: Localized) => z.boolean({ error: expected({ zh: `true 或 false：本变更是否涉及${what.zh}？`, en: `true or false: does the change touch ${what.en}?` }) });

export const ChangesSchema = z.strictObject(
  {
    /** Does the change alter a request or response on the wire? */
    protocol: changeFlag({ zh: '网络协议', en: 'the wire protocol' }),
    /** Does it change what the broker writes to disk (segments, indexes, snapshots, checkpoints)? */
    onDiskFormat: changeFlag({ zh: '磁盘存储格式', en: 'the on-disk format' }),
    /** Does it change behaviour a user can see: configs, metrics, defaults, errors? */
    userVisible: changeFlag({ zh: '用户可见的行为', en: 'user-visible behaviour' }),
  },
  { error: unknownFieldsOr({ zh: '变更标记：{ protocol, onDiskFormat, userVisible }', en: 'the change flags: { protocol, onDiskFormat, userVisible }' }, ['protocol', 'onDiskFormat', 'userVisible']) },
);

/** The fields a proposal may have, in the order the template skeleton writes them. */
const proposalShape = {
  /** The proposal's title, one line. */
  title: z.string({ error: expected({ zh: '文本形式的标题', en: 'the title, as text' }) }).check(z.trim(), z.minLength(1, { error: expected({ zh: '非空的标题', en: 'a non-empty title' }) })),
  /** The primary component: the one id from the taxonomy that this proposal belongs to. */
  component: z.enum(COMPONENT_IDS, { error: expected(oneOf(COMPONENT_IDS)) }),
  /** Further components the change touches, beyond the primary one. */
  relatedComponents: z._default(z.array(z.enum(COMPONENT_IDS, { error: expected(oneOf(COMPONENT_IDS)) }), { error: expected({ zh: '组件 id 列表', en: 'a list of component ids' }) }), []),
  /** The Kafka modules or source paths in scope, such as `storage` or `core/src/main/scala/kafka/server/KafkaApis.scala`. */
  modules: z
    .array(z.string({ error: expected({ zh: '模块名或源码路径', en: 'a module name or source path' }) }).check(z.trim(), z.minLength(1, { error: expected({ zh: '模块名或源码路径', en: 'a module name or source path' }) })), { error: expected({ zh: 'Kafka 模块或源码路径的列表', en: 'a list of Kafka modules or source paths' }) })
    .check(z.minLength(1, { error: expected({ zh: '至少一个模块或源码路径', en: 'at least one module or source path' }) })),
  /** Where the proposal stands; see the status pages for what each one means. */
  status: z.enum(STATUS_NAMES, { error: expected(oneOf(STATUS_NAMES)) }),
  /** Who wrote it: at least one author. */
  authors: z.array(AuthorSchema, { error: expected({ zh: '作者列表，每项为 { name, link? }', en: 'a list of authors, each { name, link? }' }) }).check(z.minLength(1, { error: expected({ zh: '至少一位作者', en: 'at least one author' }) })),
  /** When the proposal was first written. */
  created: IsoDateSchema,
  /** When it last changed in substance; not before `created`. */
  updated: IsoDateSchema,
  /** The KIP this proposal goes through. Required when any change flag is true. */
  kip: z.optional(KipSchema),
  /** Related JIRA issues, each `KAFKA-<n>`. */
  jira: z._default(
    z.array(z.string().check(z.regex(/^KAFKA-[1-9]\d*$/, { error: expected({ zh: 'JIRA 编号，如 KAFKA-14633', en: 'a JIRA id such as KAFKA-14633' }) })), { error: expected({ zh: 'JIRA 编号列表', en: 'a list of JIRA ids' }) }),
    [],
  ),
  /** The config that turns the change on, and its default. */
  featureFlag: z.optional(FeatureFlagSchema),
  /** The template's KIP decision point: what kind of change this is. */
  changes: ChangesSchema,
  /** The language the proposal is written in. */
  lang: z.enum(LANGUAGE_IDS, { error: expected(oneOf(LANGUAGE_IDS)) }),
  /** True for a sample written to illustrate the template rather than a proposal someone is pursuing. */
  illustration: z._default(z.boolean({ error: expected({ zh: 'true 或 false', en: 'true or false' }) }), false),
  /** The Kafka release it shipped in, such as `3.8.0`. Required when the status is Implemented. */
  release: z.optional(
    z.string({ error: expected({ zh: 'Kafka 版本号，如 3.8.0', en: 'a Kafka version such as 3.8.0' }) }).check(z.regex(/^\d+\.\d+(\.\d+)?$/, { error: expected({ zh: 'Kafka 版本号，如 3.8.0', en: 'a Kafka version such as 3.8.0' }) })),
  ),
  /** Why it was rejected or withdrawn. Required for those statuses. */
  reason: z.optional(z.string({ error: expected({ zh: '一行原因说明', en: 'a one-line reason' }) }).check(z.trim(), z.minLength(1, { error: expected({ zh: '非空的原因说明', en: 'a non-empty reason' }) }))),
  /** The id of the proposal that replaces this one. Required when the status is Superseded. */
  supersededBy: z.optional(z.string({ error: expected({ zh: '另一份提案的 id', en: 'the id of another proposal' }) }).check(z.trim(), z.minLength(1, { error: expected({ zh: '另一份提案的 id', en: 'the id of another proposal' }) }))),
};

export const PROPOSAL_FIELDS = Object.keys(proposalShape) as (keyof typeof proposalShape)[];

/** For an object: an unknown field is named, with the fields that are allowed; anything else is a type error. */
function unknownFieldsOr(what: Localized, allowed: readonly string[]) {
  return (issue: { code?: string; input?: unknown; keys?: readonly string[] }) => {
    if (issue.code !== 'unrecognized_keys') return expected(what)(issue);
    const keys = issue.keys!.map((k) => `"${k}"`);
    return carry({
      zh: `未知字段 ${keys.join('、')}；应只包含：${allowed.join('、')}`,
      en: `unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')}; expected only: ${allowed.join(', ')}`,
    });
  };
}

const STATUS_FIELD_MEANING: Record<StatusField, Localized> = {
  release: { zh: '发布该变更的 Kafka 版本（如 3.8.0）', en: 'the Kafka release it shipped in (such as 3.8.0)' },
  reason: { zh: '一行原因说明', en: 'a one-line reason' },
  supersededBy: { zh: '取代本提案的提案 id', en: 'the id of the proposal that supersedes it' },
};

/** The frontmatter of a proposal file, with the template's cross-field rules. */
type KnownFields = z.output<z.ZodMiniObject<typeof proposalShape>>;

const FrontmatterObjectSchema = z.looseObject(proposalShape, { error: expected({ zh: 'frontmatter：位于两行 --- 之间的 YAML 字段映射', en: 'frontmatter: a YAML mapping of fields between --- lines' }) }).check(
  // Runs even when a field is invalid, so unknown fields are reported together with the rest.
  z.superRefine(reportUnknownFields, { when: () => true }),
  z.superRefine((data, ctx) => {
    if (data.updated < data.created) {
      ctx.addIssue({
        code: 'custom',
        path: ['updated'],
        input: data.updated,
        message: carry({ zh: `实际为 ${data.updated}；应不早于 created（${data.created}）`, en: `found ${data.updated}; expected a date on or after created (${data.created})` }),
      });
    }
    const declared = (Object.keys(data.changes) as (keyof typeof data.changes)[]).filter((flag) => data.changes[flag]);
    if (declared.length > 0 && !data.kip) {
      ctx.addIssue({
        code: 'custom',
        path: ['kip'],
        input: undefined,
        message: carry({
          zh: `缺失；changes.${declared.join('、changes.')} 为 true，应填写 KIP 引用 { number?, link }（模板的 KIP 决策点）`,
          en: `missing; expected a KIP reference { number?, link } because changes.${declared.join(', changes.')} is true (the template's KIP decision point)`,
        }),
      });
    }
    // Release, reason and supersededBy belong to some statuses only (vocabulary/statuses.ts).
    const status = statusByName(data.status);
    for (const field of STATUS_FIELDS) {
      const present = data[field] !== undefined;
      if (!present && status.requires?.includes(field)) {
        const meaning = STATUS_FIELD_MEANING[field];
        ctx.addIssue({
          code: 'custom',
          path: [field],
          input: undefined,
          message: carry({ zh: `缺失；status 为 ${data.status} 时应填写${meaning.zh}`, en: `missing; expected ${meaning.en} because status is ${data.status}` }),
        });
      } else if (present && !status.requires?.includes(field) && !status.allows?.includes(field)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          input: data[field],
          message: carry({
            zh: `实际为 ${describeFound(data[field], 'zh')}；status 为 ${data.status} 时不应有 ${field}（${field} 只用于 ${statusesWith(field).join('、')}）：删除该字段，或修改 status`,
            en: `found ${describeFound(data[field], 'en')}; expected no ${field} while status is ${data.status} (${field} belongs to ${statusesWith(field).join(', ')}): remove it, or change the status`,
          }),
        });
      }
    }
    if (data.relatedComponents.includes(data.component)) {
      ctx.addIssue({
        code: 'custom',
        path: ['relatedComponents'],
        input: data.component,
        message: carry({ zh: `实际为 "${data.component}"；应只列出主组件以外的组件`, en: `found "${data.component}"; expected only components other than the primary one` }),
      });
    }
  }),
);

export const ProposalFrontmatterSchema = z.pipe(
  FrontmatterObjectSchema,
  z.transform((data): KnownFields => Object.fromEntries(PROPOSAL_FIELDS.filter((f) => f in data).map((f) => [f, data[f]])) as KnownFields),
);

/**
 * Unknown top-level fields are errors, reported one per field so that the message names the field
 * (a strict object would report them all at the frontmatter's root, with no field to point at).
 */
function reportUnknownFields(input: Record<string, unknown>, ctx: z.core.$RefinementCtx) {
  const known = new Set<string>(PROPOSAL_FIELDS);
  for (const [field, value] of Object.entries(input)) {
    if (!known.has(field)) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        input: value,
        message: carry({ zh: `未知字段；应只包含：${PROPOSAL_FIELDS.join('、')}`, en: `unknown field; expected only: ${PROPOSAL_FIELDS.join(', ')}` }),
      });
    }
  }
}

export type ProposalFrontmatterInput = z.input<typeof ProposalFrontmatterSchema>;
export type ProposalFrontmatter = z.output<typeof ProposalFrontmatterSchema>;
