import type { APIRoute, GetStaticPaths } from 'astro';
import { getProposals } from '../../../../data/proposals.ts';
import { jsonResponse, proposalDocument, publishedAt } from '../../../../lib/api/documents.ts';
import { BUILD_DATE, STALE_AFTER_DAYS } from '../../../../lib/build-info.ts';
import type { Proposal } from '../../../../lib/catalogue.ts';

/** /api/v1/proposals/<id>.json: one proposal with every rule's result (src/lib/api/). */
export const getStaticPaths = (async () => (await getProposals()).map((proposal) => ({ params: { id: proposal.id }, props: { proposal } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ proposal: Proposal }> = ({ props, site }) =>
  jsonResponse(proposalDocument(props.proposal, { buildDate: BUILD_DATE, staleAfterDays: STALE_AFTER_DAYS }, publishedAt(site)));
