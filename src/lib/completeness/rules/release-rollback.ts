import { joinPhrases, section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const RELEASE = /发布|上线|release|roll ?out|ship/i;
const ROLLBACK = /回滚|回退|rollback|roll back|revert/i;
const MIGRATION = /迁移|降级|migrat|downgrade/i;

export const releaseRollback: Rule = {
  id: 'release-rollback',
  title: { zh: '发布与回滚；改磁盘格式时给出降级路径', en: 'Release and rollback, with a downgrade path when the format changes' },
  why: {
    zh: '运维要知道改动怎么上线、出了问题怎么收手。一旦改了磁盘格式，关开关就不等于回滚。',
    en: 'Operators need to know how the change ships and how to back out. When the on-disk format changes, turning the flag off is not a rollback.',
  },
  fix: {
    zh: '写清怎么发布（随哪个版本、是否挂在开关后面）和怎么回滚；如果改了磁盘格式，说明迁移和降级路径。',
    en: 'Say how it is released (with a version, behind the flag) and how to roll back; if the on-disk format changes, describe the migration and the downgrade path.',
  },
  weight: 4,
  sections: ['release'],
  check: (doc) => {
    const release = section(doc, 'release');
    const written = writtenLines(release);
    const has = (p: RegExp) => written.some(({ text }) => p.test(text));
    const needsMigration = doc.data?.changes.onDiskFormat === true;
    const missing = [
      !has(RELEASE) && { zh: '发布方式', en: 'how it is released' },
      !has(ROLLBACK) && { zh: '回滚方式', en: 'how to roll back' },
      needsMigration && !has(MIGRATION) && { zh: '迁移或降级路径（磁盘格式有变化）', en: 'a migration or downgrade path (the on-disk format changes)' },
    ].filter((m) => m !== false);
    if (missing.length === 0) return pass({ zh: '发布和回滚都写清楚了。', en: 'Release and rollback are described.' }, release?.line);
    const list = joinPhrases(missing);
    return fail({ zh: `发布/回滚缺少：${list.zh}。`, en: `Release/rollback lacks ${list.en}.` }, release?.line);
  },
};
