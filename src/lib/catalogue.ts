/**
 * The catalogue as plain data: proposals with their vocabulary resolved, sorted and grouped the way
 * the index pages show them, and the rules that span more than one proposal. No Astro imports:
 * the site, `npm run check` and the tests share it.
 */
import type { Completeness } from './completeness/assess.ts';
import { COMPLETENESS_LEVELS, type CompletenessLevel } from './completeness/levels.ts';
import type { DodAssessment } from './dod/types.ts';
import type { ValidProposalRecord } from './reader/read-proposal.ts';
import type { ProposalFrontmatter } from './schema/proposal.ts';
import { staleness, type CatalogueClock, type Staleness } from './stale.ts';
import { COMPONENTS, getComponent, type Component } from './vocabulary/components.ts';
import { STATUSES, statusByName, type Status } from './vocabulary/statuses.ts';

export interface Proposal {
  id: string;
  /** Path of the source file, relative to the repository root. */
  file: string;
  data: ProposalFrontmatter;
  status: Status;
  component: Component;
  relatedComponents: Component[];
  /** The one-line problem from the summary, when it has been written. */
  problem: string | undefined;
  /** How fully it fills the template, rule by rule. */
  completeness: Completeness;
  /** Whether it has waited too long, as of the catalogue's build date. */
  staleness: Staleness;
  /** Section 5's results judged against its own Definition of Done: the verdict lists and filters show. */
  dod: DodAssessment;
}

/**
 * Resolves a reading's vocabulary, the status and components as objects, not ids, and its staleness
 * as of the clock's date.
 */
export function toProposal({ id, file, data, problem, completeness, dod }: ValidProposalRecord, clock: CatalogueClock): Proposal {
  const status = statusByName(data.status);
  return {
    id,
    file,
    data,
    status,
    component: getComponent(data.component),
    relatedComponents: data.relatedComponents.map(getComponent),
    problem,
    completeness,
    staleness: staleness(status, data.updated, clock),
    dod,
  };
}

/** Newest update first; ties broken by creation date, then by id, so the order is stable. */
export function byRecentUpdate(a: Proposal, b: Proposal): number {
  return b.data.updated.localeCompare(a.data.updated) || b.data.created.localeCompare(a.data.created) || a.id.localeCompare(b.id);
}

export function sortByRecentUpdate(proposals: readonly Proposal[]): Proposal[] {
  return [...proposals].sort(byRecentUpdate);
}

export interface Group<T> {
  key: T;
  proposals: Proposal[];
}

/** Groups by status, in lifecycle order, leaving out statuses with no proposal. */
export function groupByStatus(proposals: readonly Proposal[]): Group<Status>[] {
  return STATUSES.map((status) => ({ key: status as Status, proposals: sortByRecentUpdate(proposals.filter((p) => p.status.id === status.id)) })).filter(
    (g) => g.proposals.length > 0,
  );
}

/** Groups by primary component, in taxonomy order, leaving out components with no proposal. */
export function groupByComponent(proposals: readonly Proposal[]): Group<Component>[] {
  return COMPONENTS.map((component) => ({ key: component as Component, proposals: sortByRecentUpdate(proposals.filter((p) => p.component.id === component.id)) })).filter(
    (g) => g.proposals.length > 0,
  );
}

/** Proposals whose primary or related components include this one. */
export function proposalsTouching(proposals: readonly Proposal[], componentId: string): Proposal[] {
  return proposals.filter((p) => p.component.id === componentId || p.relatedComponents.some((c) => c.id === componentId));
}

/**
 * Other proposals of the same component for a proposal page: the first few, and how many there
 * are. A few, not all: listing them all made every page grow with its component, O(N²) over the
 * site (the benchmark's 1,000-proposal build spent most of its render time there). Each page costs
 * O(limit): the catalogue is grouped by component once, not filtered again for every page.
 *
 * @param proposals in the order to show them, newest update first, as `getProposals` gives them;
 *   sorting again on every page cost seconds at 10,000 proposals.
 * @param proposal one of `proposals`
 */
export function sameComponentSample(proposals: readonly Proposal[], proposal: Proposal, limit = 5): { shown: Proposal[]; total: number } {
  const group = byPrimaryComponent(proposals).get(proposal.component.id) ?? [];
  const shown: Proposal[] = [];
  for (const p of group) {
    if (shown.length === limit) break;
    if (p.id !== proposal.id) shown.push(p);
  }
  return { shown, total: group.length - 1 };
}

const groupsByComponent = new WeakMap<readonly Proposal[], Map<string, Proposal[]>>();

/** The catalogue grouped by primary component, in its own order; computed once per catalogue array. */
function byPrimaryComponent(proposals: readonly Proposal[]): Map<string, Proposal[]> {
  let groups = groupsByComponent.get(proposals);
  if (!groups) {
    groups = new Map();
    for (const p of proposals) {
      const group = groups.get(p.component.id);
      if (group) group.push(p);
      else groups.set(p.component.id, [p]);
    }
    groupsByComponent.set(proposals, groups);
  }
  return groups;
}

export function countBy<K extends string>(proposals: readonly Proposal[], key: (p: Proposal) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const p of proposals) counts.set(key(p), (counts.get(key(p)) ?? 0) + 1);
  return counts;
}

/** Every level, most complete first, each with its proposals by descending score (then most recent). */
export function groupByCompleteness(proposals: readonly Proposal[]): { level: CompletenessLevel; proposals: Proposal[] }[] {
  const byScore = [...proposals].sort((a, b) => b.completeness.score - a.completeness.score || byRecentUpdate(a, b));
  return COMPLETENESS_LEVELS.map((level) => ({ level: level as CompletenessLevel, proposals: byScore.filter((p) => p.completeness.level === level.id) }));
}
