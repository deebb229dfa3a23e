import { labelledBlock, section } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const LABEL = [/兼容/, /compatib/i];
const SUBJECT = /协议|磁盘|格式|protocol|on-disk|wire|format|API|升级|降级|upgrade|downgrade|old (clients?|brokers?)|旧/i;

export const compatibility: Rule = {
  id: 'compatibility',
  title: { zh: '写明兼容性', en: 'A compatibility statement' },
  why: {
    zh: '评审要一眼看出协议或磁盘格式改没改：这决定了要不要走 KIP，以及能不能回滚。',
    en: 'Reviewers must know at once whether the wire protocol or the on-disk format changes: that decides whether a KIP is needed and whether rollback is possible.',
  },
  fix: {
    zh: '在“**兼容性**”下写明协议和磁盘格式是否改变，以及旧客户端、旧 broker 会看到什么。',
    en: 'Under “**兼容性**/**Compatibility**”, say whether the protocol and the on-disk format change, and what old clients and brokers see.',
  },
  weight: 4,
  sections: ['proposal'],
  check: (doc) => {
    const block = labelledBlock(section(doc, 'proposal'), LABEL);
    if (!block) return fail({ zh: '方案里没有“兼容性”部分。', en: 'No “Compatibility” part in the proposal.' }, section(doc, 'proposal')?.line);
    return block.lines.some(({ text }) => SUBJECT.test(text))
      ? pass({ zh: '写明了协议和磁盘格式是否改变。', en: 'States what happens to the protocol and the on-disk format.' }, block.labelLine)
      : fail({ zh: '兼容性部分没有说明协议或磁盘格式是否改变。', en: 'The compatibility part does not say whether the protocol or the on-disk format changes.' }, block.labelLine);
  },
};
