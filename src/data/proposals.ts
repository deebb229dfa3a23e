/**
 * The one place pages get proposals from. The collection's loader has already read and checked
 * every file (a catalogue with any error never gets this far); this resolves the vocabulary once.
 */
import { getCollection } from 'astro:content';
import { BUILD_DATE, STALE_AFTER_DAYS } from '../lib/build-info.ts';
import { sortByRecentUpdate, toProposal, type Proposal } from '../lib/catalogue.ts';
import { catalogueKey } from '../lib/page-cache-keys.ts';
import type { ValidProposalRecord } from '../lib/reader/read-proposal.ts';

let loaded: Promise<{ proposals: Proposal[]; digests: Map<string, string> }> | undefined;

/** Every proposal, newest update first. */
export async function getProposals(): Promise<Proposal[]> {
  return (await catalogue()).proposals;
}

/**
 * Each proposal's entry digest, by id: the digest of its text and of the rule set, which the loader
 * keeps with the rendered body (src/loaders/proposals.ts). Pages put it in their cache keys.
 */
export async function getEntryDigests(): Promise<ReadonlyMap<string, string>> {
  return (await catalogue()).digests;
}

/**
 * getStaticPaths for a page that shows the catalogue: each path is given every proposal as the
 * `proposals` prop, and the cache key of them all (page-cache-keys.ts), so that an incremental build
 * copies the page only when no proposal it could show has changed. The page must read proposals from
 * its props, never from getProposals(), or the key would not cover what it shows.
 */
export async function withCatalogue<Path extends { params: Record<string, string | undefined>; props?: object }>(
  paths: readonly Path[],
): Promise<(Path & { props: NonNullable<Path['props']> & CatalogueProps; cacheKey: string })[]> {
  const proposals = await getProposals();
  const cacheKey = catalogueKey(proposals);
  return paths.map((path) => ({ ...path, props: { ...(path.props as NonNullable<Path['props']>), proposals }, cacheKey }));
}

/** The props withCatalogue gives a page (a type, not an interface, so that it satisfies GetStaticPaths' props). */
export type CatalogueProps = {
  /** Every proposal, newest update first. */
  proposals: Proposal[];
};

function catalogue() {
  loaded ??= load();
  return loaded;
}

async function load() {
  const entries = await getCollection('proposals');
  const clock = { buildDate: BUILD_DATE, staleAfterDays: STALE_AFTER_DAYS };
  const digests = new Map<string, string>();
  for (const entry of entries) {
    if (typeof entry.digest !== 'string') throw new Error(`${entry.filePath ?? entry.id}: the proposal's collection entry has no digest.`);
    digests.set(entry.id, entry.digest);
  }
  return { proposals: sortByRecentUpdate(entries.map((entry) => toProposal(entry.data as unknown as ValidProposalRecord, clock))), digests };
}
