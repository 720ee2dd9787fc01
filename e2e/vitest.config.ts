import { defineConfig } from 'vitest/config';

/** Browser journeys: one server on a fresh embedded database, real Chromium driven by playwright-core. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/server.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // One retry: a journey that fails twice is a failure; one that passes on retry prints why it stalled first.
    retry: 1,
    pool: 'forks',
  },
});
