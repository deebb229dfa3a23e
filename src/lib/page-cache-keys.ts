/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key, and
 * whose code (Astro hashes each route's module graph), are those of the previous build is copied
 * from that build instead of being rendered again. A key must therefore change whenever anything the
 * page shows changes. Astro puts the site's configuration in the hash too (`site`, `base`, and
 * `vite.define`, which carries the build date and the stale threshold), so a new day or another base
 * path renders every page again.
 *
 * Astro does not see which collection entries a page reads (only entries compiled as modules are
 * tracked, and proposals are not), so a page's key is made from its inputs: the digest of the entry
 * whose body it renders (its text and the rule set, reading-cache.ts) and every proposal it is given
 * as props, whole. A page that reads anything else must add it here, or return no key.
 *
 * Pages that show no proposal (the rules, search, the checker, the templates, whose files are read
 * with fs and so are not in the module graph) have no key and are always rendered: they are a few
 * dozen small pages.
 */
import { createHash } from 'node:crypto';
import type { Proposal } from './catalogue.ts';

/** One hash per proposal object: a proposal appears in the keys of up to six pages. */
const proposalHashes = new WeakMap<Proposal, string>();

function proposalHash(proposal: Proposal): string {
  let hash = proposalHashes.get(proposal);
  if (hash === undefined) {
    hash = createHash('sha256').update(JSON.stringify(proposal)).digest('base64url');
    proposalHashes.set(proposal, hash);
  }
  return hash;
}

/** The key of a proposal's API document (/api/v1/proposals/<id>.json), which is made from the proposal alone. */
export function proposalDocumentKey(proposal: Proposal): string {
  return proposalHash(proposal);
}

/**
 * The key of a proposal's page: the digest of its entry (the rendered body and headings), the
 * proposal as the page shows it, and the sample of its component's other proposals with their count.
 */
export function proposalPageKey(entryDigest: string, proposal: Proposal, sameComponent: { shown: readonly Proposal[]; total: number }): string {
  const hash = createHash('sha256');
  hash.update(`entry ${entryDigest}\n`);
  hash.update(`proposal ${proposalHash(proposal)}\n`);
  for (const other of sameComponent.shown) hash.update(`shown ${proposalHash(other)}\n`);
  hash.update(`total ${sameComponent.total}\n`);
  return hash.digest('base64url');
}

/** One key per catalogue array: some sixty list pages share it. */
const catalogueHashes = new WeakMap<readonly Proposal[], string>();

/**
 * The key of a page that shows the catalogue (the lists, the home page, the feeds): every proposal,
 * whole and in order, so that any change to what a card, a row, a count or a feed entry shows
 * renders these pages again. A change to a body alone (a paragraph added) changes no proposal
 * object, only its entry digest, and leaves them to be copied.
 */
export function catalogueKey(proposals: readonly Proposal[]): string {
  let key = catalogueHashes.get(proposals);
  if (key === undefined) {
    const hash = createHash('sha256');
    hash.update(`catalogue ${proposals.length}\n`);
    for (const proposal of proposals) hash.update(`proposal ${proposalHash(proposal)}\n`);
    key = hash.digest('base64url');
    catalogueHashes.set(proposals, key);
  }
  return key;
}
