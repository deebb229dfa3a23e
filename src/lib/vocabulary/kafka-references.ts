/**
 * The KIPs and JIRA issues the catalogue knows, as listed in the project's Kafka reference
 * (/work/shared/reference/kafka-broker.md): the only ones the site may cite as fact. Proposal bodies
 * link every `KIP-<n>` and `KAFKA-<n>` they mention (src/lib/markdown/kafka-links.ts); a KIP listed
 * here with a verified wiki page title links to its own page, any other KIP to the KIP index.
 */

interface KipFacts {
  readonly number: number;
  /** As the reference lists it. */
  readonly title: string;
  readonly status: string;
}

/**
 * A KIP whose wiki page title is verified carries that title exactly: it is the page's address
 * (`/confluence/display/KAFKA/<title>`), and Confluence's capitalisation differs from the
 * reference's. Each was checked against the wiki page itself or against apache/kafka's own
 * documentation linking to it. A KIP whose title the reference marks unverified has none, and
 * links to the KIP index rather than to a page that may not exist.
 */
export type KnownKip = KipFacts & ({ readonly verified: true; readonly wikiPageTitle: string } | { readonly verified: false });

export interface KnownJiraIssue {
  /** `KAFKA-<n>`. */
  readonly id: `KAFKA-${number}`;
  readonly title: string;
  readonly status: string;
}

export const KNOWN_KIPS = [
  { number: 58, title: 'Make log compaction point configurable (`min.compaction.lag.ms`)', status: 'released 0.10.1.0', verified: false },
  { number: 72, title: 'Allow putting a bound on memory consumed by incoming requests', verified: true, wikiPageTitle: 'KIP-72: Allow putting a bound on memory consumed by Incoming requests', status: 'released 1.0.0' },
  { number: 110, title: 'Add codec for ZStandard compression', verified: true, wikiPageTitle: 'KIP-110: Add Codec for ZStandard Compression', status: 'accepted, released 2.1.0' },
  { number: 227, title: 'Introduce incremental FetchRequests to increase partition scalability', verified: true, wikiPageTitle: 'KIP-227: Introduce Incremental FetchRequests to Increase Partition Scalability', status: 'accepted, 1.1' },
  { number: 354, title: 'Add a maximum log compaction lag', verified: true, wikiPageTitle: 'KIP-354: Add a Maximum Log Compaction Lag', status: 'accepted, 2.3.0' },
  { number: 390, title: 'Support compression level', verified: true, wikiPageTitle: 'KIP-390: Support Compression Level', status: 'accepted, released 3.8.0' },
  { number: 405, title: 'Kafka tiered storage', verified: true, wikiPageTitle: 'KIP-405: Kafka Tiered Storage', status: 'accepted; early access 3.6, production-ready 3.9' },
  { number: 724, title: 'Drop support for message formats v0 and v1', verified: true, wikiPageTitle: 'KIP-724: Drop support for message formats v0 and v1', status: 'accepted; removed in 4.0' },
  { number: 1150, title: 'Diskless topics', verified: true, wikiPageTitle: 'KIP-1150: Diskless Topics', status: 'accepted 2026' },
] as const satisfies readonly KnownKip[];

export const KNOWN_JIRA_ISSUES = [
  { id: 'KAFKA-8106', title: 'Skip ByteBuffer allocation of key/value/headers in LogValidator', status: 'fixed 2.4.0' },
  { id: 'KAFKA-14633', title: 'Reduce data copy & buffer allocation during decompression', status: 'fixed 3.6.0' },
  { id: 'KAFKA-9401', title: 'Reduce contention for fetch requests (sharded FetchSessionCache)', status: 'fixed 3.8.0' },
  { id: 'KAFKA-15653', title: "Pass requestLocal to the callback so the right thread's one is used", status: 'fixed 3.6.1' },
] as const satisfies readonly KnownJiraIssue[];

const kipsByNumber = new Map<number, KnownKip>(KNOWN_KIPS.map((kip) => [kip.number, kip]));
const jiraById = new Map<string, KnownJiraIssue>(KNOWN_JIRA_ISSUES.map((issue) => [issue.id, issue]));

export function knownKip(number: number): KnownKip | undefined {
  return kipsByNumber.get(number);
}

export function knownJiraIssue(id: string): KnownJiraIssue | undefined {
  return jiraById.get(id);
}
