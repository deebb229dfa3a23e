import type { APIRoute } from 'astro';
import { getProposals } from '../../../data/proposals.ts';
import { jsonResponse, proposalsDocument, publishedAt } from '../../../lib/api/documents.ts';
import { BUILD_DATE, STALE_AFTER_DAYS } from '../../../lib/build-info.ts';

/** /api/v1/proposals.json: every proposal, newest update first (src/lib/api/). */
export const GET: APIRoute = async ({ site }) =>
  jsonResponse(proposalsDocument(await getProposals(), { buildDate: BUILD_DATE, staleAfterDays: STALE_AFTER_DAYS }, publishedAt(site)));
