/**
 * Every proposal text the reader's tests know: the samples, the fixtures, both templates, the
 * reader's malformed, hostile and allowed cases, synthetic proposals and generated bodies that mix
 * every construct the rules and the content policy look at. Tests that hold two readings equal
 * (two parsers, two renderers of findings) run over all of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateProposals } from '../../scripts/bench/synthetic-proposals.ts';
import { PROPOSALS_DIR } from '../../src/lib/proposal-files.ts';
import { ALLOWED_CASES, HOSTILE_PAYLOADS, MALFORMED_FRONTMATTER } from '../fixtures/reader-cases.ts';
import { proposalSource } from './proposal-source.ts';

export interface Case {
  name: string;
  file: string;
  text: string;
}

const fromFolder = (folder: string, prefix: string): Case[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { name: `${prefix}${path.slice(folder.length + 1)}`, file: entry.name, text: readFileSync(path, 'utf8') };
    });

export const samples = fromFolder(PROPOSALS_DIR, 'sample ');
export const fixtures = ['tests/fixtures/proposals', 'tests/fixtures/completeness', 'tests/fixtures/catalogues', 'tests/fixtures/sites', 'tests/fixtures/seed'].flatMap((folder) =>
  fromFolder(folder, `fixture ${folder.slice('tests/fixtures/'.length)}/`),
);
export const templates = ['zh', 'en'].map((lang) => ({ name: `template ${lang}`, file: 'draft.md', text: readFileSync(`src/templates/proposal-template.${lang}.md`, 'utf8') }));
export const readerCases = [...MALFORMED_FRONTMATTER, ...HOSTILE_PAYLOADS, ...ALLOWED_CASES].flatMap((c) => c.files.map((f) => ({ name: `reader case "${c.name}" ${f.name}`, file: f.name, text: f.text })));
export const synthetic = generateProposals(60, 7).map((p) => ({ name: `synthetic ${p.fileName}`, file: p.fileName, text: p.text }));

/**
 * Markdown that exercises what the parsers might read differently: every construct the rules and
 * the content policy look at (headings, lists and task lists, tables, links in every form, raw
 * HTML, code), in random order and nesting, under the template's headings.
 */
const PIECES = [
  '## 1) Summary\n- **Problem**: the cleaner copies every batch.\n- **Approach**: reuse one buffer.\n- **Benefit**: less GC.\n',
  '## 2) Motivation\nEvidence: `jstat -gcutil` shows 40% young GC.\n',
  '### A sub-heading\ntext under it\n',
  '## 5) Performance validation\n| Scenario | Metric | Baseline | Candidate | Runs |\n| --- | --- | --- | --- | --- |\n| A | p99 latency | 48.2 ms ± 1.1 | 40.1 ms ± 0.9 | 5 |\n',
  '- DoD: p99 latency improves by at least 10%\n- [ ] a task\n- [x] done\n',
  '| a | b |\n|---|:-:|\n| `x|y` | **b** |\n| only one |\n',
  '1. one\n2. two\n   - nested\n     > quoted\n',
  '<details>\n<summary>More</summary>\n\nhidden *text*\n\n</details>\n',
  'inline <sup>1</sup> and <kbd>Ctrl</kbd> and <b onclick="x()">bold</b> html\n',
  '<script>alert(1)</script>\n',
  '<!-- a comment -->\n',
  '[inline](https://kafka.apache.org) [relative](../x/) [anchor](#top) [bad](javascript:alert(1))\n',
  '[ref]: https://example.org "title"\n[ref] and [ref][] and [text][ref]\n',
  '[danger]: javascript:alert(1)\n[danger]\n',
  '<https://autolink.example> and www.example.com and mail@example.com\n',
  '![image](https://example.org/a.png) ![local](a.png) ![data](data:image/png;base64,xx)\n',
  '```java\nclass A { void m() {} }\n```\n',
  '    indented code\n',
  '~~strike~~ and *em* and __strong__ and `code` and a\\\nhard break\n',
  'Footnote[^1].\n\n[^1]: the note, with [a link](https://x.example).\n',
  '---\n',
  'Setext heading\n===\n',
  '> quote\n> - list in quote\n',
  '{{placeholder}} 【待确认】 text\n',
  '## 9) References\n- [KIP index](https://cwiki.apache.org/confluence/display/KAFKA/Kafka+Improvement+Proposals)\n',
  '中文段落：`ReplicaManager#appendRecords` 在追加前校验。\n',
];

/** mulberry32, as the synthetic proposals use: the same bodies on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const generated: Case[] = Array.from({ length: 150 }, (_, i) => {
  const next = random(1000 + i);
  const pieces = Array.from({ length: 4 + Math.floor(next() * 12) }, () => {
    const piece = PIECES[Math.floor(next() * PIECES.length)]!;
    // Now and then inside a list item or a block quote, or without the blank line after it.
    const roll = next();
    if (roll < 0.1) return piece.replace(/^/gm, '> ');
    if (roll < 0.2) return `- ${piece.replace(/\n(?!$)/g, '\n  ')}`;
    return roll < 0.3 ? piece : `${piece}\n`;
  });
  return { name: `generated body ${i}`, file: i % 5 === 0 ? 'p.mdx' : 'p.md', text: proposalSource({}, pieces.join('')) };
});

export const READER_CORPUS: Case[] = [...samples, ...fixtures, ...templates, ...readerCases, ...synthetic, ...generated];
