import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessSource } from '../../src/lib/completeness/assess.ts';
import { levelFor } from '../../src/lib/completeness/levels.ts';
import { RULES } from '../../src/lib/completeness/rules/index.ts';
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

/** For every rule, how to break each language's complete fixture so that exactly that rule fails. */
const BREAKS: Record<string, { en: Break; zh: Break; message: RegExp }> = {
  'sections-present': {
    en: (t) => edit(t, /## 8\) Open questions[\s\S]*?(?=## 9\))/, ''),
    zh: (t) => edit(t, /## 8\) 开放问题[\s\S]*?(?=## 9\))/, ''),
    message: /^Missing section: 8\) Open questions/,
  },
  'sections-filled': {
    en: (t) => edit(t, '- Does it apply to transactional batches with aborted records?', ''),
    zh: (t) => edit(t, '- 事务消息中含已中止记录的批次是否适用？', ''),
    message: /^Only template text in: 8\)/,
  },
  'no-placeholders': {
    en: (t) => edit(t, 'a compacted topic with zstd batches of small records, most keys unique', '{{workload}}'),
    zh: (t) => edit(t, 'zstd 压缩的小消息 compaction 主题，大部分 key 唯一', '{{workload}}'),
    message: /^1 placeholder left: `\{\{workload\}\}`\.$/,
  },
  'no-unresolved-markers': {
    en: (t) => edit(t, '- Does it apply to transactional batches with aborted records?', '$&\n- TODO: check the cleaner checkpoint.'),
    zh: (t) => edit(t, '- 事务消息中含已中止记录的批次是否适用？', '$&\n- 【待确认：cleaner checkpoint 是否受影响】'),
    message: /still with (TODO|【待确认】)\.$/,
  },
  'summary-complete': {
    en: (t) => edit(t, 'cleaner CPU down 30% on topics where most batches survive', 'less cleaner CPU'),
    zh: (t) => edit(t, 'Cleaner CPU 降低 30%', 'Cleaner CPU 明显降低'),
    message: /^The summary lacks a number in the benefit/,
  },
  'evidence-chain': {
    en: (t) => edit(t, 'async-profiler, CPU mode, 60 s on the cleaner thread', 'sampled the cleaner thread'),
    zh: (t) => edit(t, 'async-profiler，CPU 模式，对 Cleaner 线程采样 60 秒', '对 Cleaner 线程采样'),
    message: /^The motivation lacks a profiling tool\.$/,
  },
  'names-real-code': {
    en: (t) => edit(t, '- Compaction: `Cleaner#cleanSegments` → `Cleaner#cleanInto` → `MemoryRecords#filterTo`.', '- Compaction: the cleaner rebuilds batches.'),
    zh: (t) => edit(t, '- Compaction：`Cleaner#cleanSegments` → `Cleaner#cleanInto` → `MemoryRecords#filterTo`。', '- Compaction：Cleaner 重建批次。'),
    message: /^No `Class#method` in 3\) Current state\.$/,
  },
  'feature-flag': {
    en: (t) => edit(edit(t, /featureFlag:\n.*\n.*\n/, ''), 'Default off (`log.cleaner.copy.unchanged.batches.enable`, default `false`). ', ''),
    zh: (t) => edit(edit(t, /featureFlag:\n.*\n.*\n/, ''), '默认关闭（`log.cleaner.copy.unchanged.batches.enable`，默认 `false`）。', ''),
    message: /^No feature flag/,
  },
  compatibility: {
    en: (t) => edit(t, 'No protocol change and no on-disk format change: copied batches are byte-identical.', 'Nothing else changes.'),
    zh: (t) => edit(t, '不改协议，不改磁盘格式：复制的批次逐字节相同。', '其他不变。'),
    message: /does not say whether the protocol or the on-disk format changes/,
  },
  'failure-modes': {
    en: (t) => edit(t, '- Corruption: a CRC mismatch on a copied batch stops cleaning of that partition, as today.\n', ''),
    zh: (t) => edit(t, '- 数据损坏：复制批次 CRC 校验失败时停止该分区的清理。\n', ''),
    message: /^The failure modes do not cover corruption or checksum failure\.$/,
  },
  'kip-when-required': {
    en: (t) => edit(t, /- \[KIP index\].*\n/, ''),
    zh: (t) => edit(t, /- \[KIP 索引\].*\n/, ''),
    message: /^Declares a user-visible change but links no KIP under references\.$/,
  },
  'performance-validation': {
    en: (t) => edit(t, '- Every key updated (no batch unchanged)\n', ''),
    zh: (t) => edit(t, '- 每个 key 都更新（没有不变的批次）\n', ''),
    message: /at least three scenarios \(found 2\)/,
  },
  'test-strategy': {
    en: (t) => edit(t, '- Fault injection: kill the broker during cleaning.\n', ''),
    zh: (t) => edit(t, '- 故障注入：清理过程中 kill broker。\n', ''),
    message: /^The test strategy lacks a fault-injection case\.$/,
  },
  'release-rollback': {
    en: (t) => edit(t, '- Rollback: turn the flag off.\n', ''),
    zh: (t) => edit(t, '- 回滚：关配置即回退。\n', ''),
    message: /lacks how to roll back/,
  },
  'references-clickable': {
    en: (t) => edit(t, /- \[KIP index\]\((.*)\)\n- \[Cleaner.java\]\((.*)\)/, '- KIP index: `$1`\n- Cleaner.java'),
    zh: (t) => edit(t, /- \[KIP 索引\]\((.*)\)\n- \[Cleaner.java\]\((.*)\)/, '- KIP 索引：`$1`\n- Cleaner.java'),
    message: /^No clickable link under references\.$/,
  },
  'changelog-dated': {
    en: (t) => edit(t, '- 2026-03-02: first draft', '- first draft'),
    zh: (t) => edit(t, '- 2026-03-02：初稿', '- 初稿'),
    message: /^No dated entry in the change log\.$/,
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
        expect(failed[0]!.message).toMatch(BREAKS[rule.id]!.message);
        expect(failed[0]!.line).toBeGreaterThan(0);
        expect(broken.score).toBe(Math.floor((100 * (RULES.reduce((s, r) => s + r.weight, 0) - rule.weight)) / RULES.reduce((s, r) => s + r.weight, 0)));
      });
    }
  }

  it('asks for a migration path only when the on-disk format changes', () => {
    const onDisk = edit(FIXTURES.en, 'onDiskFormat: false', 'onDiskFormat: true');
    expect(check(onDisk, 'release-rollback')).toMatchObject({ passed: false, message: expect.stringContaining('a migration or downgrade path') });
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
    expect(placeholders.message).toMatch(/^\d+ placeholders left: `\{\{pain\}\}`, `\{\{approach\}\}`, `\{\{metrics\}\}`/);
  });

  it('flags its open 【待确认】 markers and the template’s notes', () => {
    expect(result.checks.find((c) => c.id === 'no-unresolved-markers')).toMatchObject({ passed: false, message: expect.stringMatching(/【待确认】.*【补】|【补】.*【待确认】/) });
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
