import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessSource, type CompletenessCheck } from '../../src/lib/completeness/assess.ts';
import { levelFor } from '../../src/lib/completeness/levels.ts';
import { RULES } from '../../src/lib/completeness/rules/index.ts';
import { joinPhrases, withoutQuoteMarks } from '../../src/lib/completeness/text.ts';
import { readProposal } from '../../src/lib/reader/read-proposal.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const FIXTURES = { en: read('../fixtures/completeness/complete.en.md'), zh: read('../fixtures/completeness/complete.zh.md') };
const SEED_TEMPLATE = read('../fixtures/seed/proposal-template.zh.md');

function assess(text: string) {
  const proposal = readProposal('p.md', 'p.md', text);
  return assessSource(proposal);
}

function check(text: string, id: string) {
  return assess(text).checks.find((c) => c.id === id)!;
}

/** Replaces text that must be in the fixture, so that a changed fixture cannot make a test pass silently. */
function edit(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  expect(changed, `the fixture no longer contains ${String(from)}`).not.toBe(text);
  return changed;
}

type Break = (text: string) => string;

/**
 * For every rule, how to break each language's complete fixture so that exactly that rule fails,
 * and what the failure then says in each interface language (the same, whatever the fixture's).
 */
const BREAKS: Record<string, { en: Break; zh: Break; message: { en: RegExp; zh: RegExp } }> = {
  'sections-present': {
    en: (t) => edit(t, /## 8\) Open questions[\s\S]*?(?=## 9\))/, ''),
    zh: (t) => edit(t, /## 8\) 开放问题[\s\S]*?(?=## 9\))/, ''),
    message: { en: /^Missing section: 8\) Open questions/, zh: /^缺少章节：8\) 开放问题（只留硬问题）。$/ },
  },
  'sections-filled': {
    en: (t) => edit(t, '- Does it apply to transactional batches with aborted records?', ''),
    zh: (t) => edit(t, '- 事务消息中含已中止记录的批次是否适用？', ''),
    message: { en: /^Only template text in: 8\)/, zh: /^这些章节只有模板原文：8\)/ },
  },
  'no-placeholders': {
    en: (t) => edit(t, 'a compacted topic with zstd batches of small records, most keys unique', '{{workload}}'),
    zh: (t) => edit(t, 'zstd 压缩的小消息 compaction 主题，大部分 key 唯一', '{{workload}}'),
    message: { en: /^1 placeholder left: `\{\{workload\}\}`\.$/, zh: /^还剩 1 处占位符：`\{\{workload\}\}`。$/ },
  },
  'no-unresolved-markers': {
    en: (t) => edit(t, '- Does it apply to transactional batches with aborted records?', '$&\n- TODO: check the cleaner checkpoint.'),
    zh: (t) => edit(t, '- 事务消息中含已中止记录的批次是否适用？', '$&\n- 【待确认：cleaner checkpoint 是否受影响】'),
    message: { en: /still with (TODO|【待确认】)\.$/, zh: /^仍有 1 行带有(?: TODO|【待确认】)。$/ },
  },
  'summary-complete': {
    en: (t) => edit(t, 'cleaner CPU down 30% on topics where most batches survive', 'less cleaner CPU'),
    zh: (t) => edit(t, 'Cleaner CPU 降低 30%', 'Cleaner CPU 明显降低'),
    message: { en: /^The summary lacks a number in the benefit/, zh: /^摘要缺少：\*\*收益\*\*里的量化数字（带单位或 %）。$/ },
  },
  'evidence-chain': {
    en: (t) => edit(t, 'async-profiler, CPU mode, 60 s on the cleaner thread', 'sampled the cleaner thread'),
    zh: (t) => edit(t, 'async-profiler，CPU 模式，对 Cleaner 线程采样 60 秒', '对 Cleaner 线程采样'),
    message: { en: /^The motivation lacks a profiling tool\.$/, zh: /^动机部分缺少：profiling 工具。$/ },
  },
  'names-real-code': {
    en: (t) => edit(t, '- Compaction: `Cleaner#cleanSegments` → `Cleaner#cleanInto` → `MemoryRecords#filterTo`.', '- Compaction: the cleaner rebuilds batches.'),
    zh: (t) => edit(t, '- Compaction：`Cleaner#cleanSegments` → `Cleaner#cleanInto` → `MemoryRecords#filterTo`。', '- Compaction：Cleaner 重建批次。'),
    message: { en: /^No `Class#method` in 3\) Current state\.$/, zh: /^“3\) 现状”里没有 `Class#method`。$/ },
  },
  'feature-flag': {
    en: (t) => edit(edit(t, /featureFlag:\n.*\n.*\n/, ''), 'Default off (`log.cleaner.copy.unchanged.batches.enable`, default `false`). ', ''),
    zh: (t) => edit(edit(t, /featureFlag:\n.*\n.*\n/, ''), '默认关闭（`log.cleaner.copy.unchanged.batches.enable`，默认 `false`）。', ''),
    message: { en: /^No feature flag/, zh: /^没有开关：/ },
  },
  compatibility: {
    en: (t) => edit(t, 'No protocol change and no on-disk format change: copied batches are byte-identical.', 'Nothing else changes.'),
    zh: (t) => edit(t, '不改协议，不改磁盘格式：复制的批次逐字节相同。', '其他不变。'),
    message: { en: /does not say whether the protocol or the on-disk format changes/, zh: /^兼容性部分没有说明协议或磁盘格式是否改变。$/ },
  },
  'failure-modes': {
    en: (t) => edit(t, '- Corruption: a CRC mismatch on a copied batch stops cleaning of that partition, as today.\n', ''),
    zh: (t) => edit(t, '- 数据损坏：复制批次 CRC 校验失败时停止该分区的清理。\n', ''),
    message: { en: /^The failure modes do not cover corruption or checksum failure\.$/, zh: /^失败模式没有覆盖：数据损坏\/校验失败。$/ },
  },
  'kip-when-required': {
    en: (t) => edit(t, /- \[KIP index\].*\n/, ''),
    zh: (t) => edit(t, /- \[KIP 索引\].*\n/, ''),
    message: { en: /^Declares a user-visible change but links no KIP under references\.$/, zh: /^声明了用户可见行为改动，但参考里没有链接 KIP。$/ },
  },
  'performance-validation': {
    en: (t) => edit(t, '- Every key updated (no batch unchanged)\n', ''),
    zh: (t) => edit(t, '- 每个 key 都更新（没有不变的批次）\n', ''),
    message: { en: /at least three scenarios \(found 2\)/, zh: /至少三个场景（目前 2 个）/ },
  },
  'dod-verdict': {
    // Under Discussion, the fixtures owe no results; once Accepted, they lack a results table.
    en: (t) => edit(t, 'status: Under Discussion', 'status: Accepted'),
    zh: (t) => edit(t, 'status: Under Discussion', 'status: Accepted'),
    message: { en: /^Accepted, but .*no results table/, zh: /^状态为“已接受”，但.*没有结果表/ },
  },
  'test-strategy': {
    en: (t) => edit(t, '- Fault injection: kill the broker during cleaning.\n', ''),
    zh: (t) => edit(t, '- 故障注入：清理过程中 kill broker。\n', ''),
    message: { en: /^The test strategy lacks a fault-injection case\.$/, zh: /^测试策略缺少：故障注入用例。$/ },
  },
  'release-rollback': {
    en: (t) => edit(t, '- Rollback: turn the flag off.\n', ''),
    zh: (t) => edit(t, '- 回滚：关配置即回退。\n', ''),
    message: { en: /lacks how to roll back/, zh: /^发布\/回滚缺少：回滚方式。$/ },
  },
  'references-clickable': {
    en: (t) => edit(t, /- \[KIP index\]\((.*)\)\n- \[Cleaner.java\]\((.*)\)/, '- KIP index: `$1`\n- Cleaner.java'),
    zh: (t) => edit(t, /- \[KIP 索引\]\((.*)\)\n- \[Cleaner.java\]\((.*)\)/, '- KIP 索引：`$1`\n- Cleaner.java'),
    message: { en: /^No clickable link under references\.$/, zh: /^参考里没有可点的链接。$/ },
  },
  'changelog-dated': {
    en: (t) => edit(t, '- 2026-03-02: first draft', '- first draft'),
    zh: (t) => edit(t, '- 2026-03-02：初稿', '- 初稿'),
    message: { en: /^No dated entry in the change log\.$/, zh: /^变更日志里没有带日期的条目。$/ },
  },
};

