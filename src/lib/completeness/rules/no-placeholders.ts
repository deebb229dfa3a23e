import { placeholdersIn } from '../../vocabulary/sections.ts';
import { codeSpan } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const noPlaceholders: Rule = {
  id: 'no-placeholders',
  title: 'No template placeholder is left',
  why: 'A `{{…}}` placeholder is a blank in the form: the proposal is not finished while one remains.',
  fix: 'Replace every `{{…}}` with the real value: the class, the tool, the number, the link.',
  weight: 8,
  check: ({ analysed }) => {
    const found: { line: number; text: string }[] = [];
    const lines = analysed.sections.flatMap((s) => [{ line: s.line, text: s.heading }, ...s.lines]);
    for (const { line, text } of lines) for (const placeholder of placeholdersIn(text)) found.push({ line, text: placeholder });
    if (found.length === 0) return pass('No placeholders left.');
    const shown = [...new Set(found.map((f) => f.text))].slice(0, 6).map(codeSpan);
    return fail(`${found.length} placeholder${found.length > 1 ? 's' : ''} left: ${shown.join(', ')}${found.length > 6 ? ', …' : ''}.`, found[0]!.line);
  },
};
