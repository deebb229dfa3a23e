import { section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const DATED_ENTRY = /^\s*[-*+]\s+\**\d{4}-\d{2}-\d{2}\**\s*[:：]?\s*\S/;

export const changelogDated: Rule = {
  id: 'changelog-dated',
  title: 'The change log has a dated entry',
  why: 'Readers need to know what changed since they last read it, and when.',
  fix: 'Under “变更日志/Change log”, add entries such as “- 2026-03-02: first draft”.',
  weight: 4,
  sections: ['changelog'],
  check: (doc) => {
    const changelog = section(doc, 'changelog');
    const entries = writtenLines(changelog).filter(({ text }) => DATED_ENTRY.test(text));
    return entries.length > 0 ? pass(`${entries.length} dated entr${entries.length > 1 ? 'ies' : 'y'}.`, entries[0]!.line) : fail('No dated entry in the change log.', changelog?.line);
  },
};
