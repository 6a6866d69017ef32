// What a new user sees in the UI in the first hour: a compact keychain banner with how to fix it
// (and a token dialog that says why it cannot issue one) where there is no Secret Service; a server
// whose command is not installed, and PostgreSQL before it is set up, saying what to do; and
// "Install the command-line tool" in Settings putting `mcp-tray` in ~/.local/bin.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { goTo, openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

test.describe('without a keychain', () => {
  let hub: UiHub;

  test.beforeAll(async () => {
    // No D-Bus session bus: no Secret Service, as on a server or a bare window manager.
    hub = await startUiHub({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/mcp-tray-no-bus' }, ideFiles: { '.cursor/mcp.json': '{}\n' } });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('one compact banner with How to fix, and a token dialog that says why', async ({ page }) => {
    await openUi(page, hub);
    const banner = page.getByTestId('keychain-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Keychain unavailable');
    // Compact: one line until opened; the system's own words only behind a second disclosure.
    expect((await banner.boundingBox())!.height).toBeLessThan(48);
    await expect(banner.locator('ol')).toBeHidden();
    await banner.getByText('How to fix').click();
    await expect(banner.locator('details details code')).toBeHidden();
    await expect(banner).toContainText('gnome-keyring');
    await expect(banner).toContainText('KeePassXC');
    // The hub's own note about sign-ins is not a second banner about the same thing.
    await expect(page.locator('.banner').filter({ hasText: 'keychain is unavailable' })).toHaveCount(0);

    await goTo(page, 'clients');
    await page.getByRole('button', { name: 'HTTP token of Cursor' }).click();
    const dialog = page.getByTestId('token-dialog');
    await expect(dialog.getByTestId('token-no-keychain')).toContainText('cannot issue a token now');
    await expect(dialog.getByRole('button', { name: 'Issue token' })).toBeDisabled();
  });
});

test.describe('servers that cannot run yet, and the command-line tool', () => {
  let hub: UiHub;

  test.beforeAll(async () => {
    hub = await startUiHub({
      servers: [
        { id: 'missing', name: 'Not installed yet', kind: 'stdio', command: 'does-not-exist-xyz', args: [] },
        { id: 'postgres', name: 'PostgreSQL', kind: 'bundled', bundled: 'postgres', enabled: false, options: { rowLimit: '500' } },
      ],
    });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('a missing command is "Not installed" with a short reason; PostgreSQL says to set it up', async ({ page }) => {
    await openUi(page, hub, 'servers');
    const missing = page.getByTestId('server-item-missing');
    await expect(missing).toContainText('Not installed');
    await expect(missing).toContainText('"does-not-exist-xyz" is not installed (not found on your login PATH)');
    await expect(missing).not.toContainText('PATH=');
    const postgres = page.getByTestId('server-item-postgres');
    await expect(postgres).toContainText('not set up');
    await expect(postgres).not.toContainText('0 read · 0 write');
    await postgres.click();
    // It opens on Secrets, where the missing one is; the overview says the same in a sentence.
    await page.getByTestId('server-detail').getByRole('tab', { name: 'Overview' }).click();
    await expect(page.getByTestId('setup-needed')).toHaveText('Not set up: set POSTGRES_URL under Secrets, then enable it.');
    await page.getByTestId('server-detail').getByRole('tab', { name: 'Settings' }).click();
    await expect(page.getByLabel('Rows per query, at most')).toBeVisible();
  });

  test('Install the command-line tool puts mcp-tray in ~/.local/bin, and Remove takes it away', async ({ page }) => {
    await openUi(page, hub, 'settings');
    const section = page.getByTestId('cli-tool');
    const shim = path.join(hub.home, '.local', 'bin', 'mcp-tray');
    await expect(section).toContainText('It goes to');
    await section.getByRole('button', { name: 'Install the command-line tool' }).click();
    await expect(section.getByRole('button', { name: 'Remove the command-line tool' })).toBeVisible();
    await expect(section).toContainText('is not on your PATH');
    expect(readFileSync(shim, 'utf8')).toContain('installed by MCP Tray');
    await section.getByRole('button', { name: 'Remove the command-line tool' }).click();
    await expect(section.getByRole('button', { name: 'Install the command-line tool' })).toBeVisible();
    expect(existsSync(shim)).toBe(false);
  });
});
