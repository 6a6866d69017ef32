// Turning write mode on asks first; Cancel leaves it off; confirming makes the
// write tools appear in the client's tool list. "allow" needs an explicit tick; "off" needs nothing.
import { expect, test } from '@playwright/test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ServerStatus } from '../../electron/hub/contract/contract.ts';
import { testServerDefinition, waitFor } from '../helpers/hub-process.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

test.describe('write mode', () => {
  let hub: UiHub;
  let ide: Client;
  const toolNames = async () => (await ide.listTools()).tools.map((t) => t.name);
  const writeMode = async () => ((JSON.parse((await hub.cli(['servers', 'list', '--json'])).stdout) as ServerStatus[]).find((s) => s.id === 'counter'))?.writeMode;

  test.beforeAll(async () => {
    hub = await startUiHub({ servers: [testServerDefinition('counter')] });
    ide = await hub.connect('cursor');
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  test('ask: cancel leaves it off; confirm lists the write tools to the client', async ({ page }) => {
    await openUi(page, hub, 'servers');
    const detail = page.getByTestId('server-detail');
    await expect(detail.getByRole('heading', { name: 'counter' })).toBeVisible();
    expect(await toolNames()).not.toContain('bump');

    const control = detail.getByTestId('write-mode');
    await control.getByRole('radio', { name: 'Ask' }).click();
    const dialog = page.getByTestId('confirm-write-mode');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Turn write mode on for counter?');
    await expect(dialog).toContainText('bump');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(control.getByRole('radio', { name: 'Off' })).toBeChecked();
    expect(await writeMode()).toBe('off');
    expect(await toolNames()).not.toContain('bump');

    // Escape cancels too.
    await control.getByRole('radio', { name: 'Ask' }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await writeMode()).toBe('off');

    await control.getByRole('radio', { name: 'Ask' }).click();
    await dialog.getByRole('button', { name: 'Turn on (ask)' }).click();
    await expect(dialog).toBeHidden();
    await expect(control.getByRole('radio', { name: 'Ask' })).toBeChecked();
    expect(await writeMode()).toBe('ask');
    await waitFor('bump in the client tool list', async () => (await toolNames()).includes('bump'));
  });

  test('allow needs an explicit tick; off needs no confirmation and hides the write tools again', async ({ page }) => {
    await openUi(page, hub, 'servers');
    const control = page.getByTestId('write-mode');
    await control.getByRole('radio', { name: 'Allow' }).click();
    const dialog = page.getByTestId('confirm-write-mode');
    await expect(dialog).toContainText('without asking');
    const confirm = dialog.getByRole('button', { name: 'Allow without asking' });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('checkbox').check();
    await confirm.click();
    await expect(control.getByRole('radio', { name: 'Allow' })).toBeChecked();
    expect(await writeMode()).toBe('allow');
    // No approval asked.
    const result = await ide.callTool({ name: 'bump', arguments: { by: 5 } });
    expect(result.isError).toBeFalsy();

    await control.getByRole('radio', { name: 'Off' }).click();
    await expect(control.getByRole('radio', { name: 'Off' })).toBeChecked();
    await expect(page.getByTestId('confirm-write-mode')).toHaveCount(0);
    expect(await writeMode()).toBe('off');
    await waitFor('bump gone from the client tool list', async () => !(await toolNames()).includes('bump'));
  });

  test('the switch works from the keyboard, and still asks', async ({ page }) => {
    await openUi(page, hub, 'servers');
    const control = page.getByTestId('write-mode');
    await control.getByRole('radio', { name: 'Off' }).focus();
    await page.keyboard.press('ArrowRight');
    const dialog = page.getByTestId('confirm-write-mode');
    await expect(dialog).toBeVisible();
    expect(await writeMode()).toBe('off');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(control.getByRole('radio', { name: 'Off' })).toBeChecked();
    expect(await writeMode()).toBe('off');
  });

  test('treating a write tool as read asks first, like write mode', async ({ page }) => {
    const bumpClass = async () => ((JSON.parse((await hub.cli(['servers', 'list', '--json'])).stdout) as ServerStatus[]).find((s) => s.id === 'counter'))?.tools.find((t) => t.name === 'bump')?.class;
    await openUi(page, hub, 'servers');
    const detail = page.getByTestId('server-detail');
    await detail.getByRole('tab', { name: /^Tools/ }).click();
    const select = detail.getByRole('combobox', { name: 'Treat bump as' });
    await select.selectOption('read');
    const dialog = page.getByTestId('confirm-treat-as-read');
    await expect(dialog).toContainText('Treat bump as a read tool?');
    await expect(dialog).toContainText('write mode off');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await bumpClass()).toBe('write');

    await select.selectOption('read');
    await dialog.getByRole('button', { name: 'Treat as read' }).click();
    await expect(dialog).toBeHidden();
    await waitFor('bump treated as read', async () => (await bumpClass()) === 'read');
    expect((await hub.cli(['servers', 'log', 'counter'])).stdout).toContain('tool bump is now treated as read');
    // Back to the server's own hint: no question asked.
    await select.selectOption('auto');
    await waitFor('bump back to write', async () => (await bumpClass()) === 'write');
    await expect(dialog).toHaveCount(0);
  });
});
