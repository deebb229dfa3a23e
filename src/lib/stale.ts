/**
 * Stale proposals: a Draft or Under Discussion proposal (statuses with `canGoStale`) that has not
 * been updated for `staleAfterDays` days as of the build date. The clock is an argument, never the
 * system's: pages pass BUILD_DATE (src/lib/build-info.ts), so a rebuild on the same date gives the
 * same marks.
 */
import { STATUSES, type Status } from './vocabulary/statuses.ts';

export interface CatalogueClock {
  /** The day the catalogue is built as of, `YYYY-MM-DD`. */
  buildDate: string;
  /** An open proposal not updated for this many days is stale. */
  staleAfterDays: number;
}

export interface Staleness {
  stale: boolean;
  /** Whole days from the proposal's `updated` date to the build date; never negative. */
  daysSinceUpdate: number;
}

const DAY_MS = 86_400_000;

/** Whole days from one `YYYY-MM-DD` date to another, both read as UTC days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

// `id` as well as `canGoStale`: a type of optional fields alone is a "weak" type, and TypeScript
// refuses a status that lacks the optional one (Accepted, taken from STATUSES) instead of reading it as false.
export function staleness(status: Pick<Status, 'id' | 'canGoStale'>, updated: string, clock: CatalogueClock): Staleness {
  // An `updated` after the build date (a build pinned to an earlier day) counts as just updated.
  const daysSinceUpdate = Math.max(0, daysBetween(updated, clock.buildDate));
  return { stale: status.canGoStale === true && daysSinceUpdate >= clock.staleAfterDays, daysSinceUpdate };
}

/** The statuses a proposal can go stale in, in lifecycle order: what the stale page names. */
export const STATUSES_THAT_GO_STALE: readonly Status[] = STATUSES.filter((status: Status) => status.canGoStale === true);

/** The stale ones, in the order given: the `/proposals/stale/` list is `/proposals/` filtered. */
export function staleOnly<T extends { staleness: Staleness }>(items: readonly T[]): T[] {
  return items.filter((item) => item.staleness.stale);
}
