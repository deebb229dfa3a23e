import type { Localized } from '../../i18n/locales.ts';
import { joinPhrases } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const KIP_IN_TEXT = /KIP-\d+|cwiki\.apache\.org\/confluence\/display\/KAFKA\//;

const CHANGE_NAMES = {
  protocol: { zh: '协议', en: 'protocol' },
  onDiskFormat: { zh: '磁盘格式', en: 'on-disk format' },
  userVisible: { zh: '用户可见行为', en: 'user-visible' },
} as const satisfies Record<string, Localized>;

export const kipWhenRequired: Rule = {
  id: 'kip-when-required',
  title: { zh: '改协议、磁盘格式或用户可见行为时有 KIP', en: 'A KIP when the protocol, the on-disk format or user-visible behaviour changes' },
  why: {
    zh: 'Apache Kafka 要求这类改动走 KIP；模板里的 KIP 决策点就是让作者一开始就把话说清楚。',
    en: 'Apache Kafka requires a KIP for such changes; the template’s KIP decision point makes the author say so up front.',
  },
  fix: {
    zh: '在“9) 参考”和 frontmatter 的 `kip` 里都链上 KIP（还没有 KIP 页面时，先链草稿、讨论帖或 KIP 索引）；如果确实没有这类改动，把 `changes` 里对应的项设为 false。',
    en: 'Link the KIP (or its draft, its discussion thread, or the KIP index while it has no page) under “9) References”, as well as in the frontmatter’s `kip`; or set the change flags to false if nothing of the kind changes.',
  },
  weight: 4,
  sections: ['references'],
  check: ({ data, analysed }) => {
    const declared = data ? (Object.keys(CHANGE_NAMES) as (keyof typeof CHANGE_NAMES)[]).filter((k) => data.changes[k]) : [];
    if (declared.length === 0) {
      return pass({ zh: '没有声明协议、磁盘格式或用户可见行为的改动，不需要 KIP。', en: 'No protocol, on-disk or user-visible change is declared, so no KIP is needed.' });
    }
    const names = joinPhrases(declared.map((k) => CHANGE_NAMES[k]));
    const what = { zh: `${names.zh}改动`, en: `${names.en} change` };
    const references = analysed.sections.find((s) => s.key === 'references');
    const line = references?.lines.find(({ text }) => KIP_IN_TEXT.test(text));
    return line
      ? pass({ zh: `参考里已链上${what.zh}对应的 KIP。`, en: `The KIP for the ${what.en} is linked under references.` }, line.line)
      : fail({ zh: `声明了${what.zh}，但参考里没有链接 KIP。`, en: `Declares a ${what.en} but links no KIP under references.` }, references?.line);
  },
};
