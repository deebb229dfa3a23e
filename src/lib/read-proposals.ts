/**
 * Reads every file in a proposals folder from disk and validates it. `npm run check` reports from
 * this; the build compares it with the content collection so that no file is ever dropped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isProposalFile } from './proposal-files.ts';
import { catalogueFindings, strayFileError, validateProposal, type Finding, type ValidatedProposal } from './validate.ts';

export interface ProposalFolder {
  proposals: ValidatedProposal[];
  /** Every error: per file (schema), per folder (stray files) and across files (references). */
  findings: Finding[];
}

/**
 * @param folder the proposals folder
 * @param root the folder paths are shown relative to (the repository root)
 */
export function readProposalFolder(folder: string, root: string = process.cwd()): ProposalFolder {
  const proposals: ValidatedProposal[] = [];
  const findings: Finding[] = [];
  for (const path of listFolder(folder)) {
    const file = relative(root, path);
    if (!isProposalFile(path)) {
      findings.push(strayFileError(file));
      continue;
    }
    const proposal = validateProposal(file, relative(folder, path), readFileSync(path, 'utf8'));
    proposals.push(proposal);
    findings.push(...proposal.errors);
  }
  findings.push(...catalogueFindings(proposals));
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { proposals, findings };
}

/** Every file below the folder, sorted, as absolute or folder-joined paths. */
export function listFolder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
