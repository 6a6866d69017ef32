import { defineConfig } from '@playwright/test';

// The desktop app's end-to-end tests (e2e/electron/*.spec.ts): the real Electron app (built by
// `npm run build:electron`) launched through Playwright's `_electron`, on a temporary data dir.
// They need an Electron binary (node_modules/electron/dist, or ELECTRON_OVERRIDE_DIST_PATH) and a
// display; where either is missing every test reports "skipped" with the reason.
process.env.MCP_TRAY_KEYCHAIN_SERVICE ??= 'mcp-tray-test-electron';

export default defineConfig({
  testDir: 'e2e/electron',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/electron/fixtures/global-setup.ts',
  // One Electron app at a time (each is a tray app with its own hub).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
  use: { trace: 'retain-on-failure' },
});
