import type { APIRoute } from 'astro';
import { getProposals } from '../../../data/proposals.ts';
import { jsonResponse, publishedAt, statusesDocument } from '../../../lib/api/documents.ts';
import { BUILD_DATE } from '../../../lib/build-info.ts';

/** /api/v1/statuses.json: every status (src/lib/api/). */
export const GET: APIRoute = async ({ site }) => jsonResponse(statusesDocument(await getProposals(), BUILD_DATE, publishedAt(site)));
