/**
 * What a completeness badge says, on a proposal page, in a list, in a search result and on /check/,
 * worded in one place. The badge shows "94% Ready for review"; its accessible name is that visible
 * text followed by `badgeHiddenText` (WCAG 2.5.3, label in name: a speech user says what they see),
 * and its tooltip is the full sentence, `badgeLabel`.
 */
import type { Completeness } from './assess.ts';
import { levelFor, type CompletenessLevel } from './levels.ts';

export function badgeLevel(completeness: Completeness): CompletenessLevel {
  return levelFor(completeness.score);
}

const rulesNotMet = (failed: number) => `${failed} rule${failed > 1 ? 's' : ''} not met`;

/**
 * The full sentence, for the tooltip: "Completeness 94 of 100, Ready for review, 1 rule not met";
 * without the rules when their count is not known (a search result carries only score and level).
 */
export function badgeSentence(score: number | string, levelName: string, failed?: number): string {
  return `Completeness ${score} of 100, ${levelName}${failed ? `, ${rulesNotMet(failed)}` : ''}`;
}

export function badgeLabel(completeness: Completeness): string {
  return badgeSentence(completeness.score, badgeLevel(completeness).name, completeness.checks.filter((c) => !c.passed).length);
}

/**
 * Read after the visible text, for screen readers only: what the figure is, and how many rules are
 * left when that is known (a search result does not carry it).
 */
export function badgeHiddenText(failed?: number): string {
  return `, completeness${failed ? `, ${rulesNotMet(failed)}` : ''}`;
}
