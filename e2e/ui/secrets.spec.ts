// A secret set from the UI is stored in the OS keychain, and the page never
// holds its value afterwards (not in the DOM, not in a field, not in anything the hub answered).
// Adding a server from the UI sends its secret values to the keychain the same way.
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { TEST_SERVER, testServerDefinition } from '../helpers/hub-process.ts';
import { recordTestSecret } from '../helpers/test-secrets.ts';
import { fieldsAndStorage } from './helpers/in-page.ts';
import { keychainLookup } from './helpers/keychain.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

/** Everything the hub sent to the page over /api, for checking no secret ever came back. */
function recordApiBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (response.url().includes('/api/call')) bodies.push(await response.text().catch(() => ''));
  });
  return bodies;
}

async function expectPageFreeOf(page: Page, value: string, bodies: string[]): Promise<void> {
  expect(await page.content()).not.toContain(value);
  expect(await fieldsAndStorage(page)).not.toContain(value);
  expect(bodies.join('\n')).not.toContain(value);
}

test.describe('secrets', () => {
  let hub: UiHub;

  test.beforeAll(async () => {
    hub = await startUiHub({ servers: [testServerDefinition('vault', [], { name: 'Vault', secretEnv: ['API_TOKEN'] })] });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('set, replace and delete a secret: stored in the keychain, never shown', async ({ page }) => {
    const bodies = recordApiBodies(page);
    await openUi(page, hub, 'servers');
    const detail = page.getByTestId('server-detail');
    // A server waiting for its secret says so and opens on its Secrets tab.
    await expect(detail.getByTestId('state-vault')).toHaveText('Stopped');
    await expect(detail.getByRole('tab', { name: /Secrets \(1 missing\)/ })).toHaveAttribute('aria-selected', 'true');
    const row = detail.getByTestId('secret-API_TOKEN');
    await expect(row).toContainText('Not set');

    const first = `tok-${randomBytes(12).toString('hex')}`;

    recordTestSecret(first);
    await row.getByRole('button', { name: 'Set…' }).click();
    const dialog = page.getByTestId('secret-dialog');
    await expect(dialog.getByLabel('Value')).toHaveAttribute('type', 'password');
    await dialog.getByLabel('Value').fill(first);
    await dialog.getByRole('button', { name: 'Save to keychain' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('Set');
    expect(await keychainLookup('vault:env:API_TOKEN')).toBe(first);
    await expect(detail.getByTestId('state-vault')).toHaveText('Running');
    await expectPageFreeOf(page, first, bodies);

    const second = `tok-${randomBytes(12).toString('hex')}`;
    recordTestSecret(second);
    await row.getByRole('button', { name: 'Replace…' }).click();
    await dialog.getByLabel('Value').fill(second);
    await dialog.getByLabel('Value').press('Enter');
    await expect(dialog).toBeHidden();
    expect(await keychainLookup('vault:env:API_TOKEN')).toBe(second);
    await expectPageFreeOf(page, second, bodies);
    await expectPageFreeOf(page, first, bodies);

    await row.getByRole('button', { name: 'Delete API_TOKEN' }).click();
    await page.getByRole('button', { name: 'Delete from keychain' }).click();
    await expect(row).toContainText('Not set');
    expect(await keychainLookup('vault:env:API_TOKEN')).toBeUndefined();
  });

  test('add a server with a secret env var from the UI', async ({ page }) => {
    const bodies = recordApiBodies(page);
    await openUi(page, hub, 'servers');
    await page.getByRole('button', { name: 'Add server' }).first().click();
    const dialog = page.getByTestId('add-server-dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Notes Counter');
    await expect(dialog.getByLabel('Id', { exact: true })).toHaveValue('notes-counter');
    await dialog.getByLabel('Command', { exact: true }).fill(process.execPath);
    await dialog.getByLabel('Arguments', { exact: true }).fill(TEST_SERVER);
    await dialog.getByLabel('Environment', { exact: true }).fill('NOTES_MODE=test');
    await dialog.getByRole('button', { name: 'Add secret environment variable' }).click();
    const value = `notes-${randomBytes(12).toString('hex')}`;
    recordTestSecret(value);
    await dialog.getByLabel('Secret environment variable 1 name').fill('NOTES_TOKEN');
    await dialog.getByLabel('Secret environment variable 1 value').fill(value);
    await dialog.getByRole('button', { name: 'Add server' }).click();
    await expect(dialog).toBeHidden();

    const detail = page.getByTestId('server-detail');
    await expect(detail.getByRole('heading', { name: 'Notes Counter' })).toBeVisible();
    await expect(detail.getByTestId('state-notes-counter')).toHaveText('Running');
    await expect(detail.getByTestId('write-mode').getByRole('radio', { name: 'Off' })).toBeChecked();
    expect(await keychainLookup('notes-counter:env:NOTES_TOKEN')).toBe(value);
    await expectPageFreeOf(page, value, bodies);
    expect((await hub.cli(['servers', 'list'])).stdout).toContain('notes-counter');

    // Removing it deletes its secret from the keychain too.
    await detail.getByRole('tab', { name: 'Settings' }).click();
    await detail.getByRole('button', { name: 'Remove Notes Counter…' }).click();
    await page.getByRole('button', { name: 'Remove server' }).click();
    await expect(page.getByTestId('server-item-notes-counter')).toHaveCount(0);
    expect(await keychainLookup('notes-counter:env:NOTES_TOKEN')).toBeUndefined();
  });
});
