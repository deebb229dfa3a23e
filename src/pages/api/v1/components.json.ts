import type { APIRoute } from 'astro';
import { getProposals } from '../../../data/proposals.ts';
import { componentsDocument, jsonResponse, publishedAt } from '../../../lib/api/documents.ts';
import { BUILD_DATE } from '../../../lib/build-info.ts';

/** /api/v1/components.json: the component taxonomy (src/lib/api/). */
export const GET: APIRoute = async ({ site }) => jsonResponse(componentsDocument(await getProposals(), BUILD_DATE, publishedAt(site)));
