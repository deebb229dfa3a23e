import { codeSpan, firstMatch, section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const CONFIG_WITH_DEFAULT = /`[a-z][a-z0-9]*(?:\.[a-z0-9-]+)+`.*(default|默认)|(default|默认).*`[a-z][a-z0-9]*(?:\.[a-z0-9-]+)+`/i;

export const featureFlag: Rule = {
  id: 'feature-flag',
  title: { zh: '有开关（feature flag），并写明默认值', en: 'A feature flag with its default' },
  why: {
    zh: '模板要求每个改动都放在默认关闭的开关后面：出了问题，关开关就是第一步回滚。',
    en: 'The template asks for every change to sit behind a switch that is off by default, so that turning it off is the first rollback.',
  },
  fix: {
    zh: '在 frontmatter 里声明 `featureFlag: { name, default }`，并在“4) 方案”中写出配置名及默认值，如“`log.cleaner.foo.enable`，默认 `false`”。',
    en: 'Declare `featureFlag: { name, default }` in the frontmatter, and name the config with its default in “4) Proposal”, such as “`log.cleaner.foo.enable`, default `false`”.',
  },
  weight: 6,
  sections: ['proposal'],
  check: (doc) => {
    if (doc.data?.featureFlag) {
      const name = `\`${doc.data.featureFlag.name}\``;
      const value = codeSpan(String(doc.data.featureFlag.default));
      return pass({ zh: `${name}，默认 ${value}。`, en: `${name}, default ${value}.` });
    }
    const proposal = section(doc, 'proposal');
    const line = firstMatch(writtenLines(proposal), CONFIG_WITH_DEFAULT);
    return line
      ? pass({ zh: '方案里写了配置名及其默认值。', en: 'The proposal names a config with its default.' }, line.line)
      : fail(
          {
            zh: '没有开关：frontmatter 里没有 `featureFlag`，方案里也没有写明默认值的配置。',
            en: 'No feature flag: neither `featureFlag` in the frontmatter nor a config with its default in the proposal.',
          },
          proposal?.line,
        );
  },
};
