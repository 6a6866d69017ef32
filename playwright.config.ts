import { defineConfig } from '@playwright/test';

// The UI tests (e2e/ui/*.spec.ts): Debian's Chromium against a real `mcp-tray serve`, with real SDK
// clients connected through the bridge playing the IDEs. Run inside the private D-Bus session with
// gnome-keyring (e2e/run-all.sh, or: dbus-run-session -- bash e2e/setup/with-keyring.sh npx playwright test).
process.env.MCP_TRAY_KEYCHAIN_SERVICE ??= 'mcp-tray-test-ui';

export default defineConfig({
  testDir: 'e2e/ui',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/ui/helpers/global-setup.ts',
  // Each spec file starts its own hubs; one at a time keeps timings honest on two cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/ui',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
});
