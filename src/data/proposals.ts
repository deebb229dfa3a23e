/**
 * The one place pages get proposals from. The collection's loader has already read and checked
 * every file (a catalogue with any error never gets this far); this resolves the vocabulary once.
 */
import { getCollection } from 'astro:content';
import { BUILD_DATE, STALE_AFTER_DAYS } from '../lib/build-info.ts';
import { sortByRecentUpdate, toProposal, type Proposal } from '../lib/catalogue.ts';
import type { ValidProposalRecord } from '../lib/reader/read-proposal.ts';

let loaded: Promise<Proposal[]> | undefined;

/** Every proposal, newest update first. */
export function getProposals(): Promise<Proposal[]> {
  loaded ??= load();
  return loaded;
}

async function load(): Promise<Proposal[]> {
  const entries = await getCollection('proposals');
  const clock = { buildDate: BUILD_DATE, staleAfterDays: STALE_AFTER_DAYS };
  return sortByRecentUpdate(entries.map((entry) => toProposal(entry.data as unknown as ValidProposalRecord, clock)));
}
