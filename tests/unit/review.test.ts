import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { markdownToHtml as gfmToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { annotationsOf, escapeData, escapeProperty, githubOutput, workflowCommand, type Annotation } from '../../src/lib/review/annotations.ts';
import { compareWithBase, parseNameStatus, reviewAll, type ReviewedFile } from '../../src/lib/review/compare.ts';
import type { ReviewEntry } from '../../src/lib/review/entry.ts';
import { githubInline, githubText } from '../../src/lib/review/github-markdown.ts';
import { MAX_SUMMARY_CHARS, REVIEW_COMMENT_MARKER, reviewSummary } from '../../src/lib/review/summary.ts';

const DIR = 'src/content/proposals';

/** An entry as the check builds one, with only what a test names. */
function entry(id: string, score: number, { met = [], notMet = [], errors = [], dod }: { met?: string[]; notMet?: { id?: string; line?: number; weight?: number; message?: string }[]; errors?: { id: string; line: number; message: string }[]; dod?: ReviewEntry['dod'] } = {}): ReviewEntry {
  const file = `${DIR}/${id}.md`;
  return {
    file,
    id,
    errors: errors.map((e) => ({ file, line: e.line, field: e.id.replace(/^frontmatter\./, ''), id: e.id, message: { zh: `中文：${e.message}`, en: e.message } })),
    completeness: {
      score,
      level: score >= 100 ? 'complete' : score >= 80 ? 'ready' : score >= 50 ? 'in-progress' : 'skeleton',
      met,
      notMet: notMet.map((r, i) => ({ id: r.id ?? `rule-${i}`, line: r.line ?? 1, weight: r.weight ?? 4, message: { zh: `未满足：${r.id}`, en: r.message ?? `not met: ${r.id}` } })),
    },
    dod: dod ?? { verdict: 'none', met: 0, total: 0 },
  };
}

/** The summary rendered as GitHub renders a comment (GFM), parsed back into elements. */
function rendered(markdown: string): HastRoot {
  return fromHtml(gfmToHtml(markdown, { features: { gfm: true, rawHtml: true } }).html, { fragment: true });
}

function elements(tree: HastRoot | Element, tagName: string): Element[] {
  const found: Element[] = [];
  const visit = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === tagName) found.push(child);
      visit(child);
    }
  };
  visit(tree);
  return found;
}

function textOf(node: Element | HastRoot): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}

describe('workflow commands', () => {
  it('escapes a message as @actions/core does: %, CR and LF', () => {
    expect(escapeData('100% done\r\nnext line')).toBe('100%25 done%0D%0Anext line');
    // `:` and `,` only end a property, not the message.
    expect(escapeData('a: b, c')).toBe('a: b, c');
  });

  it('escapes a property also for : and , which would end it', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('writes file, line and title as properties, and the message after ::', () => {
    const command = workflowCommand({ level: 'error', file: 'dir/a,b:c.md', line: 7, title: 'frontmatter.status', message: 'found "x"; expected: y\nz' });
    expect(command).toBe('::error file=dir/a%2Cb%3Ac.md,line=7,title=frontmatter.status::found "x"; expected: y%0Az');
  });
});

describe('annotations', () => {
  const entries = [
    entry('b-proposal', 60, { notMet: [{ id: 'light', weight: 4, line: 30 }, { id: 'heavy', weight: 10, line: 40 }], errors: [{ id: 'frontmatter.status', line: 5, message: 'bad status' }] }),
    entry('a-proposal', 70, { notMet: [{ id: 'medium', weight: 6, line: 12 }], errors: [{ id: 'content.html', line: 20, message: 'raw HTML' }] }),
  ];

  it('puts errors first in file order, then rules not met by the share of the score they cost', () => {
    const annotations = annotationsOf(entries, 'en');
    expect(annotations.map((a) => `${a.level} ${a.title}`)).toEqual(['error content.html', 'error frontmatter.status', 'warning heavy', 'warning medium', 'warning light']);
    expect(annotations[0]).toEqual({ level: 'error', file: `${DIR}/a-proposal.md`, line: 20, title: 'content.html', message: 'raw HTML' });
  });

  it('speaks the language asked for', () => {
    expect(annotationsOf(entries, 'zh')[0]!.message).toBe('中文：raw HTML');
  });

  it('adds an error for a score below --min-score, on line 1', () => {
    const below: ReviewEntry = { ...entry('c', 40), belowMinScore: 80 };
    expect(annotationsOf([below], 'en')).toContainEqual({ level: 'error', file: `${DIR}/c.md`, line: 1, title: 'policy', message: 'completeness 40 is below --min-score 80 for a proposal past Draft' });
  });

  it('annotates at most 10 of each level, prints the rest as lines, and says how many in the last line', () => {
    const many = Array.from({ length: 13 }, (_, i) => entry(`p-${String(i).padStart(2, '0')}`, 50, { notMet: [{ id: 'r', line: 3 }, { id: 's', line: 4 }], errors: [{ id: 'file', line: 1, message: 'bad' }] }));
    const lines = githubOutput(annotationsOf(many, 'en'), 'en');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(10);
    const plain = lines.filter((l) => !l.startsWith('::'));
    expect(plain).toHaveLength(3 + 16);
    expect(plain[0]).toBe(`${DIR}/p-10.md:1 file bad`);
    expect(lines.at(-1)).toBe(
      '::notice title=Findings not annotated::GitHub shows 10 annotations of each kind per step: 3 more errors and 16 more warnings are listed above as lines, and in the step summary.',
    );
  });

  it('prints nothing more when everything fits', () => {
    const lines = githubOutput(annotationsOf(entries, 'en'), 'en');
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.startsWith('::error ') || l.startsWith('::warning '))).toBe(true);
  });

  it('keeps a line break in a message past the cap from starting a command', () => {
    const annotations: Annotation[] = [
      { level: 'error', file: 'a.md', line: 1, title: 'x', message: 'one' },
      { level: 'error', file: 'a.md', line: 2, title: 'x', message: 'two\n::error::forged' },
    ];
    const lines = githubOutput(annotations, 'en', 1);
    expect(lines[1]).toBe('a.md:2 x two ::error::forged');
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(1);
  });
});

