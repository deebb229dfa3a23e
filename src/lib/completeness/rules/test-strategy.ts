import { section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const KINDS = [
  { what: 'unit tests', pattern: /单测|单元|\bunit\b/i },
  { what: 'integration tests', pattern: /集成|integration|end-to-end|端到端/i },
  { what: 'compatibility tests', pattern: /兼容|compatib/i },
  { what: 'a fault-injection case', pattern: /故障注入|fault|chaos|crash|kill|宕机|网络抖动|磁盘慢|partition the network/i },
];

export const testStrategy: Rule = {
  id: 'test-strategy',
  title: 'Tests: unit, integration, compatibility and fault injection',
  why: 'A broker change must be shown correct on its new branches, end to end, across client and broker versions, and under failure.',
  fix: 'List the unit tests (new branches and edge cases), the integration tests (produce/consume, broker restart), the compatibility matrix (old client ↔ new broker and back) and at least one fault-injection case.',
  weight: 6,
  sections: ['testing'],
  check: (doc) => {
    const testing = section(doc, 'testing');
    const written = writtenLines(testing);
    const missing = KINDS.filter((k) => !written.some(({ text }) => k.pattern.test(text))).map((k) => k.what);
    return missing.length === 0 ? pass('Unit, integration, compatibility and fault injection are covered.', testing?.line) : fail(`The test strategy lacks ${missing.join(', ')}.`, testing?.line);
  },
};
