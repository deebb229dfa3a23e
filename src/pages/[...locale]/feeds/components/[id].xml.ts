/**
 * /feeds/components/<id>.xml and /en/feeds/components/<id>.xml: the proposals of one primary
 * component as an Atom feed, for every component of the taxonomy, an empty one included.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getProposals } from '../../../../data/proposals.ts';
import { BUILD_DATE } from '../../../../lib/build-info.ts';
import { ATOM_CONTENT_TYPE, writeAtomFeed } from '../../../../lib/feeds/atom.ts';
import { proposalFeed } from '../../../../lib/feeds/proposal-feed.ts';
import { localeFromParam, localeStaticPaths } from '../../../../lib/i18n/routes.ts';
import { COMPONENTS, type Component } from '../../../../lib/vocabulary/components.ts';

export const getStaticPaths = (() =>
  localeStaticPaths().flatMap(({ params }) =>
    COMPONENTS.map((component) => ({ params: { ...params, id: component.id }, props: { component: component as Component } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ component: Component }> = async ({ params, props, site }) => {
  const feed = proposalFeed(await getProposals(), { kind: 'component', component: props.component }, { locale: localeFromParam(params.locale), site: site!, buildDate: BUILD_DATE });
  return new Response(writeAtomFeed(feed), { headers: { 'Content-Type': ATOM_CONTENT_TYPE } });
};
