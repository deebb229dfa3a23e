/**
 * Proposal statuses, in lifecycle order. Frontmatter uses the name (`status: Under Discussion`),
 * URLs and `data-status` use the id. Final statuses no longer change; the rest are still moving.
 */

/** Frontmatter fields that only some statuses have. */
export type StatusField = 'release' | 'reason' | 'supersededBy';

export interface Status {
  readonly id: string;
  readonly name: string;
  readonly meaning: string;
  readonly final: boolean;
  /**
   * The status-specific fields it must have, and those it may have. A field outside both is an
   * error: a `release` on a Draft says something the page would never show.
   */
  readonly requires?: readonly StatusField[];
  readonly allows?: readonly StatusField[];
}

export const STATUSES = [
  { id: 'draft', name: 'Draft', meaning: 'Being written; not yet ready for discussion.', final: false },
  { id: 'under-discussion', name: 'Under Discussion', meaning: 'Open for review on the mailing list or in a KIP thread.', final: false },
  { id: 'accepted', name: 'Accepted', meaning: 'Agreed; implementation may be under way.', final: false },
  { id: 'implemented', name: 'Implemented', meaning: 'Merged and shipped in a Kafka release.', final: true, requires: ['release'] },
  { id: 'rejected', name: 'Rejected', meaning: 'Considered and turned down, with a recorded reason.', final: true, requires: ['reason'] },
  { id: 'withdrawn', name: 'Withdrawn', meaning: 'Abandoned by its authors, with a recorded reason.', final: true, requires: ['reason'] },
  { id: 'superseded', name: 'Superseded', meaning: 'Replaced by a newer proposal.', final: true, requires: ['supersededBy'], allows: ['release', 'reason'] },
  { id: 'dormant', name: 'Dormant', meaning: 'Inactive for a long time; may be picked up again.', final: false },
] as const satisfies readonly Status[];

export type StatusId = (typeof STATUSES)[number]['id'];
export type StatusName = (typeof STATUSES)[number]['name'];

export const STATUS_NAMES = STATUSES.map((s) => s.name) as [StatusName, ...StatusName[]];

const byName = new Map<string, Status>(STATUSES.map((s) => [s.name, s]));

export function statusByName(name: string): Status {
  const status = byName.get(name);
  if (!status) throw new Error(`Unknown status "${name}". Known statuses: ${STATUS_NAMES.join(', ')}.`);
  return status;
}

export const STATUS_FIELDS: readonly StatusField[] = ['release', 'reason', 'supersededBy'];

/** The statuses that require or allow a status-specific field, for messages. */
export function statusesWith(field: StatusField): string[] {
  return STATUSES.filter((s: Status) => s.requires?.includes(field) || s.allows?.includes(field)).map((s) => s.name);
}
