/**
 * The one reader of a proposal file. The build's content loader, `npm run check`, `npm run new`
 * and the browser checker all turn a file into a proposal here, and nowhere else, so they cannot
 * disagree: file name, frontmatter, schema and cross-field rules, content policy, then the body's
 * analysis, completeness and Definition of Done assessment, once.
 *
 * It reads text it is given and never touches the disk, so it runs in a browser as well as in Node.
 * In the browser, call `prepareToRead` first: the MDX parser is loaded only for `.mdx` files.
 */
import { assessCompleteness, type Completeness } from '../completeness/assess.ts';
import type { DodAssessment } from '../dod/types.ts';
import { dodInFile, dodOfBody } from '../dod/verdict.ts';
import { analyseBody, oneLineProblem, type AnalysedBody } from '../markdown/analyse.ts';
import type { ProposalKind } from '../proposal-files.ts';
import { issueMessage, ProposalFrontmatterSchema, type ProposalFrontmatter } from '../schema/proposal.ts';
import { checkMdx, checkTree, type PolicyFinding } from './content-policy.ts';
import { parser } from '#markdown-parser';
import { readFileName } from '../proposal-files.ts';
import { fileFinding, frontmatterFinding, type Finding } from './findings.ts';
import { isRecord, readFrontmatter } from './frontmatter.ts';
import { checkLimits, MAX_PROPOSAL_CHARS } from './limits.ts';

export interface ReadProposal {
  /** The id: the file name without its extension; the URL is /proposals/<id>/. */
  id: string;
  /** The path shown in messages, relative to the repository root. */
  file: string;
  kind: ProposalKind;
  /** The validated frontmatter; undefined when it has errors. */
  data: ProposalFrontmatter | undefined;
  /** The frontmatter as written, to report what there is even when it is invalid. */
  raw: Record<string, unknown>;
  body: string;
  /** Where the body starts in the file's text: `text.slice(bodyOffset)` is the body. */
  bodyOffset: number;
  /** 1-based line of the file on which the body starts. */
  bodyStartLine: number;
  /** 1-based file line of a frontmatter field (dotted, `authors.0.name`, or a top-level name). */
  lineOf: (field: string) => number;
  analysed: AnalysedBody;
  /** The one-line problem from the summary, when it has been written. */
  problem: string | undefined;
  completeness: Completeness;
  /** Section 5's results judged against its Definition of Done, in the file's lines. */
  dod: DodAssessment;
  /** Every error in the file itself; errors across files come from the folder reader. */
  errors: Finding[];
}

/** Resolves once `readProposal` can read a file of this name (in the browser, an `.mdx` one needs its parser). */
export function prepareToRead(relativePath: string): Promise<void> {
  return relativePath.endsWith('.mdx') ? parser.loadMdxParser() : Promise.resolve();
}

/**
 * @param file the path shown in messages
 * @param relativePath the path relative to the proposals folder, which gives the id
 * @param text the file's content
 */
