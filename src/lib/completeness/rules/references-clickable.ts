import { links, section } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const referencesClickable: Rule = {
  id: 'references-clickable',
  title: { zh: '参考都是可点的链接', en: 'References are clickable links' },
  why: {
    zh: '模板要求参考必须可点：评审点一下就能打开 KIP、JIRA、代码和压测报告。',
    en: 'The template says references must be clickable: a reviewer should reach the KIP, the JIRA issue, the code and the benchmark report in one click.',
  },
  fix: {
    zh: '在“9) 参考”下把每条参考写成 Markdown 链接，如 `[KAFKA-14633](https://issues.apache.org/jira/browse/KAFKA-14633)`：KIP、JIRA、GitHub 上的源码路径、压测报告。',
    en: 'Under “9) References”, write each reference as a Markdown link, such as `[KAFKA-14633](https://issues.apache.org/jira/browse/KAFKA-14633)`: the KIP, the JIRA issues, the source paths on GitHub, the benchmark report.',
  },
  weight: 4,
  sections: ['references'],
  check: (doc) => {
    const references = section(doc, 'references');
    const n = links(references).length;
    return n > 0
      ? pass({ zh: `参考里有 ${n} 个链接。`, en: `${n} link${n > 1 ? 's' : ''}.` }, references?.line)
      : fail({ zh: '参考里没有可点的链接。', en: 'No clickable link under references.' }, references?.line);
  },
};
