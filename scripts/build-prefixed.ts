/**
 * npm run build:prefixed: builds the site as it would be published under a base path
 * (tests/e2e/prefixed-site.ts: https://example.test/kafka-proposals/) into dist-prefixed/, search
 * index included, for the end-to-end tests that serve it under that prefix. It is `npm run build`
 * with three settings, written here rather than in package.json so it runs in any shell.
 */
import { spawnSync } from 'node:child_process';
import { PREFIXED_SITE } from '../tests/e2e/prefixed-site.ts';

const npm = process.env.npm_execpath;
const { status, error } = npm
  ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit', env: { ...process.env, ...PREFIXED_SITE } })
  : spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, ...PREFIXED_SITE }, shell: process.platform === 'win32' });
if (error) console.error(`npm run build:prefixed: ${error.message}`);
process.exit(status ?? 1);
