// The Settings view shows the protected (denied) paths and edits them: add one, remove one, restore
// the defaults; each change reaches the hub's settings (the same list the CLI shows).
import { expect, test } from '@playwright/test';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

test.describe('protected paths in Settings', () => {
  let hub: UiHub;
  const deniedPaths = async () => JSON.parse((await hub.cli(['settings', 'denied-paths', '--json'])).stdout) as string[];

  test.beforeAll(async () => {
    hub = await startUiHub();
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('lists the defaults, adds, removes and restores', async ({ page }) => {
    await openUi(page, hub, 'settings');
    const panel = page.getByRole('region', { name: 'Protected paths' });
    const list = panel.getByRole('list', { name: 'Protected paths' });
    await expect(list).toContainText('~/.ssh');
    await expect(list).toContainText('Every IDE’s MCP config file');
    await expect(panel).toContainText(hub.dataDir);

    await panel.getByLabel('Path to protect').fill('~/private-notes');
    await panel.getByRole('button', { name: 'Protect', exact: true }).click();
    await expect(list).toContainText('~/private-notes');
    expect(await deniedPaths()).toContain('~/private-notes');

    await panel.getByRole('button', { name: 'Stop protecting ~/.ssh' }).click();
    await expect(list).not.toContainText('~/.ssh');
    expect(await deniedPaths()).not.toContain('~/.ssh');

    await panel.getByRole('button', { name: 'Restore defaults' }).click();
    await expect(list).toContainText('~/.ssh');
    await expect(list).not.toContainText('~/private-notes');
    expect(await deniedPaths()).toContain('~/.ssh');
  });
});
