/** A proposal as a row of /proposals/table/, and what each filter offers (src/lib/proposal-index.ts). */
import type { Proposal } from './catalogue.ts';
import { COMPONENTS } from './vocabulary/components.ts';
import { LANGUAGE_IDS } from './vocabulary/languages.ts';
import { STATUSES } from './vocabulary/statuses.ts';
import type { IndexRow, IndexValues } from './proposal-index.ts';

/** A proposal as a row of the index: what its cells show and its `data-` attributes hold. */
export function indexRowOf(proposal: Proposal): IndexRow {
  return {
    id: proposal.id,
    title: proposal.data.title,
    status: proposal.status.id,
    statusOrder: STATUSES.findIndex((s) => s.id === proposal.status.id),
    components: [proposal.component.id, ...proposal.relatedComponents.map((c) => c.id)],
    lang: proposal.data.lang,
    release: proposal.data.release ?? '',
    stale: proposal.staleness.stale,
    score: proposal.completeness.score,
    dod: proposal.dod.total === 0 ? -1 : proposal.dod.met / proposal.dod.total,
    updated: proposal.data.updated,
  };
}

/** Newest release first: `3.10.0` after `3.9.1`, by number, not by text. */
const byReleaseDescending = (a: string, b: string) => b.localeCompare(a, 'en', { numeric: true });

/** What each filter offers: the vocabulary's statuses, components and languages, and the releases proposals name. */
export function indexValuesOf(proposals: readonly Proposal[]): IndexValues {
  return {
    status: STATUSES.map((s) => s.id),
    component: COMPONENTS.map((c) => c.id),
    lang: LANGUAGE_IDS,
    release: [...new Set(proposals.map((p) => p.data.release).filter((r): r is string => r !== undefined))].sort(byReleaseDescending),
    stale: ['true'],
  };
}
