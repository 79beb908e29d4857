import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/server.ts'],
    // One browser, one server: the files share them, so they run one after another.
    fileParallelism: false,
    // Journeys visit a dozen pages with an axe check on each: ~30 s on 2 cores, more under load.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
