/**
 * npm run check [-- --json] [-- --dir <folder>]
 *
 * Validates every proposal: the frontmatter schema, the files in the folder, and the references
 * between proposals. Prints one line per finding, `file:line field: message`, then a summary table;
 * `--json` prints the same as data. Exits 1 on any error.
 */
import { parseArgs } from 'node:util';
import { PROPOSALS_DIR } from '../src/lib/proposal-files.ts';
import { readProposalFolder } from '../src/lib/read-proposals.ts';
import { formatTable } from '../src/lib/text-table.ts';
import { formatFinding } from '../src/lib/validate.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    dir: { type: 'string', default: PROPOSALS_DIR },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: npm run check [-- --json] [-- --dir <proposals folder>]');
  process.exit(0);
}

const { proposals, findings } = readProposalFolder(values.dir);

if (values.json) {
  const report = proposals.map((p) => {
    const errors = findings.filter((f) => f.file === p.file);
    return { id: p.id, file: p.file, status: p.data?.status ?? p.raw.status ?? null, valid: errors.length === 0, errors };
  });
  const stray = findings.filter((f) => !proposals.some((p) => p.file === f.file));
  console.log(JSON.stringify(stray.length > 0 ? [...report, ...stray.map((f) => ({ id: null, file: f.file, status: null, valid: false, errors: [f] }))] : report, null, 2));
} else {
  for (const finding of findings) console.log(formatFinding(finding));
  if (findings.length > 0) console.log('');
  console.log(
    formatTable(
      ['id', 'status', 'component', 'valid'],
      proposals.map((p) => [p.id, String(p.raw.status ?? '?'), String(p.raw.component ?? '?'), findings.some((f) => f.file === p.file) ? 'no' : 'yes']),
    ),
  );
  const invalid = new Set(findings.map((f) => f.file)).size;
  console.log(`${proposals.length} proposal file(s) checked; ${invalid === 0 ? 'all valid' : `${invalid} file(s) with ${findings.length} error(s)`}.`);
}

process.exit(findings.length > 0 ? 1 : 0);
