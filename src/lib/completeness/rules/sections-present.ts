import { TEMPLATE_SECTIONS } from '../../vocabulary/sections.ts';
import { fail, pass, type Rule } from '../types.ts';

export const sectionsPresent: Rule = {
  id: 'sections-present',
  title: 'Every template section is there',
  why: 'Reviewers read proposals side by side; a missing section is a question nobody answered, not one that was answered briefly.',
  fix: 'Add the missing headings, numbered as in the template: “## 1) 摘要（只说三件事）” … “## 9) 参考（必须可点）”, then “## 变更日志” (or the English headings).',
  weight: 4,
  check: ({ analysed }) => {
    const missing = TEMPLATE_SECTIONS.filter((s) => !analysed.sections.some((found) => found.key === s.key));
    return missing.length === 0
      ? pass('All ten sections are present.')
      : fail(`Missing section${missing.length > 1 ? 's' : ''}: ${missing.map((s) => (s.number ? `${s.number}) ${s.en}` : s.en)).join('; ')}.`);
  },
};
