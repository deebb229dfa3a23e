import type { InlineCode } from 'mdast';
import { CLASS_METHOD, codeSpan, nodesOfType, section } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const namesRealCode: Rule = {
  id: 'names-real-code',
  title: 'The current state and the change points name code as `Class#method`',
  why: 'Naming the exact methods on the call chain is what makes the proposal checkable against the source, and what caught the template’s own ProducerBatch mistake.',
  fix: 'In “3) Current state” and in the change points of “4) Proposal”, write the broker’s classes and methods in backticks, such as `LogValidator#validateMessagesAndAssignOffsets`.',
  weight: 8,
  sections: ['current-state', 'proposal'],
  check: (doc) => {
    const named = (key: 'current-state' | 'proposal') => nodesOfType<InlineCode>(section(doc, key), 'inlineCode').filter((c) => CLASS_METHOD.test(c.value.trim()));
    const current = named('current-state');
    const proposal = named('proposal');
    const missing = [current.length === 0 && '3) Current state', proposal.length === 0 && '4) Proposal'].filter(Boolean);
    if (missing.length === 0) return pass(`Names ${[...new Set([...current, ...proposal].map((c) => c.value))].slice(0, 4).map(codeSpan).join(', ')}.`);
    const where = section(doc, current.length === 0 ? 'current-state' : 'proposal');
    return fail(`No \`Class#method\` in ${missing.join(' or ')}.`, where?.line);
  },
};
