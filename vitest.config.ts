import { defineConfig } from 'vitest/config';

// Unit tests cover the plain TypeScript modules in src/lib and the scripts; the site itself is
// tested end to end by Playwright (tests/e2e) against the built output.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
  },
});
