import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** The readings `npm run check` keeps between runs go here during tests, never into the project's node_modules. */
const cacheDir = join(tmpdir(), 'kafka-proposals-unit-cache');
rmSync(cacheDir, { recursive: true, force: true });

// Unit tests cover the plain TypeScript modules in src/lib and the scripts; the site itself is
// tested end to end by Playwright (tests/e2e) against the built output.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    env: { PROPOSAL_CACHE_DIR: cacheDir },
  },
});
