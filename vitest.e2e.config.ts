import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/server.ts'],
    // One browser, one server: the files share them, so they run one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
