import { joinPhrases, labelledBlock, section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const LABEL = [/失败模式/, /failure modes?/i];
const CASES = [
  { what: { zh: '压缩/解压失败', en: 'codec or decompression failure' }, pattern: /压缩|解压|编解码|codec|compress|decompress/i },
  { what: { zh: '数据损坏/校验失败', en: 'corruption or checksum failure' }, pattern: /损坏|校验|CRC|corrupt|checksum/i },
  { what: { zh: '回退路径', en: 'a fallback path' }, pattern: /回退|降级|兜底|fallback|fall back|falls back|revert/i },
];

export const failureModes: Rule = {
  id: 'failure-modes',
  title: { zh: '失败模式和回退路径', en: 'Failure modes with a fallback path' },
  why: {
    zh: '性能改动出事往往出在异常路径上。模板要求说清：压缩/解压失败怎么办，数据损坏怎么办，broker 怎么回退。',
    en: 'Performance changes go wrong on their error paths. The template asks what happens when a codec fails, when data is corrupt, and how the broker falls back.',
  },
  fix: {
    zh: '在“**失败模式**”下写明：压缩/解压失败时的行为，数据损坏（CRC 校验失败）时的行为，以及回退到旧逻辑的路径。',
    en: 'Under “**失败模式**/**Failure modes**”, give the behaviour on codec/decompression failure, on corruption (CRC mismatch), and the fallback path to the old code.',
  },
  weight: 8,
  sections: ['proposal'],
  check: (doc) => {
    const proposal = section(doc, 'proposal');
    const block = labelledBlock(proposal, LABEL);
    const lines = block?.lines ?? writtenLines(proposal);
    const missing = CASES.filter((c) => !lines.some(({ text }) => c.pattern.test(text))).map((c) => c.what);
    if (missing.length === 0) return pass({ zh: '覆盖了压缩/解压失败、数据损坏和回退路径。', en: 'Covers codec failure, corruption and the fallback path.' }, block?.labelLine);
    const list = joinPhrases(missing);
    return fail({ zh: `失败模式没有覆盖：${list.zh}。`, en: `The failure modes do not cover ${list.en}.` }, block?.labelLine ?? proposal?.line);
  },
};
