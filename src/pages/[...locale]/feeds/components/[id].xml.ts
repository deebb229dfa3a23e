/**
 * /feeds/components/<id>.xml and /en/feeds/components/<id>.xml: the proposals of one primary
 * component as an Atom feed, for every component of the taxonomy, an empty one included.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { withCatalogue, type CatalogueProps } from '../../../../data/proposals.ts';
import { BUILD_DATE } from '../../../../lib/build-info.ts';
import { ATOM_CONTENT_TYPE, writeAtomFeed } from '../../../../lib/feeds/atom.ts';
import { proposalFeed } from '../../../../lib/feeds/proposal-feed.ts';
import { localeFromParam, localeStaticPaths } from '../../../../lib/i18n/routes.ts';
import { COMPONENTS, type Component } from '../../../../lib/vocabulary/components.ts';

export const getStaticPaths = (() =>
  withCatalogue(
    localeStaticPaths().flatMap(({ params }) => COMPONENTS.map((component) => ({ params: { ...params, id: component.id }, props: { component: component as Component } }))),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<CatalogueProps & { component: Component }> = ({ params, props, site }) => {
  const feed = proposalFeed(props.proposals, { kind: 'component', component: props.component }, { locale: localeFromParam(params.locale), site: site!, buildDate: BUILD_DATE });
  return new Response(writeAtomFeed(feed), { headers: { 'Content-Type': ATOM_CONTENT_TYPE } });
};
