import { describe, expect, it } from 'vitest';
import { dodDataAttributes, dodMarkFigure, dodMarkSentence, showsDodMark } from '../../src/lib/dod/list-mark.ts';
import { translator } from '../../src/lib/i18n/translate.ts';
import { DOD_VERDICTS, dodVerdict } from '../../src/lib/vocabulary/dod-verdicts.ts';

describe('the lists’ DoD mark', () => {
  it('puts the verdict and its figures on every list item, none and 0/0 included', () => {
    expect(dodDataAttributes({ verdict: 'inconclusive', met: 5, total: 6 })).toEqual({ 'data-dod-verdict': 'inconclusive', 'data-dod-met': '5', 'data-dod-total': '6' });
    expect(dodDataAttributes({ verdict: 'none', met: 0, total: 0 })).toEqual({ 'data-dod-verdict': 'none', 'data-dod-met': '0', 'data-dod-total': '0' });
  });

  it('shows a mark only when something was judged', () => {
    expect(showsDodMark({ total: 0 })).toBe(false);
    expect(showsDodMark({ total: 1 })).toBe(true);
    expect(showsDodMark({ total: Number(undefined) })).toBe(false);
  });

  it('shows the figure, the same in every language', () => {
    expect(dodMarkFigure({ met: 5, total: 6 })).toBe('DoD 5/6');
    expect(dodMarkFigure({ met: 0, total: 3 })).toBe('DoD 0/3');
  });

  it('says it in words, in Chinese and English', () => {
    const inconclusive = dodVerdict('inconclusive');
    expect(dodMarkSentence(translator('zh'), { met: 5, total: 6 }, inconclusive.label.zh)).toBe('DoD：6 项中 5 项达成，结论：待定');
    expect(dodMarkSentence(translator('en'), { met: 5, total: 6 }, inconclusive.label.en)).toBe('Definition of Done: 5 of 6 met; verdict: Inconclusive');
    expect(dodMarkSentence(translator('zh'), { met: 6, total: 6 }, dodVerdict('met').label.zh)).toBe('DoD：6 项中 6 项达成，结论：达成');
  });

  it('tells every verdict apart by a sign as well as a word', () => {
    const signs = DOD_VERDICTS.map((v) => v.icon);
    expect(new Set(signs).size).toBe(DOD_VERDICTS.length);
    expect(DOD_VERDICTS.map((v) => v.id)).toEqual(['met', 'missed', 'inconclusive', 'none']);
  });
});
