/**
 * Proposal statuses, in lifecycle order. Frontmatter uses the name (`status: Under Discussion`),
 * URLs and `data-status` use the id. Final statuses no longer change; the rest are still moving.
 */

import type { Localized } from '../i18n/locales.ts';

/** Frontmatter fields that only some statuses have. */
export type StatusField = 'release' | 'reason' | 'supersededBy';

export interface Status {
  readonly id: string;
  /** The value written in frontmatter (`status: Under Discussion`), the same in every language. */
  readonly name: string;
  /** What the site calls it, in each interface language. */
  readonly label: Localized;
  readonly meaning: Localized;
  readonly final: boolean;
  /**
   * Whether a proposal left in this status for long is stale (src/lib/stale.ts): it waits on its
   * authors or reviewers. Accepted work may take a release or two; Dormant already says it stopped.
   */
  readonly canGoStale?: boolean;
  /**
   * The status-specific fields it must have, and those it may have. A field outside both is an
   * error: a `release` on a Draft says something the page would never show.
   */
  readonly requires?: readonly StatusField[];
  readonly allows?: readonly StatusField[];
}

export const STATUSES = [
  { id: 'draft', name: 'Draft', label: { zh: '草稿', en: 'Draft' }, meaning: { zh: '仍在撰写，尚未准备好讨论。', en: 'Being written; not yet ready for discussion.' }, final: false, canGoStale: true },
  { id: 'under-discussion', name: 'Under Discussion', label: { zh: '讨论中', en: 'Under Discussion' }, meaning: { zh: '已在邮件列表或 KIP 讨论串中公开征求意见。', en: 'Open for review on the mailing list or in a KIP thread.' }, final: false, canGoStale: true },
  { id: 'accepted', name: 'Accepted', label: { zh: '已接受', en: 'Accepted' }, meaning: { zh: '方案已达成共识，可能正在实现。', en: 'Agreed; implementation may be under way.' }, final: false },
  { id: 'implemented', name: 'Implemented', label: { zh: '已实现', en: 'Implemented' }, meaning: { zh: '已合入并随某个 Kafka 版本发布。', en: 'Merged and shipped in a Kafka release.' }, final: true, requires: ['release'] },
  { id: 'rejected', name: 'Rejected', label: { zh: '已拒绝', en: 'Rejected' }, meaning: { zh: '经讨论后未被采纳，并记录了原因。', en: 'Considered and turned down, with a recorded reason.' }, final: true, requires: ['reason'] },
  { id: 'withdrawn', name: 'Withdrawn', label: { zh: '已撤回', en: 'Withdrawn' }, meaning: { zh: '作者主动放弃，并记录了原因。', en: 'Abandoned by its authors, with a recorded reason.' }, final: true, requires: ['reason'] },
  { id: 'superseded', name: 'Superseded', label: { zh: '已被取代', en: 'Superseded' }, meaning: { zh: '已被更新的提案取代。', en: 'Replaced by a newer proposal.' }, final: true, requires: ['supersededBy'], allows: ['release', 'reason'] },
  { id: 'dormant', name: 'Dormant', label: { zh: '搁置', en: 'Dormant' }, meaning: { zh: '长期无进展，之后可能重新启动。', en: 'Inactive for a long time; may be picked up again.' }, final: false },
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
