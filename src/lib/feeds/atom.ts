/**
 * Writes an Atom 1.0 document (RFC 4287) as a string. It knows Atom and XML, nothing of proposals:
 * src/lib/feeds/proposal-feed.ts says what goes in a feed. Titles, names and summaries come from
 * pull requests, so every text and attribute is escaped here, and the characters XML 1.0 cannot
 * carry at all are dropped: one control character would make the whole feed unreadable.
 */

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** What an Atom feed is served as (dev server; a static host goes by the file's extension). */
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export interface AtomPerson {
  name: string;
  /** A page about the person. */
  uri?: string | undefined;
  /** Their e-mail address: Atom has an element of its own for it, rather than a `mailto:` URI. */
  email?: string | undefined;
}

export interface AtomCategory {
  term: string;
  /** What a reader is shown for the term. */
  label: string;
  /** The vocabulary the term belongs to, as an absolute URL. */
  scheme: string;
}

export interface AtomEntry {
  /** A permanent, absolute URL: the entry's identity, never reused. */
  id: string;
  title: string;
  /** The language of the title (`zh-CN`, `en`), when it differs from the feed's. */
  titleLang?: string | undefined;
  /** The last update, `YYYY-MM-DD`. */
  updated: string;
  /** The first publication, `YYYY-MM-DD`. */
  published?: string | undefined;
  /** The page the entry stands for. */
  link: string;
  authors: readonly AtomPerson[];
  categories: readonly AtomCategory[];
  /** Plain text: a feed reader shows it as it is. */
  summary?: string | undefined;
}

export interface AtomFeed {
  /** The feed's language, for `xml:lang` (`zh-CN`, `en`). */
  lang: string;
  /** A permanent, absolute URL. */
  id: string;
  title: string;
  subtitle?: string | undefined;
  /** The last change to the feed, `YYYY-MM-DD`. */
  updated: string;
  /** Where the feed itself is served: its `rel="self"` link. */
  self: string;
  /** The HTML page the feed mirrors: its `rel="alternate"` link. */
  alternate: string;
  /** Who publishes it; required by Atom when an entry has no author of its own (an empty feed has none). */
  authors: readonly AtomPerson[];
  /** In the order they are written; readers expect newest first. */
  entries: readonly AtomEntry[];
}

/**
 * Every character XML 1.0 forbids (its `Char` production): C0 controls other than tab, line feed and
 * carriage return, unpaired surrogates, U+FFFE and U+FFFF.
 */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text with every character XML 1.0 cannot hold removed. */
export function xmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '');
}

/**
 * Text as element content. `>` is escaped too, so a `]]>` never appears; a carriage return is written
 * as a reference, or the parser would turn it into a line feed.
 */
export function escapeXmlText(text: string): string {
  return xmlCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/**
 * Text as an attribute value between double quotes. Tabs and line breaks are written as references,
 * or the parser would normalise them to spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** `2026-03-02` as an RFC 3339 date-time, midnight UTC: `2026-03-02T00:00:00Z`. */
export function atomDate(calendarDate: string): string {
  const date = new Date(`${calendarDate}T00:00:00Z`);
  // The round trip refuses days that do not exist, which Date would roll over (2026-02-30).
  if (!/^\d{4}-\d{2}-\d{2}$/.test(calendarDate) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== calendarDate) {
    throw new Error(`An Atom date is written YYYY-MM-DD here: found "${calendarDate}".`);
  }
  return `${calendarDate}T00:00:00Z`;
}

type Attributes = Readonly<Record<string, string | undefined>>;

function attributes(values: Attributes): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
}

function element(name: string, text: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXmlText(text)}</${name}>`;
}

function emptyElement(name: string, attrs: Attributes): string {
  return `<${name}${attributes(attrs)}/>`;
}

function person(role: 'author', { name, uri, email }: AtomPerson): string {
  return `<${role}>${element('name', name)}${uri === undefined ? '' : element('uri', uri)}${email === undefined ? '' : element('email', email)}</${role}>`;
}

function entry(e: AtomEntry): string {
  const lines = [
    element('id', e.id),
    element('title', e.title, { type: 'text', 'xml:lang': e.titleLang }),
    element('updated', atomDate(e.updated)),
    ...(e.published === undefined ? [] : [element('published', atomDate(e.published))]),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: e.link }),
    ...e.authors.map((a) => person('author', a)),
    ...e.categories.map((c) => emptyElement('category', { term: c.term, scheme: c.scheme, label: c.label })),
    ...(e.summary === undefined ? [] : [element('summary', e.summary, { type: 'text' })]),
  ];
  return `  <entry>\n${lines.map((line) => `    ${line}\n`).join('')}  </entry>\n`;
}

/** The feed as a UTF-8 XML document. */
export function writeAtomFeed(feed: AtomFeed): string {
  const head = [
    element('id', feed.id),
    element('title', feed.title, { type: 'text' }),
    ...(feed.subtitle === undefined ? [] : [element('subtitle', feed.subtitle, { type: 'text' })]),
    element('updated', atomDate(feed.updated)),
    emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: feed.self }),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: feed.alternate }),
    ...feed.authors.map((a) => person('author', a)),
  ];
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<feed${attributes({ xmlns: ATOM_NAMESPACE, 'xml:lang': feed.lang })}>\n` +
    head.map((line) => `  ${line}\n`).join('') +
    feed.entries.map(entry).join('') +
    '</feed>\n'
  );
}
