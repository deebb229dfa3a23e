/**
 * The browser checker's verdict (src/lib/checker/check-draft.ts) is the one reader's: for every
 * sample and every fixture of the reader's suites, the score, the rules not met and every error are
 * those the folder reader gives `npm run check` and the build. The end-to-end test compares the page
 * itself with `npm run check -- --json`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDraft, DRAFT_FILE_NAME } from '../../src/lib/checker/check-draft.ts';
import { PROPOSALS_DIR } from '../../src/lib/proposal-files.ts';
import { readProposalFolder } from '../../src/lib/reader/read-folder.ts';
import { ALLOWED_CASES, HOSTILE_PAYLOADS, MALFORMED_FRONTMATTER } from '../fixtures/reader-cases.ts';
import { proposalSource } from '../helpers/proposal-source.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbp-checker-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('checkDraft gives what the folder reader gives', () => {
  it('for every sample proposal', () => {
    const { proposals } = readProposalFolder(PROPOSALS_DIR);
    for (const record of proposals) {
      const check = checkDraft(readFileSync(record.file, 'utf8'), record.file.split('/').pop());
      expect(check.completeness, record.file).toEqual(record.completeness);
      expect(check.failedRules.map((r) => r.id)).toEqual(record.completeness.checks.filter((c) => !c.passed).map((c) => c.id));
      expect(check.frontmatterValid).toBe(true);
    }
  });

  const singleFileCases = [...MALFORMED_FRONTMATTER, ...HOSTILE_PAYLOADS, ...ALLOWED_CASES].filter((c) => c.files.length === 1);
  it.each(singleFileCases.map((c, i) => [c.name, c, i] as const))('for the fixture "%s"', (_, testCase, i) => {
    const { name, text } = testCase.files[0]!;
    const folder = join(scratch, `case-${i}`);
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
    const { proposals, findings } = readProposalFolder(folder, folder);
    const check = checkDraft(text, name);
    if (proposals.length === 0) {
      // Not a proposal file at all (notes.txt): the folder reader never reads it, and neither would a pull request.
      expect(findings.map((f) => f.id)).toEqual(['file']);
      return;
    }
    // The same findings as the file's own, split into the frontmatter's and the rest. (The rules across
    // files, such as a supersededBy that names no proposal, need the catalogue: the checker has one file.)
    const expected = proposals[0]!.errors.map(({ file: _file, ...f }) => f);
    const shown = [...check.frontmatterErrors, ...check.otherErrors].map(({ file: _file, ...f }) => f);
    expect(shown.sort((a, b) => a.line - b.line || a.id.localeCompare(b.id))).toEqual(expected.sort((a, b) => a.line - b.line || a.id.localeCompare(b.id)));
    expect(check.completeness).toEqual(proposals[0]!.completeness);
    expect(check.frontmatterValid).toBe(check.frontmatterErrors.length === 0);
  });
});

describe('checkDraft', () => {
  it('names a draft as npm run new would: the created date and the title’s slug', () => {
    const check = checkDraft(proposalSource({ title: 'Log cleaner: reuse the decompression buffer', created: '2026-03-02' }));
    expect(check.suggestedFileName).toBe('2026-03-02-log-cleaner-reuse-the-decompression-buffer.md');
  });

  it('falls back to today and "proposal" when the draft has neither a date nor an ASCII title', () => {
    expect(checkDraft('# just text\n', DRAFT_FILE_NAME, '2026-11-26').suggestedFileName).toBe('2026-11-26-proposal.md');
    expect(checkDraft(proposalSource({ title: '日志清理', created: '2026-13-45' }), DRAFT_FILE_NAME, '2026-11-26').suggestedFileName).toBe('2026-11-26-proposal.md');
  });

  it('keeps frontmatter errors, with their field, apart from the content policy’s', () => {
    const check = checkDraft(proposalSource({ component: 'nope' }, '## 1) Summary\n<script>alert(1)</script>\n'));
    expect(check.frontmatterValid).toBe(false);
    expect(check.frontmatterErrors.map((e) => e.field)).toEqual(['component']);
    expect(check.otherErrors.map((e) => e.id)).toEqual(['content.html']);
  });

  it('gives every error and rule text in each language, for the page to show in its own', () => {
    const check = checkDraft(proposalSource({ component: 'nope' }, '## 1) Summary\n<script>alert(1)</script>\n'));
    const [component] = check.frontmatterErrors;
    expect(component!.message.en).toMatch(/^found "nope"; expected one of: /);
    expect(component!.message.zh).toMatch(/^实际为 "nope"；应为以下之一：/);
    const [html] = check.otherErrors;
    expect(html!.message.en).toMatch(/^found the HTML element <script>; expected Markdown/);
    expect(html!.message.zh).toMatch(/^实际为 HTML 元素 <script>；应使用 Markdown/);
    for (const rule of check.failedRules) {
      for (const text of [rule.message, rule.title, rule.fix]) expect(Object.keys(text).sort()).toEqual(['en', 'zh']);
    }
    expect(check.level.name).toEqual({ zh: expect.any(String), en: expect.any(String) });
  });

  it('gives each rule not met its title and fix, and says how many passed', () => {
    const check = checkDraft(proposalSource({}, '## 1) Summary\n- **Problem**: p\n'));
    expect(check.failedRules.length).toBeGreaterThan(0);
    for (const rule of check.failedRules) {
      expect(rule.title.en).not.toBe('');
      expect(rule.title.zh).not.toBe('');
      expect(rule.fix.en).not.toBe('');
      expect(rule.fix.zh).not.toBe('');
      expect(rule.line).toBeGreaterThan(0);
    }
    expect(check.passedRules + check.failedRules.length).toBe(check.completeness.checks.length);
    expect(check.level.id).toBe(check.completeness.level);
  });
});
