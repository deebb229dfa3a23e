import { joinPhrases, section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const KINDS = [
  { what: { zh: '单测', en: 'unit tests' }, pattern: /单测|单元|\bunit\b/i },
  { what: { zh: '集成测试', en: 'integration tests' }, pattern: /集成|integration|end-to-end|端到端/i },
  { what: { zh: '兼容性测试', en: 'compatibility tests' }, pattern: /兼容|compatib/i },
  { what: { zh: '故障注入用例', en: 'a fault-injection case' }, pattern: /故障注入|fault|chaos|crash|kill|宕机|网络抖动|磁盘慢|partition the network/i },
];

export const testStrategy: Rule = {
  id: 'test-strategy',
  title: { zh: '测试：单测、集成、兼容性和故障注入', en: 'Tests: unit, integration, compatibility and fault injection' },
  why: {
    zh: 'Broker 改动要证明：新分支正确，端到端正确，跨客户端和 broker 版本正确，出故障时也正确。',
    en: 'A broker change must be shown correct on its new branches, end to end, across client and broker versions, and under failure.',
  },
  fix: {
    zh: '列出单测（新分支 + 边界）、集成测试（produce/consume、broker 重启）、兼容矩阵（旧客户端 ↔ 新 broker，以及反向），再加至少一个故障注入用例。',
    en: 'List the unit tests (new branches and edge cases), the integration tests (produce/consume, broker restart), the compatibility matrix (old client ↔ new broker and back) and at least one fault-injection case.',
  },
  weight: 6,
  sections: ['testing'],
  check: (doc) => {
    const testing = section(doc, 'testing');
    const written = writtenLines(testing);
    const missing = KINDS.filter((k) => !written.some(({ text }) => k.pattern.test(text))).map((k) => k.what);
    if (missing.length === 0) return pass({ zh: '单测、集成、兼容性和故障注入都覆盖了。', en: 'Unit, integration, compatibility and fault injection are covered.' }, testing?.line);
    const list = joinPhrases(missing);
    return fail({ zh: `测试策略缺少：${list.zh}。`, en: `The test strategy lacks ${list.en}.` }, testing?.line);
  },
};
