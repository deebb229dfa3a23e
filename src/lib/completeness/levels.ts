import type { Localized } from '../i18n/locales.ts';

/** Named completeness levels, highest first. A score belongs to the first level whose minimum it reaches. */
export const COMPLETENESS_LEVELS = [
  { id: 'complete', min: 100, name: { zh: '完整', en: 'Complete' }, meaning: { zh: '所有规则都已满足。', en: 'Every rule passes.' } },
  {
    id: 'ready',
    min: 80,
    name: { zh: '可评审', en: 'Ready for review' },
    meaning: { zh: '模板大部分已填写，评审者可以据此做判断。', en: 'Most of the template is filled; a reviewer can judge it.' },
  },
  {
    id: 'in-progress',
    min: 50,
    name: { zh: '撰写中', en: 'In progress' },
    meaning: { zh: '已写了一半以上，关键部分仍有缺失。', en: 'Half or more is written; key parts are missing.' },
  },
  {
    id: 'skeleton',
    min: 0,
    name: { zh: '骨架', en: 'Skeleton' },
    meaning: { zh: '大多仍是模板原文，实质内容还没写。', en: 'Mostly template; the substance is still to be written.' },
  },
] as const satisfies readonly { id: string; min: number; name: Localized; meaning: Localized }[];

export type CompletenessLevel = (typeof COMPLETENESS_LEVELS)[number];
export type CompletenessLevelId = CompletenessLevel['id'];

export function levelFor(score: number): CompletenessLevel {
  return COMPLETENESS_LEVELS.find((level) => score >= level.min) ?? COMPLETENESS_LEVELS[COMPLETENESS_LEVELS.length - 1]!;
}
