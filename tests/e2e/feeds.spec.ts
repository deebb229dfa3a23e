/**
 * The Atom feeds, in each interface language: the feed of all proposals and one per component of the
 * taxonomy, read with Chromium's XML parser (a document it cannot parse fails), checked as Atom
 * against the catalogue, and linked from every kind of page with `<link rel="alternate">`.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { parse } from 'parse5';
import { levelFor } from '../../src/lib/completeness/levels.ts';
import { splitLocale } from '../../src/lib/i18n/routes.ts';
import { FEED_ENTRY_LIMIT } from '../../src/lib/feeds/proposal-feed.ts';
import { COMPONENTS, getComponent } from '../../src/lib/vocabulary/components.ts';
import { getLanguage } from '../../src/lib/vocabulary/languages.ts';
import { STATUSES } from '../../src/lib/vocabulary/statuses.ts';
import { proposals } from './catalogue.ts';
import { attr, elements, type Node } from './dist-html.ts';
import { LANGUAGES, NOT_FOUND_PAGE, PAGE_KINDS } from './i18n.ts';

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
const ALL_FEED = '/feeds/all.xml';
const componentFeed = (id: string) => `/feeds/components/${id}.xml`;

interface FeedLink {
  rel: string | null;
  type: string | null;
  href: string | null;
}

/** A feed as the XML parser read it: only what the tests look at. */
interface ParsedFeed {
  namespace: string | null;
  root: string;
  lang: string | null;
  id: string | undefined;
  title: string | undefined;
  updated: string | undefined;
  links: FeedLink[];
  authors: number;
  entries: {
    id: string | undefined;
    title: string | undefined;
    titleLang: string | null;
    updated: string | undefined;
    published: string | undefined;
    links: FeedLink[];
    authors: number;
    categories: { term: string | null; scheme: string | null; label: string | null }[];
    summary: string | undefined;
  }[];
}

/** Parses a document with the browser's XML parser; a document that is not well-formed fails the test. */
async function parseAtom(page: Page, text: string, where: string): Promise<ParsedFeed> {
  const result = await page.evaluate(
    ({ text, atom }) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagNameNS('*', 'parsererror')[0];
      if (error) return { error: error.textContent ?? 'parsererror' };
      const children = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === atom && c.localName === name);
      const textOf = (el: Element, name: string) => children(el, name)[0]?.textContent ?? undefined;
      const links = (el: Element) => children(el, 'link').map((l) => ({ rel: l.getAttribute('rel'), type: l.getAttribute('type'), href: l.getAttribute('href') }));
      const root = doc.documentElement;
      return {
        feed: {
          namespace: root.namespaceURI,
          root: root.localName,
          lang: root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'),
          id: textOf(root, 'id'),
          title: textOf(root, 'title'),
          updated: textOf(root, 'updated'),
          links: links(root),
          authors: children(root, 'author').length,
          entries: children(root, 'entry').map((entry) => ({
            id: textOf(entry, 'id'),
            title: textOf(entry, 'title'),
            titleLang: children(entry, 'title')[0]?.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang') ?? null,
            updated: textOf(entry, 'updated'),
            published: textOf(entry, 'published'),
            links: links(entry),
            authors: children(entry, 'author').filter((a) => children(a, 'name')[0]?.textContent).length,
            categories: children(entry, 'category').map((c) => ({ term: c.getAttribute('term'), scheme: c.getAttribute('scheme'), label: c.getAttribute('label') })),
            summary: textOf(entry, 'summary'),
          })),
        },
      };
    },
    { text, atom: ATOM_NAMESPACE },
  );
  if ('error' in result) throw new Error(`${where} is not well-formed XML: ${result.error}`);
  return result.feed;
}

/** The site's public origin, as its pages write absolute URLs (SITE_URL): feeds use it too. */
async function publicOrigin(request: APIRequestContext): Promise<string> {
  const canonical = headLinks(await (await request.get('/')).text()).find((l) => l.rel === 'canonical');
  return new URL(canonical!.href!).origin;
}

