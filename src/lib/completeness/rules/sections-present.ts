import { TEMPLATE_SECTIONS } from '../../vocabulary/sections.ts';
import { fail, pass, type Rule } from '../types.ts';

export const sectionsPresent: Rule = {
  id: 'sections-present',
  title: { zh: '模板各节齐全', en: 'Every template section is there' },
  why: {
    zh: '评审会把几份提案对照着读；缺一节不等于“答得简短”，而是这个问题没人回答。',
    en: 'Reviewers read proposals side by side; a missing section is a question nobody answered, not one that was answered briefly.',
  },
  fix: {
    zh: '按模板编号补上缺的标题：“## 1) 摘要（只说三件事）”……“## 9) 参考（必须可点）”，最后是“## 变更日志”（用英文模板的标题也可以）。',
    en: 'Add the missing headings, numbered as in the template: “## 1) 摘要（只说三件事）” … “## 9) 参考（必须可点）”, then “## 变更日志” (or the English headings).',
  },
  weight: 4,
  check: ({ analysed }) => {
    const missing = TEMPLATE_SECTIONS.filter((s) => !analysed.sections.some((found) => found.key === s.key));
    if (missing.length === 0) return pass({ zh: '模板的十节都在。', en: 'All ten sections are present.' });
    const heading = (s: (typeof missing)[number], text: string) => (s.number ? `${s.number}) ${text}` : text);
    return fail({
      zh: `缺少章节：${missing.map((s) => heading(s, s.zh)).join('；')}。`,
      en: `Missing section${missing.length > 1 ? 's' : ''}: ${missing.map((s) => heading(s, s.en)).join('; ')}.`,
    });
  },
};
