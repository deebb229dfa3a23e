import { links, section } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const referencesClickable: Rule = {
  id: 'references-clickable',
  title: 'References are clickable links',
  why: 'The template says references must be clickable: a reviewer should reach the KIP, the JIRA issue, the code and the benchmark report in one click.',
  fix: 'Under “9) References”, write each reference as a Markdown link, such as `[KAFKA-14633](https://issues.apache.org/jira/browse/KAFKA-14633)`: the KIP, the JIRA issues, the source paths on GitHub, the benchmark report.',
  weight: 4,
  sections: ['references'],
  check: (doc) => {
    const references = section(doc, 'references');
    const found = links(references);
    return found.length > 0 ? pass(`${found.length} link${found.length > 1 ? 's' : ''}.`, references?.line) : fail('No clickable link under references.', references?.line);
  },
};
