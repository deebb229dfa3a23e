import type { APIRoute } from 'astro';
import { jsonResponse, publishedAt, rulesDocument } from '../../../lib/api/documents.ts';
import { BUILD_DATE } from '../../../lib/build-info.ts';

/** /api/v1/rules.json: the completeness rules and levels (src/lib/api/). */
export const GET: APIRoute = ({ site }) => jsonResponse(rulesDocument(BUILD_DATE, publishedAt(site)));
