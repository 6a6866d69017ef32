// A local server's sandbox in the UI: its card says whether it is sandboxed and what it may reach
// (or why not), the list says it at a glance, its Settings tab changes the level and the allowed
// hosts (which the hub then applies: the card follows), and the add dialog says what each level
// means. Screenshots of the card in both themes go to docs/screenshots/.
import { expect, test } from '@playwright/test';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { detectSandboxSupport } from '../../electron/hub/sandbox/sandbox-support.ts';
import { NODE, TEST_SERVER, tempDir, waitFor } from '../helpers/hub-process.ts';
import { screenshot } from './helpers/screenshots.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

test.describe('the sandbox of a server', () => {
  let hub: UiHub;
  let folder: string;
  const server = async (id: string) => (JSON.parse((await hub.cli(['status', '--json'])).stdout) as HubStatus).servers.find((s) => s.id === id)!;

  test.beforeAll(async () => {
    const support = await detectSandboxSupport();
    test.skip(!support.available, `this machine cannot sandbox: ${support.reason}`);
    // Outside the UI hub's data dir (its HOME lies inside it, and the data dir is hidden from every sandbox).
    folder = tempDir('mcp-tray-ui-sandbox-');
    hub = await startUiHub({
      servers: [
        { id: 'notes', name: 'Notes', kind: 'stdio', command: NODE, args: [TEST_SERVER], sandbox: 'standard', roots: [folder] },
        { id: 'legacy', name: 'Legacy', kind: 'stdio', command: NODE, args: [TEST_SERVER] },
      ],
    });
  });

  test.afterAll(async () => {
    await hub?.stop();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the card says what a sandboxed server may reach (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openUi(page, hub, 'servers');
      await expect(page.getByTestId('server-item-notes')).toContainText('sandboxed');
      await expect(page.getByTestId('server-item-legacy')).toContainText('not sandboxed');
      await page.getByTestId('server-item-notes').click();
      const box = page.getByTestId('server-detail').getByTestId('sandbox');
      await expect(box).toContainText('Sandboxed (standard, bubblewrap)');
      const reach = box.getByRole('list', { name: 'What it may reach' });
      await expect(reach).toContainText(`its folders: ${folder} (read-only while write mode is off)`);
      await expect(reach).toContainText('cannot see: other processes, the session bus, the keychain');
      await expect(reach).toContainText('network: any host');
      await box.scrollIntoViewIfNeeded();
      await screenshot(page, 'servers-sandbox', scheme);
    });
  }

  test('a server without a sandbox says so and why', async ({ page }) => {
    await openUi(page, hub, 'servers');
    await page.getByTestId('server-item-legacy').click();
    await expect(page.getByTestId('server-detail').getByTestId('sandbox')).toContainText('Not sandboxed: its sandbox is off');
  });

  test('Settings changes the level and the allowed hosts; the hub applies them', async ({ page }) => {
    await openUi(page, hub, 'servers');
    await page.getByTestId('server-item-notes').click();
    const detail = page.getByTestId('server-detail');
    await detail.getByRole('tab', { name: 'Settings' }).click();
    const level = detail.getByLabel('Sandbox', { exact: true });
    await expect(level).toHaveValue('standard');
    await expect(detail.getByLabel('Allowed hosts')).toHaveCount(0);
    await level.selectOption('strict');
    await detail.getByLabel('Allowed hosts').fill('api.github.com:443, *.example.com');
    await detail.getByRole('button', { name: 'Save changes' }).click();
    await waitFor('the strict sandbox to apply', async () => {
      const notes = await server('notes');
      return notes.sandbox.level === 'strict' && notes.state === 'running';
    });
    expect((await server('notes')).sandbox.allowedHosts).toEqual(['api.github.com:443', '*.example.com']);
    await detail.getByRole('tab', { name: 'Overview' }).click();
    await expect(detail.getByTestId('sandbox')).toContainText("network: only api.github.com:443, *.example.com, through MCP Tray's proxy");

    // A host that is not one is refused in one line, and nothing changes.
    await detail.getByRole('tab', { name: 'Settings' }).click();
    await detail.getByLabel('Allowed hosts').fill('https://api.github.com/');
    await detail.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('"https://api.github.com/" is not a host')).toBeVisible();
    expect((await server('notes')).sandbox.allowedHosts).toEqual(['api.github.com:443', '*.example.com']);
  });

  test('the add dialog says what each level lets a server reach, and adds it sandboxed', async ({ page }) => {
    await openUi(page, hub, 'servers');
    await page.getByRole('button', { name: 'Add server' }).first().click();
    const dialog = page.getByTestId('add-server-dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Counter');
    await dialog.getByLabel('Command', { exact: true }).fill(NODE);
    await dialog.getByLabel('Arguments', { exact: true }).fill(TEST_SERVER);
    const level = dialog.getByLabel('Sandbox', { exact: true });
    await expect(level).toHaveValue('standard');
    await expect(dialog).toContainText('It cannot see other processes, the keychain, MCP Tray’s data or your protected paths');
    await level.selectOption('off');
    await expect(dialog).toContainText('It runs with everything you can reach');
    await level.selectOption('standard');
    await dialog.getByRole('button', { name: 'Add server' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Sandboxed (standard).')).toBeVisible();
    await expect(page.getByTestId('server-detail').getByTestId('sandbox')).toContainText('Sandboxed (standard, bubblewrap)');
    expect((await server('counter')).sandbox).toMatchObject({ level: 'standard', sandboxed: true });
  });
});
