/**
 * Reads a proposals folder: every entry in it, each proposal through the one reader, then the rules
 * that span files (one proposal per id, `supersededBy` that resolves and never loops). The build's
 * loader and `npm run check` both call this, so a folder gives the same verdicts everywhere.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { byFileAndLine, fileFinding, frontmatterFinding, type Finding } from './findings.ts';
import { MAX_PROPOSAL_CHARS } from './limits.ts';
import { proposalFileName } from '../proposal-files.ts';
import { readProposal, type ReadProposal } from './read-proposal.ts';

export interface ProposalFolder {
  /** Every proposal file read, valid or not, in file-name order. */
  proposals: ReadProposal[];
  /** Every error: per file, per folder entry (stray files) and across files; sorted by file and line. */
  findings: Finding[];
}

/**
 * @param folder the proposals folder
 * @param root the folder paths are shown relative to (the repository root)
 */
export function readProposalFolder(folder: string, root: string = process.cwd()): ProposalFolder {
  const proposals: ReadProposal[] = [];
  const findings: Finding[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const file = relative(root, path);
    if (entry.isDirectory()) continue;
    if (!entry.isFile()) {
      // A symbolic link could publish any file on the machine that builds the site.
      findings.push(fileFinding(file, 'found a symbolic link or special file; expected a regular file'));
      continue;
    }
    const relativePath = relative(folder, path);
    const name = proposalFileName(relativePath);
    if ('error' in name && name.kind === undefined) {
      // Not a proposal at all (notes.txt): reported, never read.
      findings.push(fileFinding(file, name.error));
      continue;
    }
    const size = statSync(path).size;
    if (size > MAX_PROPOSAL_CHARS * 4) {
      // Not read at all: a proposal is a few kilobytes, and a huge file would only exhaust memory.
      findings.push(fileFinding(file, `found a file of ${size} bytes; expected at most ${MAX_PROPOSAL_CHARS} characters (a filled template is about 10,000)`));
      continue;
    }
    let proposal: ReadProposal;
    try {
      proposal = readProposal(file, relativePath, readFileSync(path, 'utf8'));
    } catch (error) {
      // The reader should refuse, not throw; if it ever throws, the file is still named and nothing else is lost.
      findings.push(fileFinding(file, `found a file the reader could not read (${(error as Error).message}); expected a proposal it can read: please report this as a bug`));
      continue;
    }
    proposals.push(proposal);
    findings.push(...proposal.errors);
  }
  proposals.sort((a, b) => a.file.localeCompare(b.file));
  findings.push(...catalogueFindings(proposals));
  findings.sort(byFileAndLine);
  return { proposals, findings };
}

/** Rules that need the whole catalogue. */
export function catalogueFindings(proposals: readonly ReadProposal[]): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map<string, ReadProposal[]>();
  for (const p of proposals) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    for (const p of same) {
      const others = same.filter((o) => o !== p).map((o) => o.file);
      findings.push(fileFinding(p.file, `found a second proposal with the id "${id}" (${others.join(', ')}); expected each id once: rename or remove one`));
    }
  }

  const superseding = new Map<string, string>();
  for (const p of proposals) {
    const target = p.data?.supersededBy;
    if (target === undefined) continue;
    const line = p.lineOf('supersededBy');
    if (target === p.id) {
      findings.push(frontmatterFinding(p.file, line, 'supersededBy', `found "${target}"; expected the id of another proposal, not its own`));
    } else if (!byId.has(target)) {
      const examples = proposals.filter((o) => o.data !== undefined && o.id !== p.id).slice(0, 3).map((o) => o.id);
      findings.push(frontmatterFinding(p.file, line, 'supersededBy', `found "${target}"; expected the id of an existing proposal${examples.length > 0 ? `, such as ${examples.join(', ')}` : ''}`));
    } else superseding.set(p.id, target);
  }
  // A → B → … → A: every proposal on the loop says it has been replaced, and none is the current one.
  const reported = new Set<string>();
  for (const start of superseding.keys()) {
    const path: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !path.includes(at)) {
      path.push(at);
      at = superseding.get(at);
    }
    if (at !== start || reported.has(start)) continue;
    for (const id of path) reported.add(id);
    for (const id of path) {
      const p = byId.get(id)![0]!;
      const loop = [...path.slice(path.indexOf(id)), ...path.slice(0, path.indexOf(id)), id].join(' → ');
      findings.push(frontmatterFinding(p.file, p.lineOf('supersededBy'), 'supersededBy', `found a loop of supersededBy: ${loop}; expected the chain to end at a proposal that is not superseded`));
    }
  }
  return findings;
}
