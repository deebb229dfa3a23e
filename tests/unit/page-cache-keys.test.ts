/**
 * A proposal page's cache key changes with everything the page shows and with nothing else, so an
 * incremental build never serves an old page (tests/e2e/incremental-build.spec.ts builds it for real).
 */
import { describe, expect, it } from 'vitest';
import { sameComponentSample, toProposal } from '../../src/lib/catalogue.ts';
import { catalogueKey, proposalPageKey } from '../../src/lib/page-cache-keys.ts';
import { readProposal, recordOf, type ValidProposalRecord } from '../../src/lib/reader/read-proposal.ts';
import { proposalSource } from '../helpers/proposal-source.ts';

const BODY = '## 1) Summary\n- **Problem**: p\n';

function proposal(id: string, fields: Record<string, unknown> = {}, buildDate = '2026-11-26', body = BODY) {
  const reading = readProposal(`${id}.md`, `${id}.md`, proposalSource({ title: id, created: '2026-01-01', updated: '2026-01-01', ...fields }, body));
  expect(reading.errors).toEqual([]);
  return toProposal(recordOf(reading) as ValidProposalRecord, { buildDate, staleAfterDays: 180 });
}

describe('proposal page cache key', () => {
  const a = proposal('a');
  const b = proposal('b');
  const key = (own = a, others = [b], digest = 'd1') => proposalPageKey(digest, own, sameComponentSample([own, ...others], own));

  it('is the same for the same inputs, read afresh', () => {
    expect(key()).toBe(key(proposal('a'), [proposal('b')]));
  });

  it('changes with the entry digest (the rendered body), the proposal and each proposal it lists', () => {
    const keys = [
      key(),
      key(a, [b], 'd2'),
      key(proposal('a', { title: 'A, renamed' })),
      key(a, [proposal('b', { title: 'B, renamed' })]),
      key(a, [proposal('b', { status: 'Accepted' })]),
      key(a, [b, proposal('c')]),
      key(a, []),
      // Staleness is shown, and comes from the build date.
      key(proposal('a', {}, '2027-11-26')),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not change with proposals of other components', () => {
    expect(key(a, [b, proposal('n', { component: 'network' })])).toBe(key());
  });
});

describe('catalogue cache key (the lists, the home page, the feeds)', () => {
  const catalogue = (...proposals: ReturnType<typeof proposal>[]) => catalogueKey(proposals);
  const [a, b] = [proposal('a'), proposal('b')];

  it('is the same for the same proposals, read afresh', () => {
    expect(catalogue(a, b)).toBe(catalogue(proposal('a'), proposal('b')));
  });

  it('changes with any proposal, its order, and the count', () => {
    const keys = [
      catalogue(a, b),
      catalogue(b, a),
      catalogue(a),
      catalogue(a, b, proposal('c')),
      catalogue(a, proposal('b', { title: 'B, renamed' })),
      catalogue(a, proposal('b', { status: 'Accepted' })),
      catalogue(a, proposal('b', { component: 'network' })),
      catalogue(a, proposal('b', {}, '2026-11-26', `${BODY}\n## 2) Motivation\nWhy.\n`)),
      catalogue(a, proposal('b', {}, '2027-11-26')),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('does not change when a body gains a paragraph that changes no card', () => {
    // The rebuild benchmark's edit: only the proposal's own page (keyed by its entry digest) is rendered again.
    expect(catalogue(a, proposal('b', {}, '2026-11-26', `${BODY}\nOne more paragraph.\n`))).toBe(catalogue(a, b));
  });
});
