import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code (*.test.ts); integration tests with real processes, the real
// keychain and a real PostgreSQL are under e2e/ (*.test.ts). Playwright specs (*.spec.ts) run
// separately, through playwright.config.ts.
export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'servers/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: process-heavy integration files run two at a time at most.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