function headLinks(html: string): { rel: string | undefined; type: string | undefined; title: string | undefined; href: string | undefined }[] {
  return elements(parse(html) as unknown as Node)
    .filter((el) => el.tagName === 'link')
    .map((el) => ({ rel: attr(el, 'rel'), type: attr(el, 'type'), title: attr(el, 'title'), href: attr(el, 'href') }));
}

const RFC3339_DAY = /^\d{4}-\d{2}-\d{2}T00:00:00Z$/;

/**
 * Fetches a feed from the served site, by its path there, and checks it is an Atom feed in this language whose self
 * link is its own public URL; returns it parsed.
 */
async function fetchFeed(page: Page, request: APIRequestContext, origin: string, language: (typeof LANGUAGES)[number], served: string): Promise<ParsedFeed> {
  const response = await request.get(served);
  expect(response.status(), served).toBe(200);
  // `astro dev` sends the endpoint's application/atom+xml; a static server (here `astro preview`)
  // goes by the .xml extension. Either way it is XML, read as UTF-8.
  expect(response.headers()['content-type'], served).toMatch(/^(?:application\/atom\+xml|application\/xml|text\/xml)(?:;|$)/);
  const feed = await parseAtom(page, await response.text(), served);
  const publicUrl = new URL(served, origin).href;
  expect(feed.namespace, served).toBe(ATOM_NAMESPACE);
  expect(feed.root, served).toBe('feed');
  expect(feed.lang, served).toBe(language.htmlLang);
  expect(feed.id, served).toBe(publicUrl);
  expect(feed.title, served).toBeTruthy();
  expect(feed.updated, served).toMatch(RFC3339_DAY);
  expect(feed.links.filter((l) => l.rel === 'self'), served).toEqual([{ rel: 'self', type: 'application/atom+xml', href: publicUrl }]);
  expect(feed.authors, served).toBeGreaterThan(0);
  // Newest update first, and the feed was last updated with its newest entry.
  const updated = feed.entries.map((e) => e.updated!);
  expect(updated, served).toEqual([...updated].sort().reverse());
  if (updated.length > 0) expect(feed.updated, served).toBe(updated[0]);
  return feed;
}

/** Checks each entry against the catalogue: id, title, dates, link, authors, categories and summary. */
async function checkEntries(request: APIRequestContext, origin: string, language: (typeof LANGUAGES)[number], feed: ParsedFeed, where: string): Promise<void> {
  const { locale, t } = language;
  for (const entry of feed.entries) {
    const proposal = proposals.find((p) => entry.id === new URL(language.path(`/proposals/${p.id}/`), origin).href);
    expect(proposal, `${where}: an entry for a proposal of the catalogue, found ${entry.id}`).toBeDefined();
    const { id, title, lang, status, component, completeness } = proposal!;
    expect(entry.title, id).toBe(title);
    expect(entry.titleLang, id).toBe(getLanguage(lang).htmlLang);
    expect(entry.updated, id).toMatch(RFC3339_DAY);
    expect(entry.published, id).toMatch(RFC3339_DAY);
    expect(entry.published! <= entry.updated!, id).toBe(true);
    expect(entry.authors, id).toBeGreaterThan(0);
    const alternate = entry.links.filter((l) => l.rel === 'alternate');
    expect(alternate.map((l) => l.href), id).toEqual([entry.id]);
    const statusLabel = STATUSES.find((s) => s.id === status)!.label[locale];
    const componentName = getComponent(component).name[locale];
    expect(entry.categories, id).toEqual([
      { term: status, label: statusLabel, scheme: new URL(language.path('/status/'), origin).href },
      { term: component, label: componentName, scheme: new URL(language.path('/components/'), origin).href },
    ]);
    expect(entry.summary, id).toContain(statusLabel);
    expect(entry.summary, id).toContain(componentName);
    expect(entry.summary, id).toContain(t('badge.sentence', { score: completeness.score, level: levelFor(completeness.score).name[locale] }));
    // The entry's page, on the served copy of the site.
    const page = await request.get(new URL(entry.id!).pathname);
    expect(page.status(), `${where}: ${entry.id}`).toBe(200);
  }
}

const entryIds = (origin: string, language: (typeof LANGUAGES)[number], ids: string[]) => ids.map((id) => new URL(language.path(`/proposals/${id}/`), origin).href).sort();

