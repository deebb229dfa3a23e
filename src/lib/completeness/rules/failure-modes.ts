import { labelledBlock, section, writtenLines } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

const LABEL = [/失败模式/, /failure modes?/i];
const CASES = [
  { what: 'codec or decompression failure', pattern: /压缩|解压|编解码|codec|compress|decompress/i },
  { what: 'corruption or checksum failure', pattern: /损坏|校验|CRC|corrupt|checksum/i },
  { what: 'a fallback path', pattern: /回退|降级|兜底|fallback|fall back|falls back|revert/i },
];

export const failureModes: Rule = {
  id: 'failure-modes',
  title: 'Failure modes with a fallback path',
  why: 'Performance changes go wrong on their error paths. The template asks what happens when a codec fails, when data is corrupt, and how the broker falls back.',
  fix: 'Under “**失败模式**/**Failure modes**”, give the behaviour on codec/decompression failure, on corruption (CRC mismatch), and the fallback path to the old code.',
  weight: 8,
  sections: ['proposal'],
  check: (doc) => {
    const proposal = section(doc, 'proposal');
    const block = labelledBlock(proposal, LABEL);
    const lines = block?.lines ?? writtenLines(proposal);
    const missing = CASES.filter((c) => !lines.some(({ text }) => c.pattern.test(text))).map((c) => c.what);
    return missing.length === 0 ? pass('Covers codec failure, corruption and the fallback path.', block?.labelLine) : fail(`The failure modes do not cover ${missing.join(', ')}.`, block?.labelLine ?? proposal?.line);
  },
};
