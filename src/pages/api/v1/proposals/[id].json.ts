import type { APIRoute, GetStaticPaths } from 'astro';
import { getProposals } from '../../../../data/proposals.ts';
import { jsonResponse, proposalDocument, publishedAt } from '../../../../lib/api/documents.ts';
import { BUILD_DATE, STALE_AFTER_DAYS } from '../../../../lib/build-info.ts';
import type { Proposal } from '../../../../lib/catalogue.ts';
import { proposalDocumentKey } from '../../../../lib/page-cache-keys.ts';

/**
 * /api/v1/proposals/<id>.json: one proposal with every rule's result (src/lib/api/). The document
 * is made from its props alone, so a rebuild copies it while the proposal is unchanged.
 */
export const getStaticPaths = (async () =>
  (await getProposals()).map((proposal) => ({ params: { id: proposal.id }, props: { proposal }, cacheKey: proposalDocumentKey(proposal) }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ proposal: Proposal }> = ({ props, site }) =>
  jsonResponse(proposalDocument(props.proposal, { buildDate: BUILD_DATE, staleAfterDays: STALE_AFTER_DAYS }, publishedAt(site)));
