/**
 * `npm run dev`: a proposal page is served, and a save to its file is served with the change in it.
 * The body comes from the file the loader writes beside Astro's data store
 * (src/markdown/rendered-bodies.ts), so this is the author's loop end to end: the watcher, the
 * loader's sync, the store and the page. Run on a copy of the site over two proposals.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSiteCopy } from '../../scripts/bench/scratch-sites.ts';
import { measureDevSave } from '../../scripts/bench/dev-save.ts';
import { proposalSource } from '../helpers/proposal-source.ts';

const PROJECT = resolve('.');
const SITE = join(PROJECT, '.e2e-sites', 'dev-server');
const FILE = '2026-03-02-cleaner-dev.md';

test('a saved proposal is served again with the change', async () => {
  test.setTimeout(240_000);
  createSiteCopy(PROJECT, SITE, [
    { fileName: FILE, text: proposalSource({ title: 'Cleaner: served by the dev server' }) },
    { fileName: '2026-03-03-network-dev.md', text: proposalSource({ title: 'Network: another one', component: 'network' }) },
  ]);
  const logFile = join(SITE, 'dev.log');
  const result = await measureDevSave({
    root: SITE,
    node: process.execPath,
    astroCli: join(PROJECT, 'node_modules', 'astro', 'bin', 'astro.mjs'),
    page: `/proposals/${FILE.replace(/\.md$/, '')}/`,
    file: join(SITE, 'src', 'content', 'proposals', FILE),
    logFile,
    timeoutMs: 120_000,
  });
  expect(result, readFileSync(logFile, 'utf8')).toMatchObject({ ok: true });
});
