import { hasQuantity, isTemplateText, literal, section } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const summaryComplete: Rule = {
  id: 'summary-complete',
  title: 'The summary says the problem, the approach and a quantified benefit',
  why: 'The summary is what lists and reviewers read first: three lines that decide whether the rest is worth reading.',
  fix: 'Write three bullets: “**要解决**/**Problem**: symptom and scenario”, “**怎么做**/**Approach**: the mechanism”, “**收益**/**Benefit**: a number, such as “p99 −20%” or “CPU −15%”.',
  weight: 10,
  sections: ['summary'],
  check: (doc) => {
    const summary = section(doc, 'summary');
    const { problem, approach, benefit } = doc.analysed.summary;
    const written = (text: string | undefined) => text !== undefined && text.trim() !== '' && !isTemplateText(text);
    const missing = [
      !written(problem) && 'the problem',
      !written(approach) && 'the approach',
      !written(benefit) ? 'the benefit' : !hasQuantity(benefit!) && 'a number in the benefit (a unit or %)',
    ].filter(Boolean);
    return missing.length === 0 ? pass(`Benefit: ${literal(benefit!)}`, summary?.line) : fail(`The summary lacks ${missing.join(', ')}.`, summary?.line);
  },
};
