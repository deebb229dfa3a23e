import { literal, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const sectionsFilled: Rule = {
  id: 'sections-filled',
  title: 'No section is empty',
  why: 'A heading followed only by placeholders or template notes says nothing; it only looks complete.',
  fix: 'Write at least one line of your own under each heading; remove the template’s placeholders and notes as you go.',
  weight: 6,
  check: ({ analysed }) => {
    const empty = analysed.sections.filter((s) => writtenLines(s).length === 0);
    if (analysed.sections.length === 0) return fail('No template section was found, so none is filled.');
    return empty.length === 0 ? pass('Every section has content of its own.') : fail(`Only template text in: ${empty.map((s) => literal(s.heading)).join('; ')}.`, empty[0]!.line);
  },
};
