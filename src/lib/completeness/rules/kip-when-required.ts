import { fail, pass, type Rule } from '../types.ts';

const KIP_IN_TEXT = /KIP-\d+|cwiki\.apache\.org\/confluence\/display\/KAFKA\//;

const CHANGE_NAMES = { protocol: 'protocol', onDiskFormat: 'on-disk format', userVisible: 'user-visible' } as const;

export const kipWhenRequired: Rule = {
  id: 'kip-when-required',
  title: 'A KIP when the protocol, the on-disk format or user-visible behaviour changes',
  why: 'Apache Kafka requires a KIP for such changes; the template’s KIP decision point makes the author say so up front.',
  fix: 'Link the KIP (or its draft, its discussion thread, or the KIP index while it has no page) under “9) References”, as well as in the frontmatter’s `kip`; or set the change flags to false if nothing of the kind changes.',
  weight: 4,
  sections: ['references'],
  check: ({ data, analysed }) => {
    const declared = data ? (Object.keys(CHANGE_NAMES) as (keyof typeof CHANGE_NAMES)[]).filter((k) => data.changes[k]) : [];
    if (declared.length === 0) return pass('No protocol, on-disk or user-visible change is declared, so no KIP is needed.');
    const what = `${declared.map((k) => CHANGE_NAMES[k]).join(', ')} change`;
    const references = analysed.sections.find((s) => s.key === 'references');
    const line = references?.lines.find(({ text }) => KIP_IN_TEXT.test(text));
    return line ? pass(`The KIP for the ${what} is linked under references.`, line.line) : fail(`Declares a ${what} but links no KIP under references.`, references?.line);
  },
};
