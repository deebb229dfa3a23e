/**
 * npm run check [-- --json] [-- --dir <folder>] [-- --min-score <0-100>] [-- --no-cache]
 *
 * Reads every proposal through the one reader the build uses (file name, frontmatter schema,
 * content policy, the references between proposals), so it fails exactly when the build would, and
 * reports its completeness with the same rules as the site's badge. Prints one line
 * per finding, `file:line rule-id message`, then a summary table; `--json` prints the same as data.
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
import { PROPOSALS_DIR } from '../src/lib/proposal-files.ts';
import { formatFinding, type Finding } from '../src/lib/reader/findings.ts';
import { readProposalFolderInParallel, type ProposalFolder } from '../src/lib/reader/read-folder.ts';
import type { ProposalRecord } from '../src/lib/reader/read-proposal.ts';
import { keepReadings, openReadingCache } from '../src/lib/reader/reading-cache.ts';
import { formatTable } from '../src/lib/text-table.ts';

const USAGE = 'Usage: npm run check [-- --json] [-- --dir <proposals folder>] [-- --min-score <0-100>] [-- --no-cache]';
/** Where the rules are (the rule set's version is read from them) and the cache is kept. */
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let values;
try {
  ({ values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      dir: { type: 'string', default: PROPOSALS_DIR },
      'min-score': { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score']);
if (minScore !== undefined && !(Number.isInteger(minScore) && minScore >= 0 && minScore <= 100)) {
  console.error(`--min-score: found "${values['min-score']}"; expected a whole number from 0 to 100.\n${USAGE}`);
  process.exit(2);
}

const folderPath = resolve(values.dir);
const cache = values['no-cache'] ? undefined : openReadingCache(PROJECT_ROOT, folderPath);
let folder: ProposalFolder;
try {
  folder = await readProposalFolderInParallel(folderPath, process.cwd(), { cache });
} catch (error) {
  console.error(`npm run check: cannot read ${values.dir}: ${(error as Error).message}`);
  process.exit(2);
}
const { proposals, findings } = folder;
const notKept = cache && keepReadings(cache, folder);
if (notKept) console.error(`npm run check: could not keep the readings for next time: ${notKept.message}`);

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
      completeness: proposal.completeness,
      ...(minScore !== undefined ? { meetsPolicy: !belowPolicy } : {}),
    })),
    ...strayFindings.map((f) => ({ id: null, file: f.file, status: null, valid: false, errors: [asJson(f)], completeness: null })),
  ];
  // The same text as JSON.stringify(entries, null, 2), one entry at a time: at 10,000 proposals the
  // whole array as one string would be tens of megabytes.
  if (entries.length === 0) write('[]');
  else entries.forEach((entry, i) => write(`${i === 0 ? '[\n' : ''}  ${JSON.stringify(entry, null, 2).replaceAll('\n', '\n  ')}${i < entries.length - 1 ? ',' : '\n]'}`));
} else {
  const lines: string[] = [...strayFindings.map(formatFinding)];
  for (const { proposal, errors, belowPolicy } of reports) {
    const { completeness } = proposal;
    lines.push(...errors.map(formatFinding));
    for (const check of completeness.checks.filter((c) => !c.passed)) lines.push(`${proposal.file}:${check.line ?? 1} ${check.id} ${check.message}`);
    if (belowPolicy) lines.push(`${proposal.file}:1 policy completeness ${completeness.score} is below --min-score ${minScore} for a proposal past Draft`);
  }
  if (lines.length > 0) write(`${lines.join('\n')}\n`);
  const levelName = (id: string) => COMPLETENESS_LEVELS.find((l) => l.id === id)!.name;
  write(
    formatTable(
      ['id', 'status', 'valid', 'score', 'level', 'rules not met'],
      reports.map(({ proposal, errors, belowPolicy }) => [
        proposal.id,
        String(proposal.statusAsWritten ?? '?'),
        errors.length === 0 ? 'yes' : 'no',
        `${proposal.completeness.score}${belowPolicy ? ' (below policy)' : ''}`,
        levelName(proposal.completeness.level),
        String(proposal.completeness.checks.filter((c) => !c.passed).length),
      ]),
    ),
  );
  const invalid = new Set(findings.map((f) => f.file)).size;
  const below = reports.filter((r) => r.belowPolicy).length;
  write(
    `\n${proposals.length} proposal file(s) checked; ${invalid === 0 ? 'all valid' : `${invalid} file(s) with ${findings.length} error(s)`}` +
      (minScore === undefined ? '.' : `; ${below} past Draft below --min-score ${minScore}.`),
  );
}

// Not process.exit(): through a pipe, stdout is written asynchronously, and exiting would cut the
// output at 64 KB. Setting the code lets Node drain stdout first.
process.exitCode = failing ? 1 : 0;

/** A finding as --json has always written it: the id under the name `rule`. */
function asJson({ id, ...finding }: Finding) {
  return { ...finding, rule: id };
}

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}
