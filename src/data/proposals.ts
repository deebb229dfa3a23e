/**
 * The one place pages get proposals from. It reads the content collection (whose schema has
 * already validated every file), then enforces what a per-file schema cannot: no file in the folder
 * is left out, and references between proposals resolve. Any failure stops the build.
 */
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { findCatalogueErrors, sortByRecentUpdate, toProposal, type Proposal } from '../lib/catalogue.ts';
import { splitProposalSource } from '../lib/frontmatter.ts';
import { isProposalFile, PROPOSALS_DIR } from '../lib/proposal-files.ts';
import { listFolder } from '../lib/read-proposals.ts';
import { strayFileError } from '../lib/validate.ts';

let loaded: Promise<Proposal[]> | undefined;

/** Every proposal, newest update first. */
export function getProposals(): Promise<Proposal[]> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Proposal[]> {
  const entries = await getCollection('proposals');
  const proposals = entries.map((entry) => {
    const file = relative(process.cwd(), entry.filePath!);
    // The body is read from the file itself, as npm run check reads it, so both report the same lines.
    return toProposal(entry.id, file, entry.data, splitProposalSource(readFileSync(file, 'utf8')));
  });

  const problems: string[] = [];
  const loadedFiles = new Set(proposals.map((p) => p.file));
  for (const path of listFolder(PROPOSALS_DIR)) {
    const file = relative(process.cwd(), path);
    if (!isProposalFile(path)) problems.push(`${file}: ${strayFileError(file).message}`);
    else if (!loadedFiles.has(file)) problems.push(`${file}: the file was not loaded into the catalogue; run npm run check to see why`);
  }
  for (const error of findCatalogueErrors(proposals)) problems.push(`${error.file} ${error.field}: ${error.message}`);
  if (problems.length > 0) {
    throw new Error(`The proposal catalogue has ${problems.length} error(s); every proposal must appear on the site or stop the build:\n${problems.join('\n')}`);
  }
  return sortByRecentUpdate(proposals);
}
