import { defineConfig } from 'vitest/config';

// Browser tier: real Chromium with the built extension (tests/e2e/**/*.e2e.test.ts).
// One file at a time: the machines have two cores and each file runs its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
