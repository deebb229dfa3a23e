import { labelledBlock, section } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const LABEL = [/兼容/, /compatib/i];
const SUBJECT = /协议|磁盘|格式|protocol|on-disk|wire|format|API|升级|降级|upgrade|downgrade|old (clients?|brokers?)|旧/i;

export const compatibility: Rule = {
  id: 'compatibility',
  title: 'A compatibility statement',
  why: 'Reviewers must know at once whether the wire protocol or the on-disk format changes: that decides whether a KIP is needed and whether rollback is possible.',
  fix: 'Under “**兼容性**/**Compatibility**”, say whether the protocol and the on-disk format change, and what old clients and brokers see.',
  weight: 4,
  sections: ['proposal'],
  check: (doc) => {
    const block = labelledBlock(section(doc, 'proposal'), LABEL);
    if (!block) return fail('No “Compatibility” part in the proposal.', section(doc, 'proposal')?.line);
    return block.lines.some(({ text }) => SUBJECT.test(text))
      ? pass('States what happens to the protocol and the on-disk format.', block.labelLine)
      : fail('The compatibility part does not say whether the protocol or the on-disk format changes.', block.labelLine);
  },
};
