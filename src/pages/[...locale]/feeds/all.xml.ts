/** /feeds/all.xml and /en/feeds/all.xml: every proposal as an Atom feed, newest update first (src/lib/feeds/). */
import type { APIRoute } from 'astro';
import { withCatalogue, type CatalogueProps } from '../../../data/proposals.ts';
import { BUILD_DATE } from '../../../lib/build-info.ts';
import { ATOM_CONTENT_TYPE, writeAtomFeed } from '../../../lib/feeds/atom.ts';
import { proposalFeed } from '../../../lib/feeds/proposal-feed.ts';
import { localeFromParam, localeStaticPaths } from '../../../lib/i18n/routes.ts';

export const getStaticPaths = () => withCatalogue(localeStaticPaths());

export const GET: APIRoute<CatalogueProps> = ({ params, props, site }) => {
  const feed = proposalFeed(props.proposals, { kind: 'all' }, { locale: localeFromParam(params.locale), site: site!, buildDate: BUILD_DATE });
  return new Response(writeAtomFeed(feed), { headers: { 'Content-Type': ATOM_CONTENT_TYPE } });
};