describe('changes from the base', () => {
  it('reads git diff --name-status -z: added, modified, deleted, renamed, copied, type change', () => {
    const output = ['A', 'p/new.md', 'M', 'p/changed.md', 'D', 'p/gone.md', 'R087', 'p/old-name.md', 'p/new-name.md', 'C100', 'p/src.md', 'p/copy.md', 'T', 'p/type.md', ''].join('\0');
    expect(parseNameStatus(output)).toEqual([
      { status: 'added', path: 'p/new.md' },
      { status: 'changed', path: 'p/changed.md' },
      { status: 'deleted', path: 'p/gone.md' },
      { status: 'renamed', path: 'p/new-name.md', basePath: 'p/old-name.md' },
      { status: 'added', path: 'p/copy.md' },
      { status: 'changed', path: 'p/type.md' },
    ]);
    expect(parseNameStatus('')).toEqual([]);
  });

  it('refuses output it does not know instead of reading it as no change', () => {
    expect(() => parseNameStatus('X\0p/a.md\0')).toThrow(/unknown status "X"/);
    expect(() => parseNameStatus('R100\0p/a.md\0')).toThrow(/without its new path/);
  });

  it('pairs each change with both sides, and the score change with the rules newly met and newly failing', () => {
    const head = new Map([
      [`${DIR}/changed.md`, entry('changed', 84, { met: ['a', 'b', 'd'] })],
      [`${DIR}/new.md`, entry('new', 40, { met: ['a'] })],
      [`${DIR}/renamed-now.md`, entry('renamed-now', 70, { met: ['a'] })],
    ]);
    const base = new Map([
      [`${DIR}/changed.md`, entry('changed', 61, { met: ['a', 'c'] })],
      [`${DIR}/gone.md`, entry('gone', 55)],
      [`${DIR}/renamed-before.md`, entry('renamed-before', 70, { met: ['a'] })],
    ]);
    const reviewed = compareWithBase(
      [
        { status: 'changed', path: `${DIR}/changed.md` },
        { status: 'added', path: `${DIR}/new.md` },
        { status: 'deleted', path: `${DIR}/gone.md` },
        { status: 'renamed', path: `${DIR}/renamed-now.md`, basePath: `${DIR}/renamed-before.md` },
      ],
      head,
      base,
    );
    const byFile = new Map(reviewed.map((r) => [r.file.split('/').pop(), r]));
    expect(byFile.get('changed.md')!.score).toEqual({ from: 61, to: 84, newlyMet: ['b', 'd'], newlyFailing: ['c'] });
    expect(byFile.get('new.md')).toMatchObject({ change: 'added', head: { id: 'new' } });
    expect(byFile.get('new.md')!.base).toBeUndefined();
    expect(byFile.get('new.md')!.score).toBeUndefined();
    expect(byFile.get('gone.md')).toMatchObject({ change: 'deleted', base: { id: 'gone' } });
    expect(byFile.get('gone.md')!.head).toBeUndefined();
    expect(byFile.get('renamed-now.md')).toMatchObject({ change: 'renamed', baseFile: `${DIR}/renamed-before.md`, score: { from: 70, to: 70, newlyMet: [], newlyFailing: [] } });
    expect(reviewed.map((r) => r.file)).toEqual([...reviewed.map((r) => r.file)].sort());
  });
});

