/**
 * A proposal page's cache key changes with everything the page shows and with nothing else, so an
 * incremental build never serves an old page (tests/e2e/incremental-build.spec.ts builds it for real).
 */
import { describe, expect, it } from 'vitest';
import { sameComponentSample, toProposal } from '../../src/lib/catalogue.ts';
import { proposalPageKey } from '../../src/lib/page-cache-keys.ts';
import { readProposal, recordOf, type ValidProposalRecord } from '../../src/lib/reader/read-proposal.ts';
import { proposalSource } from '../helpers/proposal-source.ts';

function proposal(id: string, fields: Record<string, unknown> = {}, buildDate = '2026-11-26') {
  const reading = readProposal(`${id}.md`, `${id}.md`, proposalSource({ title: id, created: '2026-01-01', updated: '2026-01-01', ...fields }, '## 1) Summary\n- **Problem**: p\n'));
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
