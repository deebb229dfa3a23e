import { describe, expect, it } from 'vitest';
import { groupByComponent, groupByStatus, sameComponentSample, sortByRecentUpdate, toProposal } from '../../src/lib/catalogue.ts';
import { readProposal, recordOf, type ValidProposalRecord } from '../../src/lib/reader/read-proposal.ts';
import { proposalSource } from '../helpers/proposal-source.ts';

function proposal(id: string, fields: Record<string, unknown> = {}) {
  const reading = readProposal(`${id}.md`, `${id}.md`, proposalSource({ title: id, created: '2026-01-01', updated: '2026-01-01', ...fields }, '## 1) Summary\n- **Problem**: p\n'));
  expect(reading.errors).toEqual([]);
  return toProposal(recordOf(reading) as ValidProposalRecord, { buildDate: '2026-11-26', staleAfterDays: 180 });
}

describe('catalogue', () => {
  it('sorts by update, newest first, with a stable tie-break', () => {
    const sorted = sortByRecentUpdate([proposal('b', { updated: '2026-02-01' }), proposal('a', { updated: '2026-02-01' }), proposal('c', { updated: '2026-05-01' })]);
    expect(sorted.map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });

  it('groups by status in lifecycle order and by component in taxonomy order, skipping empty groups', () => {
    const all = [proposal('a', { status: 'Accepted' }), proposal('b', { status: 'Draft', component: 'network' }), proposal('c', { status: 'Accepted', component: 'network' })];
    expect(groupByStatus(all).map((g) => [g.key.id, g.proposals.map((p) => p.id)])).toEqual([
      ['draft', ['b']],
      ['accepted', ['a', 'c']],
    ]);
    expect(groupByComponent(all).map((g) => g.key.id)).toEqual(['network', 'compaction']);
  });

  it('resolves vocabulary and reads the one-line problem', () => {
    const p = proposal('a', { status: 'Under Discussion', relatedComponents: ['memory'] });
    expect(p.status.id).toBe('under-discussion');
    expect(p.relatedComponents.map((c) => c.id)).toEqual(['memory']);
    expect(p.problem).toBe('p');
  });

  it('samples the most recent other proposals of the same component, and counts them all', () => {
    const all = Array.from({ length: 8 }, (_, i) => proposal(`p${i}`, { updated: `2026-01-0${i + 1}` }));
    const other = proposal('x', { component: 'network' });
    const { shown, total } = sameComponentSample(sortByRecentUpdate([...all, other]), all[0]!, 5);
    expect(total).toBe(7);
    expect(shown.map((p) => p.id)).toEqual(['p7', 'p6', 'p5', 'p4', 'p3']);
  });
});
