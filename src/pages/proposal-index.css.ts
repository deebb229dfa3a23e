/**
 * /proposal-index.css: the stylesheet that filters /proposals/table/ without JavaScript, one rule per
 * filter value (src/lib/proposal-index.ts). A file of the site's own origin, as the
 * Content-Security-Policy requires of styles; one for every language, since values are ids.
 */
import type { APIRoute } from 'astro';
import { getProposals } from '../data/proposals.ts';
import { indexStylesheet } from '../lib/proposal-index.ts';
import { indexValuesOf } from '../lib/proposal-index-rows.ts';

export const GET: APIRoute = async () => new Response(indexStylesheet(indexValuesOf(await getProposals())), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
