import { hasQuantity, isTemplateText, joinPhrases, quoted, section } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const summaryComplete: Rule = {
  id: 'summary-complete',
  title: { zh: '摘要写清要解决的问题、怎么做和量化收益', en: 'The summary says the problem, the approach and a quantified benefit' },
  why: {
    zh: '列表和评审最先看的就是摘要：三行字决定后面值不值得读。',
    en: 'The summary is what lists and reviewers read first: three lines that decide whether the rest is worth reading.',
  },
  fix: {
    zh: '写三条：**要解决**（现象 + 场景）、**怎么做**（核心机制）、**收益**（给出数字，如“p99 降低 20%”“CPU 降低 15%”）；英文模板对应 **Problem**/**Approach**/**Benefit**。',
    en: 'Write three bullets: “**要解决**/**Problem**: symptom and scenario”, “**怎么做**/**Approach**: the mechanism”, “**收益**/**Benefit**: a number, such as “p99 −20%” or “CPU −15%”.',
  },
  weight: 10,
  sections: ['summary'],
  check: (doc) => {
    const summary = section(doc, 'summary');
    const { problem, approach, benefit } = doc.analysed.summary;
    const written = (text: string | undefined) => text !== undefined && text.trim() !== '' && !isTemplateText(text);
    const missing = [
      !written(problem) && { zh: '**要解决**', en: 'the problem' },
      !written(approach) && { zh: '**怎么做**', en: 'the approach' },
      !written(benefit) ? { zh: '**收益**', en: 'the benefit' } : !hasQuantity(benefit!) && { zh: '**收益**里的量化数字（带单位或 %）', en: 'a number in the benefit (a unit or %)' },
    ].filter((m) => m !== false);
    if (missing.length === 0) return pass({ zh: `收益：${quoted(benefit!)}`, en: `Benefit: ${quoted(benefit!)}` }, summary?.line);
    const list = joinPhrases(missing);
    return fail({ zh: `摘要缺少：${list.zh}。`, en: `The summary lacks ${list.en}.` }, summary?.line);
  },
};
