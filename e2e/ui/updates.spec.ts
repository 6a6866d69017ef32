// Settings → Updates on a headless hub (mcp-tray serve): it says how this install is updated
// instead of offering a check it cannot do, and the channel (stable or beta) is saved in settings.
// The desktop app's own check runs against a loopback feed in e2e/electron/app-updates.test.ts and
// in the real app in e2e/electron/desktop-app.spec.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

test.describe('Settings: updates', () => {
  let hub: UiHub;

  test.beforeAll(async () => {
    hub = await startUiHub();
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('a headless hub says how it is updated, and the channel is kept in settings', async ({ page }) => {
    await openUi(page, hub, 'settings');
    const section = page.getByTestId('updates');
    await expect(section.getByTestId('update-status')).toContainText('this hub runs without the desktop app (mcp-tray serve)');
    await expect(section.getByRole('button', { name: 'Check for updates' })).toBeDisabled();
    await section.getByLabel('Update channel').selectOption('beta');
    await expect.poll(() => JSON.parse(readFileSync(path.join(hub.dataDir, 'settings.json'), 'utf8')).updateChannel).toBe('beta');
    await page.reload();
    await expect(page.getByTestId('updates').getByLabel('Update channel')).toHaveValue('beta');
  });
});
