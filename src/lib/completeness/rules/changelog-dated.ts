import { section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const DATED_ENTRY = /^\s*[-*+]\s+\**\d{4}-\d{2}-\d{2}\**\s*[:：]?\s*\S/;

export const changelogDated: Rule = {
  id: 'changelog-dated',
  title: { zh: '变更日志有带日期的条目', en: 'The change log has a dated entry' },
  why: { zh: '读者要知道自己上次看过之后改了什么、什么时候改的。', en: 'Readers need to know what changed since they last read it, and when.' },
  fix: { zh: '在“变更日志”下逐条记录，格式如“- 2026-03-02：初稿”。', en: 'Under “变更日志/Change log”, add entries such as “- 2026-03-02: first draft”.' },
  weight: 4,
  sections: ['changelog'],
  check: (doc) => {
    const changelog = section(doc, 'changelog');
    const entries = writtenLines(changelog).filter(({ text }) => DATED_ENTRY.test(text));
    const n = entries.length;
    return n > 0
      ? pass({ zh: `变更日志里有 ${n} 条带日期的记录。`, en: `${n} dated entr${n > 1 ? 'ies' : 'y'}.` }, entries[0]!.line)
      : fail({ zh: '变更日志里没有带日期的条目。', en: 'No dated entry in the change log.' }, changelog?.line);
  },
};
