import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 60_000, hookTimeout: 180_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        // Browser tests: the renderer is built (when stale) and Chromium found once, before any of them runs.
        test: {
          ...shared,
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
