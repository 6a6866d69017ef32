import { defineConfig } from 'vitest/config';

// Two projects:
// - unit: pure tests beside the code (*.test.ts under electron/, servers/, renderer/): no child
//   processes, no keychain, no database. `npm run test:unit`.
// - integration: e2e/**/*.test.ts, with real processes, the real keychain (inside a private D-Bus
//   session, see e2e/setup/with-keyring.sh) and a real PostgreSQL. `npm run test:integration`.
// Playwright specs (*.spec.ts) run through playwright.config.ts and playwright.electron.config.ts.
// `npm test` (e2e/run-all.sh) runs all of them.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: process-heavy integration files run two at a time at most.
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['electron/**/*.test.ts', 'servers/**/*.test.ts', 'renderer/**/*.test.ts'] },
      },
      {
        extends: true,
        // A test here starts hubs, servers and clients: on a busy two-core machine one can take a
        // minute, so the guard against a hang is two.
        test: { name: 'integration', include: ['e2e/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
      },
    ],
  },
});
