/**
 * npm run check [-- --json] [-- --dir <folder>] [-- --min-score <0-100>] [-- --lang zh|en] [-- --no-cache]
 *
 * Reads every proposal through the one reader the build uses (file name, frontmatter schema,
 * content policy, the references between proposals), so it fails exactly when the build would, and
 * reports its completeness with the same rules as the site's badge. Prints one line
 * per finding, `file:line rule-id message`, then a summary table; `--json` prints the same as data.
 *
 * `--lang` picks the language of the messages and the table (the site's default language,
 * DEFAULT_LOCALE, unless told). With `--json`, each error and completeness check has `message` in
 * that language and `messages` in every language, `{ zh, en }`; ids and every other field are the
 * same whatever the language.
 *
 * A file is read once per version of its text and of the rules: readings are kept in
 * node_modules/.cache/ (src/lib/reader/reading-cache.ts), and files not kept are read on every core.
 *
 * Exits 1 on any schema error. With `--min-score N`, also exits 1 when a proposal past Draft scores
 * below N: the policy CI can turn on (for example `npm run check -- --min-score 80`).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COMPLETENESS_LEVELS } from '../src/lib/completeness/levels.ts';
import type { CompletenessCheck } from '../src/lib/completeness/assess.ts';
import { DEFAULT_LOCALE, isLocale, LOCALE_IDS, type Locale } from '../src/lib/i18n/locales.ts';
import { PROPOSALS_DIR } from '../src/lib/proposal-files.ts';
import { formatFinding, type Finding } from '../src/lib/reader/findings.ts';
import { readProposalFolderInParallel, type ProposalFolder } from '../src/lib/reader/read-folder.ts';
import type { ProposalRecord } from '../src/lib/reader/read-proposal.ts';
import { keepReadings, openReadingCache } from '../src/lib/reader/reading-cache.ts';
import { formatTable } from '../src/lib/text-table.ts';

/** Everything the command itself says, in each language; the findings bring their own. */
interface CheckText {
  usage: string;
  badLang: (found: string) => string;
  badMinScore: (found: string) => string;
  cannotRead: (dir: string, reason: string) => string;
  notKept: (reason: string) => string;
  /** The message of the `policy` line: a proposal past Draft below --min-score. */
  belowMinScore: (score: number, min: number) => string;
  headers: readonly [id: string, status: string, valid: string, score: string, level: string, rulesNotMet: string];
  yes: string;
  no: string;
  /** After a score in the table. */
  belowPolicy: string;
  summary: (files: number, invalidFiles: number, errors: number, min?: { below: number; score: number }) => string;
}

const FLAGS = '[-- --json] [-- --dir <proposals folder>] [-- --min-score <0-100>] [-- --lang zh|en] [-- --no-cache]';