describe('completeness rules', () => {
  it('has one test case for every rule, and rules with unique ids', () => {
    expect(Object.keys(BREAKS).sort()).toEqual(RULES.map((r) => r.id).sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`scores the fully filled ${lang} fixture 100, Complete`, () => {
      const result = assess(FIXTURES[lang]);
      expect(result.checks.filter((c) => !c.passed)).toEqual([]);
      expect(result).toMatchObject({ score: 100, level: 'complete' });
    });

    for (const rule of RULES) {
      it(`${rule.id}: passes the ${lang} fixture and fails it once broken, alone`, () => {
        expect(check(FIXTURES[lang], rule.id).passed).toBe(true);
        const broken = assess(BREAKS[rule.id]![lang](FIXTURES[lang]));
        const failed = broken.checks.filter((c) => !c.passed);
        expect(failed.map((c) => c.id)).toEqual([rule.id]);
        expect(withoutQuoteMarks(failed[0]!.message.en)).toMatch(BREAKS[rule.id]!.message.en);
        expect(withoutQuoteMarks(failed[0]!.message.zh)).toMatch(BREAKS[rule.id]!.message.zh);
        expect(failed[0]!.line).toBeGreaterThan(0);
        expect(broken.score).toBe(Math.floor((100 * (RULES.reduce((s, r) => s + r.weight, 0) - rule.weight)) / RULES.reduce((s, r) => s + r.weight, 0)));
      });
    }
  }

  it('asks for a migration path only when the on-disk format changes', () => {
    const onDisk = edit(FIXTURES.en, 'onDiskFormat: false', 'onDiskFormat: true');
    expect(check(onDisk, 'release-rollback')).toMatchObject({
      passed: false,
      message: { en: expect.stringContaining('a migration or downgrade path'), zh: expect.stringContaining('迁移或降级路径') },
    });
    expect(check(edit(onDisk, '- Rollback: turn the flag off.', '- Rollback: turn the flag off; to downgrade, run the cleaner with the flag off first.'), 'release-rollback').passed).toBe(true);
  });

  it('points a failure at its line in the file', () => {
    const text = edit(FIXTURES.en, 'JDK 21', 'JDK {{version}}');
    const line = text.split('\n').findIndex((l) => l.includes('{{version}}')) + 1;
    expect(line).toBeGreaterThan(20);
    expect(check(text, 'no-placeholders').line).toBe(line);
  });
});

describe('the seed template, verbatim', () => {
  const result = assess(SEED_TEMPLATE);

  it('scores below 25, as a Skeleton', () => {
    expect(result.score).toBeLessThan(25);
    expect(result.level).toBe('skeleton');
  });

  it('lists its placeholders', () => {
    const placeholders = result.checks.find((c) => c.id === 'no-placeholders')!;
    expect(placeholders.passed).toBe(false);
    expect(withoutQuoteMarks(placeholders.message.en)).toMatch(/^\d+ placeholders left: `\{\{pain\}\}`, `\{\{approach\}\}`, `\{\{metrics\}\}`/);
    expect(withoutQuoteMarks(placeholders.message.zh)).toMatch(/^还剩 \d+ 处占位符：`\{\{pain\}\}`、`\{\{approach\}\}`、`\{\{metrics\}\}`、.* 等。$/);
  });

  it('flags its open 【待确认】 markers and the template’s notes', () => {
    expect(result.checks.find((c) => c.id === 'no-unresolved-markers')).toMatchObject({
      passed: false,
      message: { en: expect.stringMatching(/【待确认】.*【补】|【补】.*【待确认】/), zh: expect.stringMatching(/^仍有 \d+ 行带有(【待确认】、【补】|【补】、【待确认】)/) },
    });
  });

  it('has every section, so only the content rules fail', () => {
    expect(result.checks.find((c) => c.id === 'sections-present')!.passed).toBe(true);
  });
});

describe('levels', () => {
  it('names each score range', () => {
    expect([100, 99, 80, 79, 50, 49, 0].map((s) => levelFor(s).id)).toEqual(['complete', 'ready', 'ready', 'in-progress', 'in-progress', 'skeleton', 'skeleton']);
  });
});

describe('the rules in both interface languages', () => {
  const HAN = /\p{Script=Han}/u;
  /** ASCII punctuation against a Chinese character, outside code spans: "收益:" or "，" written as ",". */
  const ASCII_PUNCTUATION_BY_HAN = /\p{Script=Han}[,.;:!?()]|[,;:!?(]\p{Script=Han}/u;
  const withoutCode = (text: string) => text.replace(/(`+).*?\1/g, '');

  function expectChinese(text: { zh: string; en: string }, what: string) {
    expect(text.zh.trim(), `${what}: no Chinese text`).not.toBe('');
    expect(text.zh, `${what}: the Chinese text has no Chinese in it`).toMatch(HAN);
    expect(text.zh, `${what}: the Chinese text is the English one`).not.toBe(text.en);
    expect(withoutCode(text.zh), `${what}: ASCII punctuation in Chinese`).not.toMatch(ASCII_PUNCTUATION_BY_HAN);
    // A sentence ends with "。", unless both languages end with the same quoted text of the author's.
    if (text.en.endsWith('.') && !text.zh.endsWith(text.en.slice(-12))) expect(text.zh, `${what}: a Chinese sentence ends with “。”`).toMatch(/。$/);
  }

  for (const rule of RULES) {
    it(`${rule.id}: has its title, why and fix in Chinese as well as English`, () => {
      for (const field of ['title', 'why', 'fix'] as const) {
        expect(rule[field].en.trim(), `${rule.id}.${field}.en`).not.toBe('');
        expectChinese(rule[field], `${rule.id}.${field}`);
      }
    });
  }

  /** Every check the fixtures produce: the complete ones, each broken one, the seed template, a variant and an empty body. */
  const produced: CompletenessCheck[] = [
    ...(['en', 'zh'] as const).flatMap((lang) => [
      ...assess(FIXTURES[lang]).checks,
      ...RULES.flatMap((rule) => assess(BREAKS[rule.id]![lang](FIXTURES[lang])).checks),
    ]),
    ...assess(SEED_TEMPLATE).checks,
    ...assess(FIXTURES.en.replace('onDiskFormat: false', 'onDiskFormat: true')).checks,
    ...assessSource({ body: '', bodyStartLine: 1 }).checks,
  ];

  it('produces, from the fixtures, a passing and a failing check for every rule', () => {
    for (const rule of RULES) {
      expect(produced.some((c) => c.id === rule.id && c.passed), `${rule.id} passes`).toBe(true);
      expect(produced.some((c) => c.id === rule.id && !c.passed), `${rule.id} fails`).toBe(true);
    }
  });

  it('words every message the fixtures produce in Chinese as well as English', () => {
    const messages = new Map(produced.map((c) => [`${c.id} ${c.message.en}`, c]));
    expect(messages.size).toBeGreaterThan(2 * RULES.length);
    for (const [key, c] of messages) {
      expect(c.message.en.trim(), key).not.toBe('');
      expectChinese(c.message, key);
    }
  });

  it('keeps each message a plain object of two strings, as JSON and worker threads carry it', () => {
    for (const c of produced) {
      expect(Object.getPrototypeOf(c.message)).toBe(Object.prototype);
      expect(Object.keys(c.message).sort()).toEqual(['en', 'zh']);
      expect(Object.values(c.message).every((v) => typeof v === 'string')).toBe(true);
      expect(JSON.parse(JSON.stringify(c))).toEqual(c);
      expect(structuredClone(c)).toEqual(c);
    }
  });

  it('lists several findings as each language writes a list', () => {
    const evidence = assessSource({ body: '## 2) 动机 / 问题陈述（可复现）\n\n- 场景：很多小消息。\n', bodyStartLine: 1 }).checks.find((c) => c.id === 'evidence-chain')!;
    expect(evidence.message).toEqual({
      zh: '动机部分缺少：profiling 工具、带数值的实测指标和根因假设。',
      en: 'The motivation lacks a profiling tool, a measured metric with its value, a root-cause hypothesis.',
    });
    const phrases = [
      { zh: '甲', en: 'a' },
      { zh: '乙', en: 'b' },
    ];
    expect(joinPhrases(phrases)).toEqual({ zh: '甲和乙', en: 'a, b' });
    expect(joinPhrases(phrases, { zh: '；', en: '; ' })).toEqual({ zh: '甲；乙', en: 'a; b' });
  });
});
