/**
 * Validates proposal files outside Astro, with the same schema and the same ids as the content
 * collection. `npm run check` and the tests use it; the build gets the same verdicts from Astro's
 * content layer plus `assertCatalogue` below.
 */
import { findCatalogueErrors } from './catalogue.ts';
import { splitProposalSource } from './frontmatter.ts';
import { proposalIdFromPath } from './proposal-files.ts';
import { ProposalFrontmatterSchema, type ProposalFrontmatter } from './schema/proposal.ts';

export interface Finding {
  file: string;
  line: number;
  /** The frontmatter field, dotted (`authors.0.name`), or `file` for a problem with the file itself. */
  field: string;
  message: string;
}

export interface ValidatedProposal {
  id: string;
  file: string;
  /** The validated frontmatter; undefined when it has errors. */
  data: ProposalFrontmatter | undefined;
  /** The frontmatter as written, for reporting what there is even when it is invalid. */
  raw: Record<string, unknown>;
  body: string;
  bodyStartLine: number;
  /** The line of a top-level frontmatter field. */
  lineOf: (field: string) => number;
  errors: Finding[];
}

/**
 * @param file path shown in messages (relative to the repository root)
 * @param relativePath path relative to the proposals folder, which gives the id
 */
export function validateProposal(file: string, relativePath: string, text: string): ValidatedProposal {
  const source = splitProposalSource(text);
  const raw = source.data !== null && typeof source.data === 'object' && !Array.isArray(source.data) ? (source.data as Record<string, unknown>) : {};
  const base = { id: proposalIdFromPath(relativePath), file, raw, body: source.body, bodyStartLine: source.bodyStartLine, lineOf: source.lineOf };
  if (source.yamlError) {
    return { ...base, data: undefined, errors: [{ file, line: source.yamlError.line, field: 'frontmatter', message: source.yamlError.message }] };
  }
  const result = ProposalFrontmatterSchema.safeParse(source.data);
  if (result.success) return { ...base, data: result.data, errors: [] };
  const errors = result.error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'frontmatter';
    return { file, line: source.lineOf(issue.path[0] as string | undefined), field, message: issue.message };
  });
  return { ...base, data: undefined, errors };
}

/** A file in the proposals folder that is not a proposal would silently vanish: it is an error. */
export function strayFileError(file: string): Finding {
  return { file, line: 1, field: 'file', message: `found a file that is not a proposal; expected only .md or .mdx files in the proposals folder (rename it, or move it out)` };
}

/** Cross-proposal rules over files that passed the schema. */
export function catalogueFindings(proposals: readonly ValidatedProposal[]): Finding[] {
  const valid = proposals.filter((p): p is ValidatedProposal & { data: ProposalFrontmatter } => p.data !== undefined);
  return findCatalogueErrors(valid).map((e) => {
    const source = valid.find((p) => p.file === e.file)!;
    return { file: e.file, line: source.lineOf(e.field), field: e.field, message: e.message };
  });
}

/** The id a finding is reported under, like a rule id: `frontmatter.status`, `frontmatter` (unreadable YAML) or `file`. */
export function findingId(f: Finding): string {
  return f.field === 'file' || f.field === 'frontmatter' ? f.field : `frontmatter.${f.field}`;
}

/** `file:line id message`, the same shape as the completeness findings. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line} ${findingId(f)} ${f.message}`;
}
