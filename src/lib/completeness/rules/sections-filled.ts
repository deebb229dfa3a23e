import { quoted, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const sectionsFilled: Rule = {
  id: 'sections-filled',
  title: { zh: '没有空着的章节', en: 'No section is empty' },
  why: {
    zh: '标题下只有占位符或模板提示，等于什么都没写，只是看起来完整。',
    en: 'A heading followed only by placeholders or template notes says nothing; it only looks complete.',
  },
  fix: {
    zh: '每个标题下至少写一行自己的内容；顺手删掉模板的占位符和提示。',
    en: 'Write at least one line of your own under each heading; remove the template’s placeholders and notes as you go.',
  },
  weight: 6,
  check: ({ analysed }) => {
    const empty = analysed.sections.filter((s) => writtenLines(s).length === 0);
    if (analysed.sections.length === 0) return fail({ zh: '一个模板章节都没找到，无从填写。', en: 'No template section was found, so none is filled.' });
    if (empty.length === 0) return pass({ zh: '每一节都有自己写的内容。', en: 'Every section has content of its own.' });
    const headings = empty.map((s) => quoted(s.heading));
    return fail({ zh: `这些章节只有模板原文：${headings.join('；')}。`, en: `Only template text in: ${headings.join('; ')}.` }, empty[0]!.line);
  },
};