for (const language of LANGUAGES) {
  const { locale, t } = language;

  test.describe(`feeds (${locale})`, () => {
    test('the feed of all proposals is Atom, with one entry per proposal, newest update first', async ({ page, request }) => {
      const origin = await publicOrigin(request);
      const feed = await fetchFeed(page, request, origin, language, language.path(ALL_FEED));
      // Every proposal while the catalogue is under the feeds' cap (the cap itself is unit-tested).
      expect(proposals.length).toBeLessThanOrEqual(FEED_ENTRY_LIMIT);
      expect(feed.entries.map((e) => e.id).sort()).toEqual(entryIds(origin, language, proposals.map((p) => p.id)));
      expect(feed.links.filter((l) => l.rel === 'alternate').map((l) => l.href)).toEqual([new URL(language.path('/proposals/'), origin).href]);
      await checkEntries(request, origin, language, feed, ALL_FEED);
    });

    test('every component of the taxonomy has a feed with the proposals whose primary component it is', async ({ page, request }) => {
      const origin = await publicOrigin(request);
      let listed = 0;
      for (const component of COMPONENTS) {
        const path = componentFeed(component.id);
        const feed = await fetchFeed(page, request, origin, language, language.path(path));
        // Primary component only, as the component's page lists them; a component with none has an empty feed.
        expect(feed.entries.map((e) => e.id).sort(), path).toEqual(entryIds(origin, language, proposals.filter((p) => p.component === component.id).map((p) => p.id)));
        expect(feed.links.filter((l) => l.rel === 'alternate').map((l) => l.href), path).toEqual([new URL(language.path(`/components/${component.id}/`), origin).href]);
        await checkEntries(request, origin, language, feed, path);
        listed += feed.entries.length;
      }
      expect(listed).toBe(proposals.length);
    });

    test('every kind of page links to the feed of all proposals, and component and proposal pages to their component feed', async ({ page, request }) => {
      const origin = await publicOrigin(request);
      const allTitle = t('feed.allTitle', { site: t('site.title') });
      const pages = [...PAGE_KINDS.map((path) => language.path(path)), NOT_FOUND_PAGE[locale]];
      for (const path of pages) {
        const response = await request.get(path);
        const feeds = headLinks(await response.text()).filter((l) => l.rel === 'alternate' && l.type === 'application/atom+xml');
        expect(feeds[0], path).toEqual({ rel: 'alternate', type: 'application/atom+xml', title: allTitle, href: language.path(ALL_FEED) });
        const kind = splitLocale(path).path;
        const componentId = /^\/components\/([^/]+)\/$/.exec(kind)?.[1] ?? proposals.find((p) => kind === `/proposals/${p.id}/`)?.component;
        const expected = componentId === undefined ? [] : [{ title: t('feed.componentTitle', { site: t('site.title'), component: getComponent(componentId).name[locale] }), href: language.path(componentFeed(componentId)) }];
        expect(feeds.slice(1).map(({ title, href }) => ({ title, href })), path).toEqual(expected);
        // Each linked feed resolves, relative to the page, to a feed whose self link is that address.
        for (const link of feeds) {
          const target = new URL(link.href!, new URL(path, 'http://served.invalid')).pathname;
          const feed = await fetchFeed(page, request, origin, language, target);
          expect(feed.id, `${path} → ${link.href}`).toBe(new URL(target, origin).href);
        }
      }
    });

    test('the proposal list and each component page show a link to their feed', async ({ page }) => {
      const targets = [{ path: '/proposals/', feed: ALL_FEED }, ...COMPONENTS.map((c) => ({ path: `/components/${c.id}/`, feed: componentFeed(c.id) }))];
      for (const { path, feed } of targets) {
        await page.goto(language.path(path));
        // Named by its visible words (the icon is hidden from assistive technology).
        const link = page.getByRole('main').getByRole('link', { name: t('feed.subscribe'), exact: true });
        await expect(link, path).toHaveCount(1);
        await expect(link, path).toHaveAttribute('href', language.path(feed));
        await expect(link, path).toHaveAttribute('type', 'application/atom+xml');
      }
    });
  });
}
