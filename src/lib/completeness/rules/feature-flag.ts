import { codeSpan, firstMatch, section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const CONFIG_WITH_DEFAULT = /`[a-z][a-z0-9]*(?:\.[a-z0-9-]+)+`.*(default|默认)|(default|默认).*`[a-z][a-z0-9]*(?:\.[a-z0-9-]+)+`/i;

export const featureFlag: Rule = {
  id: 'feature-flag',
  title: 'A feature flag with its default',
  why: 'The template asks for every change to sit behind a switch that is off by default, so that turning it off is the first rollback.',
  fix: 'Declare `featureFlag: { name, default }` in the frontmatter, and name the config with its default in “4) Proposal”, such as “`log.cleaner.foo.enable`, default `false`”.',
  weight: 6,
  sections: ['proposal'],
  check: (doc) => {
    if (doc.data?.featureFlag) return pass(`\`${doc.data.featureFlag.name}\`, default ${codeSpan(String(doc.data.featureFlag.default))}.`);
    const proposal = section(doc, 'proposal');
    const line = firstMatch(writtenLines(proposal), CONFIG_WITH_DEFAULT);
    return line ? pass('The proposal names a config with its default.', line.line) : fail('No feature flag: neither `featureFlag` in the frontmatter nor a config with its default in the proposal.', proposal?.line);
  },
};