describe('GitHub Markdown', () => {
  it('keeps an author’s text as text: no link, image, HTML or mention', () => {
    const { html } = gfmToHtml(githubText('see [x](https://evil.example) ![i](https://evil.example/i.png) <img src=x onerror=alert(1)> @octocat | www.evil.example'), {
      features: { gfm: true, rawHtml: true },
    });
    expect(html).not.toMatch(/<a |<img/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toMatch(/@\u200Boctocat/);
  });

  it('keeps code spans and emphasis of a finding, and drops link targets', () => {
    expect(githubInline('Section `## 5` is **missing**; see [the rules](javascript:alert(1))')).toBe('Section `## 5` is **missing**; see the rules');
  });
});

describe('the summary', () => {
  const files: ReviewedFile[] = compareWithBase(
    [
      { status: 'changed', path: `${DIR}/changed.md` },
      { status: 'added', path: `${DIR}/new.md` },
      { status: 'deleted', path: `${DIR}/gone.md` },
    ],
    new Map([
      [`${DIR}/changed.md`, entry('changed', 84, { met: ['a', 'b'], notMet: [{ id: 'test-strategy', line: 88, message: 'Quote: `@octocat [x](http://e.example)` and <b>bold</b>' }], dod: { verdict: 'met', met: 5, total: 6 } })],
      [`${DIR}/new.md`, entry('new', 30, { errors: [{ id: 'frontmatter.status', line: 5, message: 'found "Drafted"; expected one of: Draft' }] })],
    ]),
    new Map([
      [`${DIR}/changed.md`, entry('changed', 61, { met: ['a', 'test-strategy'] })],
      [`${DIR}/gone.md`, entry('gone', 55)],
    ]),
  );
  const markdown = reviewSummary(files, { locale: 'en', base: { ref: 'origin/main', commit: '0123456789abcdef0123' } });
  const tree = rendered(markdown);

  it('starts with the marker the comment workflow finds it by, and says what it was compared with', () => {
    expect(markdown.startsWith(`${REVIEW_COMMENT_MARKER}\n## Proposal review\n`)).toBe(true);
    expect(markdown).toContain('Compared with `origin/main` (merge base `0123456789ab`)');
    expect(markdown).toContain('Proposal files: 1 changed, 1 new, 0 renamed, 1 deleted.');
    expect(markdown).toContain('❌ 1 file has errors, and the build stops on them.');
  });

  it('has one table row per file with its change, score, level, DoD and counts', () => {
    const rows = elements(tree, 'tr').map((tr) => [...elements(tr, 'th'), ...elements(tr, 'td')].map(textOf));
    expect(rows).toEqual([
      ['File', 'Change', 'Score', 'Level', 'DoD', 'Rules not met', 'Errors'],
      [`${DIR}/changed.md`, 'changed', '61 → 84 (+23)', 'Ready for review', 'Met 5/6', '1', '0'],
      [`${DIR}/gone.md`, 'deleted', 'was 55', 'In progress', '—', '—', '—'],
      [`${DIR}/new.md`, 'new', '30', 'Skeleton', 'None', '0', '1'],
    ]);
  });

  it('lists for each file the rules newly met and failing, its errors and the rules not met with their lines', () => {
    const text = textOf(tree);
    expect(text).toContain('Newly met: b');
    expect(text).toContain('Newly failing: test-strategy');
    expect(text).toContain('line 88 test-strategy: Quote: @octocat [x](http://e.example) and <b>bold</b>');
    expect(text).toContain('line 5 frontmatter.status: found "Drafted"; expected one of: Draft');
    expect(text).toContain('Deleted; it scored 55 in the base.');
    // What the author wrote stays text: no link or element of theirs in what GitHub renders.
    expect(elements(tree, 'a')).toEqual([]);
    expect(elements(tree, 'b')).toEqual([]);
  });

  it('is written in the language asked for', () => {
    const zh = reviewSummary(files, { locale: 'zh', base: { ref: 'origin/main', commit: '0123456789abcdef' } });
    expect(zh).toContain('## 提案评审');
    expect(zh).toContain('| 文件 | 变更 | 得分 | 级别 | DoD | 未满足的规则 | 错误 |');
  });

  it('without a base, reports every proposal as it is, without a change column', () => {
    const all = reviewSummary(reviewAll([entry('x', 100, { met: ['a'] })]), { locale: 'en' });
    expect(all).toContain('no base branch was given');
    const rows = elements(rendered(all), 'tr').map((tr) => [...elements(tr, 'th'), ...elements(tr, 'td')].map(textOf));
    expect(rows).toEqual([
      ['File', 'Score', 'Level', 'DoD', 'Rules not met', 'Errors'],
      [`${DIR}/x.md`, '100', 'Complete', 'None', '0', '0'],
    ]);
  });

  it('stays within GitHub’s comment limit, and says how many files it left out', () => {
    const many = reviewAll(Array.from({ length: 3_000 }, (_, i) => entry(`p-${i}`, 40, { notMet: [{ id: 'r', message: 'x'.repeat(200) }] })));
    const long = reviewSummary(many, { locale: 'en' });
    expect(long.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    const hidden = Number(/(\d+) more files are not shown/.exec(long)?.[1]);
    expect(hidden).toBeGreaterThan(0);
    const shown = elements(rendered(long), 'tr').length - 1;
    expect(shown + hidden).toBeGreaterThanOrEqual(3_000);
  });

  it('says so when no proposal changed', () => {
    expect(reviewSummary([], { locale: 'en', base: { ref: 'main', commit: 'abc' } })).toContain('No proposal file differs from the base.');
  });
});
