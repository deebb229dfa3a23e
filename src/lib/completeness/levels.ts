/** Named completeness levels, highest first. A score belongs to the first level whose minimum it reaches. */
export const COMPLETENESS_LEVELS = [
  { id: 'complete', name: 'Complete', min: 100, meaning: 'Every rule passes.' },
  { id: 'ready', name: 'Ready for review', min: 80, meaning: 'Most of the template is filled; a reviewer can judge it.' },
  { id: 'in-progress', name: 'In progress', min: 50, meaning: 'Half or more is written; key parts are missing.' },
  { id: 'skeleton', name: 'Skeleton', min: 0, meaning: 'Mostly template; the substance is still to be written.' },
] as const;

export type CompletenessLevel = (typeof COMPLETENESS_LEVELS)[number];
export type CompletenessLevelId = CompletenessLevel['id'];

export function levelFor(score: number): CompletenessLevel {
  return COMPLETENESS_LEVELS.find((level) => score >= level.min) ?? COMPLETENESS_LEVELS[COMPLETENESS_LEVELS.length - 1]!;
}
