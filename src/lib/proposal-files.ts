import { slug } from 'github-slugger';

/**
 * Where proposals live and which files count as proposals. The content collection, `npm run check`
 * and `npm run new` all read these, so a file is either a proposal everywhere or nowhere: any other
 * file in the folder is reported by `npm run check` and stops the build, never skipped silently.
 */
export const PROPOSALS_DIR = './src/content/proposals';

/** Proposal files: Markdown or MDX, at any depth. */
export const PROPOSAL_GLOB = '**/*.{md,mdx}';

export const PROPOSAL_EXTENSIONS = ['.md', '.mdx'] as const;

export function isProposalFile(name: string): boolean {
  return PROPOSAL_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/**
 * A proposal's id, from its path relative to the proposals folder: the path without its
 * extension, each segment slugged. The content collection uses this very function, so the id that
 * `npm run check` reports is the id in the URL: /proposals/<id>/.
 */
export function proposalIdFromPath(relativePath: string): string {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.(md|mdx)$/, '');
  return withoutExtension.split('/').map((segment) => slug(segment)).join('/');
}
