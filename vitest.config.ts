import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tier: pure code in Node (tests/unit/**/*.test.ts). The browser tier has its own config.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup-fast-check.ts'],
    environment: 'node',
  },
});
