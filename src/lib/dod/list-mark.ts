/**
 * What the lists' "DoD 5/6" mark says (issue 14), worded in one place for a proposal in a list
 * (ProposalCard.astro) and a search result (src/scripts/search-result.ts), which the browser builds
 * from the index's metadata. The visible text is the figure and the verdict's sign; the name a screen
 * reader hears and the tooltip are the sentence, "DoD：6 项中 5 项达成，结论：待定". The words come
 * through the page's `t` and the verdict's label as the page gives it, so the browser can word a mark
 * with the strings its page passed.
 */
import type { Translate } from '../i18n/messages.ts';
import type { DodAssessment, DodVerdict } from './types.ts';

/** The interface strings a mark needs, for pages that word marks in the browser. */
export const DOD_MARK_STRINGS = ['dodMark.sentence'] as const;

/** What a list item records of a proposal's assessment: its `data-dod-*` attributes. */
export type DodFigures = Pick<DodAssessment, 'verdict' | 'met' | 'total'>;

/** The attributes every list item carries, `none` and 0/0 included (the contract). */
export function dodDataAttributes({ verdict, met, total }: DodFigures): { 'data-dod-verdict': DodVerdict; 'data-dod-met': string; 'data-dod-total': string } {
  return { 'data-dod-verdict': verdict, 'data-dod-met': String(met), 'data-dod-total': String(total) };
}

/** A mark only when something was judged: "DoD 0/0" would say nothing a reader could use. */
export function showsDodMark({ total }: Pick<DodFigures, 'total'>): boolean {
  return total > 0;
}

/** The visible figure, after the verdict's sign: "DoD 5/6". The same in every language. */
export function dodMarkFigure({ met, total }: Pick<DodFigures, 'met' | 'total'>): string {
  return `DoD ${met}/${total}`;
}

/** The mark in words, for its accessible name and tooltip. */
export function dodMarkSentence(t: Translate, { met, total }: Pick<DodFigures, 'met' | 'total'>, verdictLabel: string): string {
  return t('dodMark.sentence', { met, total, verdict: verdictLabel });
}
