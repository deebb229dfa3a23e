import type { InlineCode } from 'mdast';
import { CLASS_METHOD, codeSpan, nodesOfType, section } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const SECTION_NAMES = {
  'current-state': { zh: '“3) 现状”', en: '3) Current state' },
  proposal: { zh: '“4) 方案”', en: '4) Proposal' },
} as const;

export const namesRealCode: Rule = {
  id: 'names-real-code',
  title: { zh: '现状和改动点用 `Class#method` 点名代码', en: 'The current state and the change points name code as `Class#method`' },
  why: {
    zh: '把调用链上的具体方法点出来，提案才能对着源码核对；模板自己把 ProducerBatch 当成 Broker 内部对象的错误，就是这样发现的。',
    en: 'Naming the exact methods on the call chain is what makes the proposal checkable against the source, and what caught the template’s own ProducerBatch mistake.',
  },
  fix: {
    zh: '在“3) 现状”和“4) 方案”的改动点里，用反引号写出 Broker 的类和方法，如 `LogValidator#validateMessagesAndAssignOffsets`。',
    en: 'In “3) Current state” and in the change points of “4) Proposal”, write the broker’s classes and methods in backticks, such as `LogValidator#validateMessagesAndAssignOffsets`.',
  },
  weight: 8,
  sections: ['current-state', 'proposal'],
  check: (doc) => {
    const named = (key: 'current-state' | 'proposal') => nodesOfType<InlineCode>(section(doc, key), 'inlineCode').filter((c) => CLASS_METHOD.test(c.value.trim()));
    const current = named('current-state');
    const proposal = named('proposal');
    const missing = (['current-state', 'proposal'] as const).filter((key) => (key === 'current-state' ? current : proposal).length === 0).map((key) => SECTION_NAMES[key]);
    if (missing.length === 0) {
      const shown = [...new Set([...current, ...proposal].map((c) => c.value))].slice(0, 4).map(codeSpan);
      return pass({ zh: `点名了 ${shown.join('、')}。`, en: `Names ${shown.join(', ')}.` });
    }
    const where = section(doc, current.length === 0 ? 'current-state' : 'proposal');
    return fail(
      {
        zh: missing.length > 1 ? `${missing.map((m) => m.zh).join('和')}里都没有 \`Class#method\`。` : `${missing[0]!.zh}里没有 \`Class#method\`。`,
        en: `No \`Class#method\` in ${missing.map((m) => m.en).join(' or ')}.`,
      },
      where?.line,
    );
  },
};