const TEXT: Record<Locale, CheckText> = {
  zh: {
    usage: `用法：npm run check ${FLAGS}`,
    badLang: (found) => `--lang：实际为 "${found}"；应为 ${LOCALE_IDS.join(' 或 ')}。`,
    badMinScore: (found) => `--min-score：实际为 "${found}"；应为 0 到 100 之间的整数。`,
    cannotRead: (dir, reason) => `npm run check：无法读取 ${dir}：${reason}`,
    notKept: (reason) => `npm run check：无法保存本次的读取结果供下次使用：${reason}`,
    belowMinScore: (score, min) => `完整度 ${score} 低于 --min-score ${min}（适用于 Draft 之后的提案）`,
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
    cannotRead: (dir, reason) => `npm run check: cannot read ${dir}: ${reason}`,
    notKept: (reason) => `npm run check: could not keep the readings for next time: ${reason}`,
    belowMinScore: (score, min) => `completeness ${score} is below --min-score ${min} for a proposal past Draft`,
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

let values;
try {
  ({ values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
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

const folderPath = resolve(values.dir);
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

const findingsByFile = new Map<string, Finding[]>();
for (const f of findings) {
  const list = findingsByFile.get(f.file);
  if (list) list.push(f);
  else findingsByFile.set(f.file, [f]);
}
const proposalFiles = new Set(proposals.map((p) => p.file));

interface Report {
  proposal: ProposalRecord;
  errors: Finding[];
  /** Set when the policy applies and the score is below it. */
  belowPolicy: boolean;
}

const reports: Report[] = proposals.map((proposal) => {
  const pastDraft = (proposal.data?.status ?? proposal.statusAsWritten) !== 'Draft';
  return {
    proposal,
    errors: findingsByFile.get(proposal.file) ?? [],
    belowPolicy: minScore !== undefined && pastDraft && proposal.completeness.score < minScore,
  };
});
/** Findings about files that are not proposals at all. */
const strayFindings = findings.filter((f) => !proposalFiles.has(f.file));
const failing = findings.length > 0 || reports.some((r) => r.belowPolicy);

if (values.json) {
  const entries = [
    ...reports.map(({ proposal, errors, belowPolicy }) => ({
      id: proposal.id,
      file: proposal.file,
      status: proposal.data?.status ?? proposal.statusAsWritten ?? null,
      valid: errors.length === 0,
      errors: errors.map(asJson),
      completeness: { ...proposal.completeness, checks: proposal.completeness.checks.map(checkAsJson) },
      ...(minScore !== undefined ? { meetsPolicy: !belowPolicy } : {}),
    })),
    ...strayFindings.map((f) => ({ id: null, file: f.file, status: null, valid: false, errors: [asJson(f)], completeness: null })),
  ];
  // The same text as JSON.stringify(entries, null, 2), one entry at a time: at 10,000 proposals the
  // whole array as one string would be tens of megabytes.
  if (entries.length === 0) write('[]');
  else entries.forEach((entry, i) => write(`${i === 0 ? '[\n' : ''}  ${JSON.stringify(entry, null, 2).replaceAll('\n', '\n  ')}${i < entries.length - 1 ? ',' : '\n]'}`));
} else {
  const format = (f: Finding) => formatFinding(f, locale);
  const lines: string[] = [...strayFindings.map(format)];
  for (const { proposal, errors, belowPolicy } of reports) {
    const { completeness } = proposal;
    lines.push(...errors.map(format));
    for (const check of completeness.checks.filter((c) => !c.passed)) lines.push(`${proposal.file}:${check.line ?? 1} ${check.id} ${check.message[locale]}`);
    if (belowPolicy) lines.push(`${proposal.file}:1 policy ${text.belowMinScore(completeness.score, minScore!)}`);
  }
  if (lines.length > 0) write(`${lines.join('\n')}\n`);
  const levelName = (id: string) => COMPLETENESS_LEVELS.find((l) => l.id === id)!.name[locale];
  write(
    formatTable(
      text.headers,
      reports.map(({ proposal, errors, belowPolicy }) => [
        proposal.id,
        String(proposal.statusAsWritten ?? '?'),
        errors.length === 0 ? text.yes : text.no,
        `${proposal.completeness.score}${belowPolicy ? text.belowPolicy : ''}`,
        levelName(proposal.completeness.level),
        String(proposal.completeness.checks.filter((c) => !c.passed).length),
      ]),
    ),
  );
  const invalid = new Set(findings.map((f) => f.file)).size;
  const below = reports.filter((r) => r.belowPolicy).length;
  write(`\n${text.summary(proposals.length, invalid, findings.length, minScore === undefined ? undefined : { below, score: minScore })}`);
}

// Not process.exit(): through a pipe, stdout is written asynchronously, and exiting would cut the
// output at 64 KB. Setting the code lets Node drain stdout first.
process.exitCode = failing ? 1 : 0;

/** A finding as --json has always written it (the id under the name `rule`), its message in --lang's language and in every one. */
function asJson({ id, message, ...finding }: Finding) {
  return { ...finding, message: message[locale], messages: message, rule: id };
}

/** A completeness check, likewise: `message` in --lang's language, `messages` in every one. */
function checkAsJson({ message, ...check }: CompletenessCheck) {
  return { ...check, message: message[locale], messages: message };
}

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}
