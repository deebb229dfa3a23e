/**
 * Incremental builds (experimental.incrementalBuild, src/lib/page-cache-keys.ts): a rebuild copies
 * a page from the last build only when nothing it shows has changed. Built for real, five
 * times, in a copy of the site over three proposals: two of one component (each page lists the
 * other) and one of another.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSiteCopy } from '../../scripts/bench/scratch-sites.ts';
import { proposalSource } from '../helpers/proposal-source.ts';

const PROJECT = resolve('.');
const SITE = join(PROJECT, '.e2e-sites', 'incremental');
const PROPOSALS = join(SITE, 'src', 'content', 'proposals');

const FILES = {
  first: { fileName: '2026-03-02-cleaner-first.md', fields: { title: 'Cleaner: the first proposal', component: 'compaction' } },
  second: { fileName: '2026-03-03-cleaner-second.md', fields: { title: 'Cleaner: the second proposal', component: 'compaction' } },
  other: { fileName: '2026-03-04-network-other.md', fields: { title: 'Network: another component', component: 'network' } },
};
const id = (fileName: string) => fileName.replace(/\.md$/, '');
/** The proposal pages of a proposal, in every language, as the build log names them. */
const pagesOf = (fileName: string) => [`/proposals/${id(fileName)}/index.html`, `/en/proposals/${id(fileName)}/index.html`];
/** Pages that show the catalogue (src/data/proposals.ts withCatalogue), one of each kind. */
const LISTS = ['/index.html', '/proposals/index.html', '/en/proposals/table/index.html', '/components/compaction/index.html', '/status/draft/index.html', '/proposals/dod/none/index.html', '/feeds/all.xml'];
/** A proposal's API document, which shows that proposal alone. */
const documentOf = (fileName: string) => `/api/v1/proposals/${id(fileName)}.json`;

/** `npm run build`, and the pages it copied from the last build instead of rendering them. */
function build(): Set<string> {
  const result = spawnSync('npm', ['run', 'build'], { cwd: SITE, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, timeout: 180_000 });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return new Set([...result.stdout.matchAll(/├─ (\S+) \((?:restored|cached)\)/g)].map((m) => m[1]!));
}
const html = (page: string) => readFileSync(join(SITE, 'dist', page), 'utf8');

test.describe('a rebuild', () => {
  test.describe.configure({ mode: 'serial', timeout: 300_000 });

  test('renders again exactly the pages that show what changed', () => {
    createSiteCopy(PROJECT, SITE, Object.values(FILES).map(({ fileName, fields }) => ({ fileName, text: proposalSource(fields) })));
    const first = build();
    expect([...first]).toEqual([]);

    // Nothing changed: every proposal page is copied.
    const unchanged = build();
    for (const { fileName } of Object.values(FILES)) for (const page of [...pagesOf(fileName), documentOf(fileName)]) expect(unchanged).toContain(page);
    for (const page of LISTS) expect(unchanged).toContain(page);

    // The second proposal's title: its page and the first's (which lists it) are rendered again;
    // the other component's page is copied.
    writeFileSync(join(PROPOSALS, FILES.second.fileName), proposalSource({ ...FILES.second.fields, title: 'Cleaner: the second, renamed' }));
    const renamed = build();
    for (const page of [...pagesOf(FILES.first.fileName), ...pagesOf(FILES.second.fileName)]) {
      expect(renamed).not.toContain(page);
      expect(html(page)).toContain('Cleaner: the second, renamed');
    }
    for (const page of pagesOf(FILES.other.fileName)) expect(renamed).toContain(page);
    // Every list shows the new title.
    for (const page of LISTS) {
      expect(renamed).not.toContain(page);
      expect(html(page).includes('Cleaner: the second, renamed'), page).toBe(true);
    }
    // The API documents: the renamed proposal's is made again, the first's does not list it.
    expect(renamed).not.toContain(documentOf(FILES.second.fileName));
    expect(JSON.parse(html(documentOf(FILES.second.fileName))).proposal.title).toBe('Cleaner: the second, renamed');
    expect(renamed).toContain(documentOf(FILES.first.fileName));

    // The other proposal's body alone: its page shows the new text; the others are copied.
    writeFileSync(join(PROPOSALS, FILES.other.fileName), proposalSource(FILES.other.fields, '## 1) Summary (three things only)\n- **Problem**: A sentence that only this build has.\n'));
    const edited = build();
    for (const page of pagesOf(FILES.other.fileName)) {
      expect(edited).not.toContain(page);
      expect(html(page)).toContain('A sentence that only this build has.');
    }
    for (const page of [...pagesOf(FILES.first.fileName), ...pagesOf(FILES.second.fileName)]) expect(edited).toContain(page);
    // Its one-line problem is on its cards, so every list is rendered again, and the cards show it.
    for (const page of LISTS) expect(edited).not.toContain(page);
    for (const page of ['/proposals/index.html', '/en/status/draft/index.html']) expect(html(page).includes('A sentence that only this build has.'), page).toBe(true);

    // A paragraph added at the end of a body changes no card: its pages alone are rendered again,
    // and every list is copied.
    appendFileSync(join(PROPOSALS, FILES.other.fileName), '\nA closing paragraph that no list shows.\n');
    const appended = build();
    for (const page of pagesOf(FILES.other.fileName)) {
      expect(appended).not.toContain(page);
      expect(html(page)).toContain('A closing paragraph that no list shows.');
    }
    for (const page of [...LISTS, documentOf(FILES.other.fileName)]) expect(appended).toContain(page);
  });
});
