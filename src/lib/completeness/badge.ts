/**
 * What a completeness badge says, on a proposal page, in a list and on /check/: one label for the
 * badge's accessible name and tooltip, so that the site and the browser checker word it alike.
 */
import type { Completeness } from './assess.ts';
import { levelFor, type CompletenessLevel } from './levels.ts';

export function badgeLevel(completeness: Completeness): CompletenessLevel {
  return levelFor(completeness.score);
}

export function badgeLabel(completeness: Completeness): string {
  const failed = completeness.checks.filter((c) => !c.passed).length;
  return `Completeness ${completeness.score} of 100, ${badgeLevel(completeness).name}${failed > 0 ? `, ${failed} rule${failed > 1 ? 's' : ''} not met` : ''}`;
}
