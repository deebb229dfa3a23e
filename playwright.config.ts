import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import { PREFIXED_HOME, PREFIXED_PORT, PREFIXED_SITE } from './tests/e2e/prefixed-site.ts';

/**
 * End-to-end tests against the built site (`npm run build` first; `npm test` does both), served by
 * `astro preview`, and against the same site built under a base path (`npm run build:prefixed`,
 * dist-prefixed/), served under that prefix, for tests/e2e/deploy.spec.ts. Playwright cannot
 * download browsers here, so it drives Debian's Chromium.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium}. The end-to-end tests need one:\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome npm test`,
  );
}
if (!existsSync('dist/index.html')) {
  throw new Error('No built site in dist/. Run `npm run build` first (`npm test` builds before it runs these tests).');
}
if (!existsSync(`${PREFIXED_SITE.OUT_DIR}/index.html`)) {
  throw new Error(`No site built under a base path in ${PREFIXED_SITE.OUT_DIR}/. Run \`npm run build:prefixed\` first (\`npm test\` builds both).`);
}

const PORT = Number(process.env.E2E_PORT ?? 4399);

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromium,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: 'deploy.spec.ts',
      use: browser,
    },
    {
      // The site as a project page publishes it: every URL under /kafka-proposals/.
      name: 'under-base-path',
      testMatch: 'deploy.spec.ts',
      use: { ...browser, baseURL: PREFIXED_HOME },
    },
  ],
  webServer: [
    {
      // --ignore-lock: run beside any preview a developer already has open (Astro 7 allows one per project otherwise).
      command: `npm run preview -- --port ${PORT} --host 127.0.0.1 --ignore-lock`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 60_000,
    },
    {
      // astro preview reads the same settings as the build: it serves OUT_DIR under BASE_PATH, and nothing outside it.
      command: `npm run preview -- --port ${PREFIXED_PORT} --host 127.0.0.1 --ignore-lock`,
      env: { ...PREFIXED_SITE },
      url: PREFIXED_HOME,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 60_000,
    },
  ],
});
