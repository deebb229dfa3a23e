/**
 * What a completeness badge says, on a proposal page, in a list, in a search result and on /check/,
 * worded in one place. The badge shows "94% Ready for review"; its accessible name is that visible
 * text followed by `badgeHiddenText` (WCAG 2.5.3, label in name: a speech user says what they see),
 * and its tooltip is the full sentence, `badgeLabel`. The words come from the dictionaries, through
 * the page's `t`, so the browser can word a badge with the strings its page gave it.
 */
import type { Translate } from '../i18n/messages.ts';
import type { Completeness } from './assess.ts';
import { levelFor, type CompletenessLevel } from './levels.ts';

/** The interface strings a badge needs, for pages that word badges in the browser. */
export const BADGE_STRINGS = ['badge.rulesNotMet', 'badge.sentence', 'badge.sentenceWithRules', 'badge.hidden', 'badge.hiddenWithRules'] as const;

export function badgeLevel(completeness: Completeness): CompletenessLevel {
  return levelFor(completeness.score);
}

/**
 * The full sentence, for the tooltip: "Completeness 94 of 100, Ready for review, 1 rule not met";
 * without the rules when their count is not known (a search result carries only score and level).
 */
export function badgeSentence(t: Translate, score: number | string, levelName: string, failed?: number): string {
  return failed
    ? t('badge.sentenceWithRules', { score, level: levelName, rules: t('badge.rulesNotMet', { count: failed }) })
    : t('badge.sentence', { score, level: levelName });
}

export function badgeLabel(t: Translate, completeness: Completeness, levelName: string): string {
  return badgeSentence(t, completeness.score, levelName, completeness.checks.filter((c) => !c.passed).length);
}

/**
 * Read after the visible text, for screen readers only: what the figure is, and how many rules are
 * left when that is known (a search result does not carry it).
 */
export function badgeHiddenText(t: Translate, failed?: number): string {
  return failed ? t('badge.hiddenWithRules', { rules: t('badge.rulesNotMet', { count: failed }) }) : t('badge.hidden');
}
