import { section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const RELEASE = /发布|上线|release|roll ?out|ship/i;
const ROLLBACK = /回滚|回退|rollback|roll back|revert/i;
const MIGRATION = /迁移|降级|migrat|downgrade/i;

export const releaseRollback: Rule = {
  id: 'release-rollback',
  title: 'Release and rollback, with a downgrade path when the format changes',
  why: 'Operators need to know how the change ships and how to back out. When the on-disk format changes, turning the flag off is not a rollback.',
  fix: 'Say how it is released (with a version, behind the flag) and how to roll back; if the on-disk format changes, describe the migration and the downgrade path.',
  weight: 4,
  sections: ['release'],
  check: (doc) => {
    const release = section(doc, 'release');
    const written = writtenLines(release);
    const has = (p: RegExp) => written.some(({ text }) => p.test(text));
    const needsMigration = doc.data?.changes.onDiskFormat === true;
    const missing = [!has(RELEASE) && 'how it is released', !has(ROLLBACK) && 'how to roll back', needsMigration && !has(MIGRATION) && 'a migration or downgrade path (the on-disk format changes)'].filter(Boolean);
    return missing.length === 0 ? pass('Release and rollback are described.', release?.line) : fail(`Release/rollback lacks ${missing.join(', ')}.`, release?.line);
  },
};
