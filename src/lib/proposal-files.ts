/**
 * Where proposals live and what a proposal's file name must be. The build's loader, `npm run check`
 * and `npm run new` all read these, so a file is a proposal everywhere or nowhere: any other file in
 * the folder is an error that stops the build, never skipped silently.
 */
export const PROPOSALS_DIR = './src/content/proposals';

export type ProposalKind = 'md' | 'mdx';

/** The longest id a proposal may have: it is a file name and a URL segment. */
export const MAX_ID_LENGTH = 100;

/**
 * The file name is the id and the URL, `/proposals/<id>/`, as written: lower-case words of letters
 * and digits joined by single hyphens. Nothing is normalised, so two files can never share an id
 * through case or spaces; the only way two files meet is `x.md` beside `x.mdx`, which the folder
 * reader refuses.
 */
const PROPOSAL_FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(md|mdx)$/;

/**
 * A proposal's id and kind, or why the name is wrong; `kind` is set with an error when the file is
 * still a proposal (`.md`/`.mdx`) to read and report on.
 */
export type FileNameVerdict = { id: string; kind: ProposalKind } | { error: string; kind?: ProposalKind };

/**
 * Judges a path relative to the proposals folder. Subfolders and dotfiles are refused: a proposal
 * is one file directly in the folder, so its id is its name and nothing else.
 */
export function proposalFileName(relativePath: string): FileNameVerdict {
  const path = relativePath.replace(/\\/g, '/');
  const extension = /\.(md|mdx)$/.exec(path)?.[1] as ProposalKind | undefined;
  if (extension === undefined) {
    return { error: `found a file that is not a proposal; expected only .md or .mdx files in the proposals folder (rename it, or move it out)` };
  }
  if (path.includes('/')) return { kind: extension, error: `found a proposal in a subfolder; expected every proposal directly in src/content/proposals/ (move it up, named <yyyy-mm-dd>-<short-slug>.${extension})` };
  if (path.startsWith('.')) return { kind: extension, error: `found a hidden file (its name starts with "."); expected proposals named <yyyy-mm-dd>-<short-slug>.${extension} (rename it, or remove it)` };
  const match = PROPOSAL_FILE_NAME.exec(path);
  if (!match) {
    return { kind: extension, error: `found the file name ${JSON.stringify(path)}; expected lower-case letters, digits and single hyphens, such as 2026-03-02-cleaner-buffer-reuse.md (the name is the proposal's id and URL)` };
  }
  if (match[1]!.length > MAX_ID_LENGTH) return { kind: extension, error: `found a file name of ${match[1]!.length} characters; expected at most ${MAX_ID_LENGTH} before the extension` };
  return { id: match[1]!, kind: match[2] as ProposalKind };
}
