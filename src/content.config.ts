import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ProposalFrontmatterSchema } from './lib/schema/proposal.ts';
import { PROPOSAL_GLOB, PROPOSALS_DIR, proposalIdFromPath } from './lib/proposal-files.ts';

/**
 * Proposals: one Markdown file each in src/content/proposals/. The file name (without extension)
 * is the proposal's id and its URL: /proposals/<id>/. The schema rejects bad frontmatter, which
 * stops the build with the file, the field, what was found and what is expected.
 */
const proposals = defineCollection({
  loader: glob({ pattern: PROPOSAL_GLOB, base: PROPOSALS_DIR, generateId: ({ entry }) => proposalIdFromPath(entry) }),
  schema: ProposalFrontmatterSchema,
});

export const collections = { proposals };
