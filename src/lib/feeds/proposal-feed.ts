/**
 * What the site's Atom feeds say: one of all proposals and one per component, in each interface
 * language. A component's feed has the proposals whose primary component it is, the same list as the
 * main part of its `/components/<id>/` page (proposals that only touch it as a related component are
 * left out, as they are there under their own heading). Every entry says, in the feed's language,
 * its status, component and completeness, whether it is stale, and its one-line problem.
 *
 * The endpoints (src/pages/[...locale]/feeds/) and the layout's `<link rel="alternate">` read this
 * module; src/lib/feeds/atom.ts writes the XML.
 */
import { badgeSentence } from '../completeness/badge.ts';
import { levelFor } from '../completeness/levels.ts';
import { byRecentUpdate, type Proposal } from '../catalogue.ts';
import { getLocale, type Locale } from '../i18n/locales.ts';
import { localePath } from '../i18n/routes.ts';
import { translator } from '../i18n/translate.ts';
import type { Component } from '../vocabulary/components.ts';
import { getLanguage } from '../vocabulary/languages.ts';
import { SUMMARY_ITEMS } from '../vocabulary/sections.ts';
import { type AtomEntry, type AtomFeed } from './atom.ts';

const PROBLEM_LABEL = SUMMARY_ITEMS.find((item) => item.key === 'problem')!;

/** All proposals, or those of one primary component. */
export type FeedScope = { kind: 'all' } | { kind: 'component'; component: Component };

/** Where a feed is served, as the default language serves it at the site's root (`localePath` adds the rest). */
export function feedPath(scope: FeedScope): string {
  return scope.kind === 'all' ? '/feeds/all.xml' : `/feeds/components/${scope.component.id}.xml`;
}

/** The page a feed mirrors. */
export function feedPagePath(scope: FeedScope): string {
  return scope.kind === 'all' ? '/proposals/' : `/components/${scope.component.id}/`;
}

/** The feed's title, also the title of the `<link rel="alternate">` that points at it. */
export function feedTitle(scope: FeedScope, locale: Locale): string {
  const t = translator(locale);
  const site = t('site.title');
  return scope.kind === 'all' ? t('feed.allTitle', { site }) : t('feed.componentTitle', { site, component: scope.component.name[locale] });
}

/** A feed as a page's `<head>` links to it (BaseLayout's `feeds`). */
export function feedLink(scope: FeedScope, locale: Locale): { title: string; path: string } {
  return { title: feedTitle(scope, locale), path: feedPath(scope) };
}

/** Where and when the feed is built. */
export interface FeedSite {
  /** The feed's interface language. */
  locale: Locale;
  /** The site's public origin (Astro's `site`): every URL in a feed is absolute. */
  site: URL | string;
  /** The day the catalogue is built as of: the `updated` of a feed with no entry. */
  buildDate: string;
  /** The base path the site is served under; the build's own unless given. */
  base?: string | undefined;
}

/**
 * How many entries a feed keeps: the most recently updated. A feed is polled again and again for what
 * changed, so it holds the latest, as blogs' and the PEPs' feeds do; the whole catalogue is in the JSON
 * API. Without a cap, the feed of all proposals at 10,000 proposals would be some 10 MB per poll.
 */
export const FEED_ENTRY_LIMIT = 100;

/** The proposals a feed lists: the `limit` most recently updated, newest first. */
export function feedProposals(proposals: readonly Proposal[], scope: FeedScope, limit: number = FEED_ENTRY_LIMIT): Proposal[] {
  const listed = scope.kind === 'all' ? [...proposals] : proposals.filter((p) => p.component.id === scope.component.id);
  return listed.sort(byRecentUpdate).slice(0, limit);
}

export function proposalFeed(proposals: readonly Proposal[], scope: FeedScope, { locale, site, buildDate, base }: FeedSite): AtomFeed {
  const t = translator(locale);
  const url = (path: string) => new URL(localePath(locale, path, base), site).href;
  const listed = feedProposals(proposals, scope);
  const entry = (p: Proposal): AtomEntry => {
    const page = url(`/proposals/${p.id}/`);
    const component = p.component.name[locale];
    const failed = p.completeness.checks.filter((c) => !c.passed).length;
    const summary = [
      t('proposal.description', { status: p.status.label[locale], component }),
      // The badge's and the stale mark's own wording, as sentences.
      t('feed.summarySentence', { text: badgeSentence(t, p.completeness.score, levelFor(p.completeness.score).name[locale], failed) }),
      p.staleness.stale ? t('feed.summarySentence', { text: t('stale.markDetail', { count: p.staleness.daysSinceUpdate }) }) : '',
      // Under the template's own label for it: "Problem" / "要解决".
      p.problem === undefined ? '' : t('feed.summaryLabelled', { label: PROBLEM_LABEL[locale], text: p.problem }),
    ];
    return {
      id: page,
      title: p.data.title,
      titleLang: getLanguage(p.data.lang).htmlLang,
      updated: p.data.updated,
      published: p.data.created,
      link: page,
      authors: p.data.authors.map((a) => (a.link?.startsWith('mailto:') ? { name: a.name, email: a.link.slice('mailto:'.length) } : { name: a.name, uri: a.link })),
      categories: [
        { term: p.status.id, label: p.status.label[locale], scheme: url('/status/') },
        { term: p.component.id, label: component, scheme: url('/components/') },
      ],
      summary: summary.filter((sentence) => sentence !== '').join(getLocale(locale).sentenceGap),
    };
  };
  const self = url(feedPath(scope));
  return {
    lang: getLocale(locale).htmlLang,
    id: self,
    title: feedTitle(scope, locale),
    subtitle: scope.kind === 'all' ? t('proposals.description') : t('feed.componentSubtitle', { component: scope.component.name[locale] }),
    // Sorted newest first: the first entry's date is the feed's last change.
    updated: listed[0]?.data.updated ?? buildDate,
    self,
    alternate: url(feedPagePath(scope)),
    authors: [{ name: t('site.title'), uri: url('/') }],
    entries: listed.map(entry),
  };
}