export function readProposal(file: string, relativePath: string, text: string): ReadProposal {
  const errors: Finding[] = [];
  const name = readFileName(relativePath);
  if ('error' in name) errors.push(fileFinding(file, name.error));
  const id = 'id' in name ? name.id : relativePath.replace(/\.mdx?$/, '');
  const kind: ProposalKind = name.kind ?? (relativePath.endsWith('.mdx') ? 'mdx' : 'md');

  const tooLarge = text.length > MAX_PROPOSAL_CHARS;
  if (tooLarge) {
    errors.push(
      fileFinding(file, {
        zh: `实际为 ${text.length} 个字符的文件；应不超过 ${MAX_PROPOSAL_CHARS} 个字符（填好的模板约 10,000 个字符）`,
        en: `found a file of ${text.length} characters; expected at most ${MAX_PROPOSAL_CHARS} (a filled template is about 10,000)`,
      }),
    );
  }
  const source = readFrontmatter(tooLarge ? '' : text);
  const raw = isRecord(source.data) ? source.data : {};
  const lineOf = (field: string) => source.lineOf(field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)));

  let data: ProposalFrontmatter | undefined;
  if (tooLarge) {
    // Reported above; the frontmatter is not worth reading.
  } else if (source.errors.length > 0) {
    errors.push(...source.errors.map((e) => frontmatterFinding(file, e.line, 'frontmatter', e.message)));
  } else {
    const result = ProposalFrontmatterSchema.safeParse(source.data);
    if (result.success) data = result.data;
    else {
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('.') || 'frontmatter';
        errors.push(frontmatterFinding(file, field === 'frontmatter' ? 1 : lineOf(field), field, issueMessage(issue)));
      }
    }
  }

  // A body over the limits is not parsed at all: parsing it is what could hang or crash.
  const limits = checkLimits(source.body);
  const analysed = analyseBody(limits.length > 0 ? '' : source.body);
  // A Markdown body's tree is the one the analysis read: the body is parsed once.
  const policy: PolicyFinding[] = limits.length > 0 ? limits : kind === 'mdx' ? checkMdx(source.body).findings : checkTree(analysed.tree);
  const toFileLine = (line: number) => line + source.bodyStartLine - 1;
  errors.push(...policy.map((p) => ({ file, line: toFileLine(p.line), field: 'body', id: p.id, message: p.message })));

  return {
    id,
    file,
    kind,
    data,
    raw,
    body: source.body,
    // The body is always the end of the text: the frontmatter block and a byte-order mark come off the front.
    bodyOffset: text.length - source.body.length,
    bodyStartLine: source.bodyStartLine,
    lineOf,
    analysed,
    problem: oneLineProblem(analysed),
    completeness: assessCompleteness({ analysed, bodyStartLine: source.bodyStartLine, data }),
    // After the completeness rules, whose `dod-verdict` made the body's assessment: only its lines move.
    dod: dodInFile(dodOfBody(analysed), source.bodyStartLine),
    errors,
  };
}

/**
 * What a reading leaves once its syntax tree is gone: plain data, small enough to keep for 10,000
 * proposals at once, to send between threads, to cache on disk and to store with a collection entry.
 * Everything after the reader (pages, `npm run check`, the rules across files) needs only this.
 */
export interface ProposalRecord {
  id: string;
  file: string;
  kind: ProposalKind;
  data: ProposalFrontmatter | undefined;
  /** The status as written (any YAML value), for reports on files whose frontmatter is invalid. */
  statusAsWritten: unknown;
  bodyOffset: number;
  bodyStartLine: number;
  /** The file line of `supersededBy`, for the rules across files. */
  supersededByLine: number | undefined;
  problem: string | undefined;
  completeness: Completeness;
  /** Section 5's results judged against its Definition of Done, in the file's lines (src/lib/dod/types.ts). */
  dod: DodAssessment;
  errors: Finding[];
}

/** A record of a file whose reading has no error: what the site publishes. */
export type ValidProposalRecord = ProposalRecord & { data: ProposalFrontmatter };

export function recordOf(proposal: ReadProposal): ProposalRecord {
  const { id, file, kind, data, raw, bodyOffset, bodyStartLine, problem, completeness, dod, errors } = proposal;
  return {
    id,
    file,
    kind,
    data,
    // Kept as JSON can keep it, so that a cached record prints as a fresh one: YAML's .nan and .inf are numbers JSON cannot hold.
    statusAsWritten: typeof raw.status === 'number' && !Number.isFinite(raw.status) ? String(raw.status) : raw.status,
    bodyOffset,
    bodyStartLine,
    supersededByLine: data?.supersededBy === undefined ? undefined : proposal.lineOf('supersededBy'),
    problem,
    completeness,
    dod,
    errors,
  };
}

/** A file read into its record, or, should the reader ever throw, the finding that names the file. */
export type RecordReading = { record: ProposalRecord } | { failure: Finding };

/** readProposal as a record; what the folder reader, its worker threads and the cache deal in. */
export function readRecord(file: string, relativePath: string, text: string): RecordReading {
  try {
    return { record: recordOf(readProposal(file, relativePath, text)) };
  } catch (error) {
    // The reader should refuse, not throw; if it ever throws, the file is still named and nothing else is lost.
    const reason = (error as Error).message;
    return {
      failure: fileFinding(file, {
        zh: `读取器无法读取该文件（${reason}）；这是读取器的缺陷，请报告`,
        en: `found a file the reader could not read (${reason}); expected a proposal it can read: please report this as a bug`,
      }),
    };
  }
}
