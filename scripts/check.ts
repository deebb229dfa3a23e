/**
 * npm run check [-- --format text|json|github|markdown] [-- --base <git ref>] [-- --dir <folder>]
 *               [-- --min-score <0-100>] [-- --lang zh|en] [-- --no-cache]
 *
 * Reads every proposal through the one reader the build uses (file name, frontmatter schema,
 * content policy, the references between proposals), so it fails exactly when the build would, and
 * reports its completeness with the same rules as the site's badge. Prints one line
 * per finding, `file:line rule-id message`, then a summary table; `--json` (`--format json`) prints
 * the same as data. For a pull request (issue 21): `--format github` prints every finding as a
 * GitHub workflow command, so it shows on its line of the diff, and `--format markdown` prints the
 * review as Markdown, which is also written to `$GITHUB_STEP_SUMMARY` whenever that is set. With
 * `--base <ref>` the review covers the proposals changed since the merge base of the ref and HEAD
 * (scripts/check/base-branch.ts, the only code that reads git), with each one's change of score.
 *
 * `--lang` picks the language of the messages and the table (the site's default language,
 * DEFAULT_LOCALE, unless told). With `--json`, each error and completeness check has `message` in
 * that language and `messages` in every language, `{ zh, en }`; ids and every other field are the
 * same whatever the language.
 *
 * A file is read once per version of its text and of the rules: readings are kept in
 * node_modules/.cache/ (src/lib/reader/reading-cache.ts), and files not kept are read on every core.
 *
 * Exits 1 on any schema error, 2 on a usage error (an unknown `--format`, a `--base` that is not a commit). With `--min-score N`, also exits 1 when a proposal past Draft scores
 * below N: the policy CI can turn on (for example `npm run check -- --min-score 80`).
 */
import { appendFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COMPLETENESS_LEVELS } from '../src/lib/completeness/levels.ts';
import { localizedWithoutQuoteMarks } from '../src/lib/completeness/text.ts';
import type { CompletenessCheck } from '../src/lib/completeness/assess.ts';
import { DEFAULT_LOCALE, isLocale, LOCALE_IDS, type Locale } from '../src/lib/i18n/locales.ts';
import { translator } from '../src/lib/i18n/translate.ts';
import { PROPOSALS_DIR, readFileName } from '../src/lib/proposal-files.ts';
import { fileFinding, formatFinding, type Finding } from '../src/lib/reader/findings.ts';
import { readProposalFolderInParallel, type ProposalFolder } from '../src/lib/reader/read-folder.ts';
import { readRecord } from '../src/lib/reader/read-proposal.ts';
import { keepReadings, openReadingCache } from '../src/lib/reader/reading-cache.ts';
import { annotationsOf, githubOutput } from '../src/lib/review/annotations.ts';
import { compareWithBase, reviewAll, type ReviewedFile } from '../src/lib/review/compare.ts';
import { entryOfRecord, entryOfStrayFile, isFailing, reviewEntries, type ReviewEntry } from '../src/lib/review/entry.ts';
import { reviewSummary } from '../src/lib/review/summary.ts';
import { formatTable } from '../src/lib/text-table.ts';
import { BaseError, readBase, type BaseVersion } from './check/base-branch.ts';

/** Everything the command itself says, in each language; the findings bring their own. */
interface CheckText {
  usage: string;
  badLang: (found: string) => string;
  badMinScore: (found: string) => string;
  badFormat: (found: string) => string;
  badBase: (ref: string, reason: string) => string;
  cannotWriteSummary: (path: string, reason: string) => string;
  cannotRead: (dir: string, reason: string) => string;
  notKept: (reason: string) => string;
  headers: readonly [id: string, status: string, valid: string, score: string, level: string, rulesNotMet: string];
  yes: string;
  no: string;
  /** After a score in the table. */
  belowPolicy: string;
  summary: (files: number, invalidFiles: number, errors: number, min?: { below: number; score: number }) => string;
}

const FORMATS = ['text', 'json', 'github', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const FLAGS = `[-- --format ${FORMATS.join('|')}] [-- --json] [-- --base <git ref>] [-- --dir <proposals folder>] [-- --min-score <0-100>] [-- --lang zh|en] [-- --no-cache]`;

const TEXT: Record<Locale, CheckText> = {
  zh: {
    usage: `用法：npm run check ${FLAGS}`,
    badLang: (found) => `--lang：实际为 "${found}"；应为 ${LOCALE_IDS.join(' 或 ')}。`,
    badMinScore: (found) => `--min-score：实际为 "${found}"；应为 0 到 100 之间的整数。`,
    badFormat: (found) => `--format：实际为 "${found}"；应为 ${FORMATS.join('、')} 之一。`,
    badBase: (ref, reason) => `--base：实际为 "${ref}"，${reason}；应为本仓库中的分支、标签或提交（CI 中请先获取它，例如 git fetch origin main）。`,
    cannotWriteSummary: (path, reason) => `npm run check：无法写入 GITHUB_STEP_SUMMARY（${path}）：${reason}`,
    cannotRead: (dir, reason) => `npm run check：无法读取 ${dir}：${reason}`,
    notKept: (reason) => `npm run check：无法保存本次的读取结果供下次使用：${reason}`,
    headers: ['id', '状态', '有效', '得分', '级别', '未满足的规则'],
    yes: '是',
    no: '否',
    belowPolicy: '（未达标）',
    summary: (files, invalid, errors, min) =>
      `已检查 ${files} 个提案文件；${invalid === 0 ? '全部有效' : `${invalid} 个文件共有 ${errors} 个错误`}` +
      (min === undefined ? '。' : `；${min.below} 个 Draft 之后的提案低于 --min-score ${min.score}。`),
  },
  en: {
    usage: `Usage: npm run check ${FLAGS}`,
    badLang: (found) => `--lang: found "${found}"; expected ${LOCALE_IDS.join(' or ')}.`,
    badMinScore: (found) => `--min-score: found "${found}"; expected a whole number from 0 to 100.`,
    badFormat: (found) => `--format: found "${found}"; expected one of ${FORMATS.join(', ')}.`,
    badBase: (ref, reason) => `--base: found "${ref}", ${reason}; expected a branch, tag or commit of this repository (in CI, fetch it first, for example git fetch origin main).`,
    cannotWriteSummary: (path, reason) => `npm run check: cannot write GITHUB_STEP_SUMMARY (${path}): ${reason}`,
    cannotRead: (dir, reason) => `npm run check: cannot read ${dir}: ${reason}`,
    notKept: (reason) => `npm run check: could not keep the readings for next time: ${reason}`,
    headers: ['id', 'status', 'valid', 'score', 'level', 'rules not met'],
    yes: 'yes',
    no: 'no',
    belowPolicy: ' (below policy)',
    summary: (files, invalid, errors, min) =>
      `${files} proposal file(s) checked; ${invalid === 0 ? 'all valid' : `${invalid} file(s) with ${errors} error(s)`}` +
      (min === undefined ? '.' : `; ${min.below} past Draft below --min-score ${min.score}.`),
  },
};

/** Where the rules are (the rule set's version is read from them) and the cache is kept. */
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The language first, leniently, so that even an error about another argument is in the one asked for.
const asked = parseArgs({ options: { lang: { type: 'string' } }, strict: false, allowPositionals: true }).values.lang;
if (typeof asked === 'string' && !isLocale(asked)) {
  // Which language the reader wanted is unknown: the error is given in each.
  console.error(LOCALE_IDS.map((l) => `${TEXT[l].badLang(asked)}\n${TEXT[l].usage}`).join('\n'));
  process.exit(2);
}
const locale: Locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
const text = TEXT[locale];
const t = translator(locale);

let values;
try {
  ({ values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      base: { type: 'string' },
      dir: { type: 'string', default: PROPOSALS_DIR },
      'min-score': { type: 'string' },
      lang: { type: 'string', default: DEFAULT_LOCALE },
      'no-cache': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${text.usage}`);
  process.exit(2);
}

if (values.help) {
  console.log(text.usage);
  process.exit(0);
}

const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score']);
if (minScore !== undefined && !(Number.isInteger(minScore) && minScore >= 0 && minScore <= 100)) {
  console.error(`${text.badMinScore(values['min-score']!)}\n${text.usage}`);
  process.exit(2);
}

if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) {
  console.error(`${text.badFormat(values.format)}\n${text.usage}`);
  process.exit(2);
}
if (values.json && values.format !== undefined && values.format !== 'json') {
  console.error(`${text.badFormat(`${values.format}" with "--json`)}\n${text.usage}`);
  process.exit(2);
}
const format: Format = values.json ? 'json' : ((values.format as Format | undefined) ?? 'text');

const folderPath = resolve(values.dir);
let base: BaseVersion | undefined;
if (values.base !== undefined) {
  try {
    base = readBase(values.base, folderPath, process.cwd());
  } catch (error) {
    if (!(error instanceof BaseError)) throw error;
    console.error(`${text.badBase(values.base, error.reason[locale])}\n${text.usage}`);
    process.exit(2);
  }
}
const cache = values['no-cache'] ? undefined : openReadingCache(PROJECT_ROOT, folderPath);
let folder: ProposalFolder;
try {
  folder = await readProposalFolderInParallel(folderPath, process.cwd(), { cache });
} catch (error) {
  console.error(text.cannotRead(values.dir, (error as Error).message));
  process.exit(2);
}
const { proposals, findings } = folder;
const notKept = cache && keepReadings(cache, folder);
if (notKept) console.error(text.notKept(notKept.message));

/** One entry per file, for every format: what the annotations, the summary and the table say. */
const entries = reviewEntries(proposals, findings, minScore);
const entryByFile = new Map(entries.map((e) => [e.file, e]));
const failing = entries.some(isFailing);
/** Findings about files that are not proposals at all. */
const strayEntries = entries.filter((e) => e.id === null);
const reviewed = base ? reviewedSinceBase(base) : reviewAll(entries);
let summaryText: string | undefined;
/** What is still to be written to stdout, and its length. */
const pending: string[] = [];
let pendingLength = 0;
/**
 * Each message without its quote marks, once: messages kept in the reading cache are shared
 * between the proposals that say the same (reading-cache.ts), most of 170,000 checks at 10,000.
 */
const plainMessages = new WeakMap<CompletenessCheck['message'], CompletenessCheck['message']>();

if (format === 'json') {
  const json = [
    ...proposals.map((proposal) => {
      const entry = entryByFile.get(proposal.file)!;
      return {
        id: proposal.id,
        file: proposal.file,
        status: proposal.data?.status ?? proposal.statusAsWritten ?? null,
        valid: entry.errors.length === 0,
        errors: entry.errors.map(asJson),
        completeness: { ...proposal.completeness, checks: proposal.completeness.checks.map(checkAsJson) },
        ...(minScore !== undefined ? { meetsPolicy: entry.belowMinScore === undefined } : {}),
      };
    }),
    ...strayEntries.flatMap((e) => e.errors.map((f) => ({ id: null, file: f.file, status: null, valid: false, errors: [asJson(f)], completeness: null }))),
  ];
  // The same text as JSON.stringify(json, null, 2), a slice of entries at a time: at 10,000
  // proposals the whole array as one string would be tens of megabytes. Each slice is stringified
  // as an array, so its entries come indented as inside the whole one, and its brackets are cut.
  const SLICE = 200;
  if (json.length === 0) write('[]');
  for (let i = 0; i < json.length; i += SLICE) {
    const slice = JSON.stringify(json.slice(i, i + SLICE), null, 2);
    write(`${i === 0 ? '[\n' : ''}${slice.slice('[\n'.length, -'\n]'.length)}${i + SLICE < json.length ? ',' : '\n]'}`);
  }
} else if (format === 'github') {
  // With a base, the rules not met of the files the pull request changes; errors wherever they are, as they stop the build.
  const changed = new Set(base?.changes.map((c) => c.path));
  const annotated = base ? entries.map((e) => (changed.has(e.file) || !e.completeness ? e : { ...e, completeness: { ...e.completeness, notMet: [] } })) : entries;
  const lines = githubOutput(annotationsOf(annotated, locale), locale);
  if (lines.length > 0) write(lines.join('\n'));
} else if (format === 'markdown') {
  write(summary());
} else {
  const format = (f: Finding) => formatFinding(f, locale);
  const lines: string[] = strayEntries.flatMap((e) => e.errors.map(format));
  for (const proposal of proposals) {
    const { completeness } = proposal;
    const entry = entryByFile.get(proposal.file)!;
    lines.push(...entry.errors.map(format));
    // The review entry's rules not met: the same lines and words as the annotations and the summary.
    for (const rule of entry.completeness!.notMet) lines.push(`${proposal.file}:${rule.line} ${rule.id} ${rule.message[locale]}`);
    if (entry.belowMinScore !== undefined) lines.push(`${proposal.file}:1 policy ${t('review.belowMinScore', { score: completeness.score, min: entry.belowMinScore })}`);
  }
  if (lines.length > 0) write(`${lines.join('\n')}\n`);
  const levelName = (id: string) => COMPLETENESS_LEVELS.find((l) => l.id === id)!.name[locale];
  write(
    formatTable(
      text.headers,
      proposals.map((proposal) => {
        const entry = entryByFile.get(proposal.file)!;
        return [
          proposal.id,
          String(proposal.statusAsWritten ?? '?'),
          entry.errors.length === 0 ? text.yes : text.no,
          `${proposal.completeness.score}${entry.belowMinScore !== undefined ? text.belowPolicy : ''}`,
          levelName(proposal.completeness.level),
          String(proposal.completeness.checks.filter((c) => !c.passed).length),
        ];
      }),
    ),
  );
  const invalid = new Set(findings.map((f) => f.file)).size;
  const below = entries.filter((e) => e.belowMinScore !== undefined).length;
  write(`\n${text.summary(proposals.length, invalid, findings.length, minScore === undefined ? undefined : { below, score: minScore })}`);
}

// In a GitHub Actions step, the review is also the step's summary, whatever was printed.
const stepSummary = process.env.GITHUB_STEP_SUMMARY;
if (stepSummary) {
  try {
    appendFileSync(stepSummary, `${summary()}\n`);
  } catch (error) {
    console.error(text.cannotWriteSummary(stepSummary, (error as Error).message));
    process.exitCode = 2;
  }
}

flush();
// Not process.exit(): through a pipe, stdout is written asynchronously, and exiting would cut the
// output at 64 KB. Setting the code lets Node drain stdout first.
process.exitCode ??= failing ? 1 : 0;

/** A finding as --json has always written it (the id under the name `rule`), its message in --lang's language and in every one. */
function asJson({ id, message, ...finding }: Finding) {
  return { ...finding, message: message[locale], messages: message, rule: id };
}

/** A completeness check, likewise: `message` in --lang's language, `messages` in every one. */
function checkAsJson({ message, ...check }: CompletenessCheck) {
  let messages = plainMessages.get(message);
  if (messages === undefined) plainMessages.set(message, (messages = localizedWithoutQuoteMarks(message)));
  return { ...check, message: messages[locale], messages };
}

/** The review as Markdown, once, however many times it is written. */
function summary(): string {
  summaryText ??= reviewSummary(reviewed, { locale, ...(base ? { base: { ref: base.ref, commit: base.commit } } : {}), ...(minScore !== undefined ? { minScore } : {}) });
  return summaryText;
}
/**
 * The files changed since the base, each with its entry there (read by the same reader from git's
 * text, judged by this branch's rules), and every unchanged file that has errors now: the build
 * stops on them, so the review must say so.
 */
function reviewedSinceBase({ changes, texts }: BaseVersion): ReviewedFile[] {
  const baseEntries = new Map<string, ReviewEntry>();
  for (const [file, source] of texts) {
    const relativePath = relative(folderPath, join(process.cwd(), file));
    const name = readFileName(relativePath);
    if ('error' in name && name.kind === undefined) {
      baseEntries.set(file, entryOfStrayFile(file, [fileFinding(file, name.error)]));
      continue;
    }
    const reading = readRecord(file, relativePath, source);
    baseEntries.set(file, 'record' in reading ? entryOfRecord(reading.record, reading.record.errors) : entryOfStrayFile(file, [reading.failure]));
  }
  const changed = compareWithBase(changes, entryByFile, baseEntries);
  const listed = new Set(changed.map((c) => c.file));
  const failingElsewhere = reviewAll(entries.filter((e) => isFailing(e) && !listed.has(e.file)));
  return [...changed, ...failingElsewhere].sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * Writes a line, in batches of about a megabyte: into a pipe each write waits for the reader, and
 * --json at 10,000 proposals is 10,000 entries (measured: 3.0–4.7 s through a pipe written one by
 * one, against 2.4 s into a file).
 */
function write(text: string): void {
  pending.push(text, '\n');
  pendingLength += text.length + 1;
  if (pendingLength >= 1 << 20) flush();
}

function flush(): void {
  if (pending.length === 0) return;
  process.stdout.write(pending.join(''));
  pending.length = 0;
  pendingLength = 0;
}
