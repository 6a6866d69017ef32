// End to end in the real Electron app: it launches into the tray with its hub;
// the tray menu follows the hub; the window opens locked down with exactly `window.mcpTray`; a
// write call is approved through the window; closing the window keeps the app; Quit stops every
// server. Where Electron cannot run (no binary, no display) every test is skipped with the reason.
import path from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { alive, cli, cliJson, connectBridge, REPO, waitFor } from '../helpers/hub-process.ts';
import { expect, findItem, noElectron, test } from './fixtures/electron-app.ts';

const COUNTER = { id: 'counter', name: 'counter', kind: 'stdio', command: process.execPath, args: [path.join(REPO, 'e2e', 'fixtures', 'test-server.ts')] };

test.skip(noElectron !== undefined, `Electron cannot run here: ${noElectron}`);

interface Status {
  servers: Array<{ id: string; state: string; writeMode: string; pid?: number }>;
}

test.describe('desktop app', () => {
  test.use({ settings: { servers: [COUNTER] } });

  test('launches into the tray with its hub and no window, and answers the CLI', async ({ desktop }) => {
    await waitFor('counter to run', async () => (await cliJson<Status>(desktop.dataDir, ['status'])).servers[0]?.state === 'running');
    expect(desktop.app.windows()).toHaveLength(0);
    const menu = await desktop.trayMenu();
    expect(menu[0]).toMatchObject({ id: 'status', enabled: false });
    expect(findItem(menu, 'quit')?.label).toBe('Quit MCP Tray');
  });

  test('builds the tray menu from the hub and rebuilds it on events', async ({ desktop }) => {
    await waitFor('the tray to show counter running', async () => findItem(await desktop.trayMenu(), 'server:counter')?.label === 'counter: running');
    const menu = await desktop.trayMenu();
    expect(findItem(menu, 'server:counter:write:off')?.checked).toBe(true);
    expect(findItem(menu, 'approvals')).toMatchObject({ label: 'Pending approvals (0)…', enabled: false });
    expect((await cli(desktop.dataDir, ['servers', 'write', 'counter', 'ask', '--yes'])).code).toBe(0);
    await waitFor('the tray to show write mode ask', async () => findItem(await desktop.trayMenu(), 'server:counter:write:ask')?.checked === true);
  });

  test('opens a locked-down window that reaches the hub only through window.mcpTray', async ({ desktop }) => {
    const opening = desktop.app.waitForEvent('window');
    expect(await desktop.clickTrayItem('open')).toBe(true);
    const page = await opening;
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^mcp-tray:\/\/app\/index\.html/);
    const inPage = await page.evaluate(async () => {
      // In the page (no DOM types in this project's Node tsconfig): the globals the page sees.
      const page = globalThis as unknown as { mcpTray?: Record<string, unknown>; open(url: string): unknown };
      const bridge = page.mcpTray;
      const status = (await (bridge!.call as (m: string, p: unknown) => Promise<{ servers: unknown[] }>)('status', {})).servers.length;
      const refused = await (bridge!.call as (m: string, p: unknown) => Promise<unknown>)('servers.writeMode', { id: 'counter', mode: 'allow' }).catch((e: unknown) => e);
      const remote = await fetch('https://example.com/').then(() => 'loaded', () => 'blocked');
      return {
        keys: Object.keys(bridge ?? {}).sort(),
        status,
        refused,
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        popup: page.open('https://example.com/') === null,
        remote,
      };
    });
    expect(inPage).toEqual({
      keys: ['call', 'subscribe'],
      status: 1,
      refused: expect.objectContaining({ code: 'needs-confirmation' }),
      require: 'undefined',
      process: 'undefined',
      popup: true,
      remote: 'blocked',
    });

    // Closing the window hides it: the tray app and its hub keep running.
    await page.close();
    expect((await cli(desktop.dataDir, ['status'])).code).toBe(0);
  });

  test('approves a write call through the window', async ({ desktop }) => {
    expect((await cli(desktop.dataDir, ['servers', 'write', 'counter', 'ask', '--yes'])).code).toBe(0);
    const ide = await connectBridge(desktop.dataDir, 'cursor', { name: 'cursor-test', version: '1.0.0' });
    try {
      const call = ide.callTool({ name: 'bump', arguments: { by: 2 } });
      await waitFor('the approval to reach the tray', async () => findItem(await desktop.trayMenu(), 'approvals')?.label === 'Pending approvals (1)…');
      const opening = desktop.app.waitForEvent('window');
      expect(await desktop.clickTrayItem('approvals')).toBe(true);
      const page = await opening;
      const modal = page.getByTestId('approval-modal');
      await expect(modal).toBeVisible();
      await expect(modal.getByTestId('approval-tool')).toContainText('bump');
      await modal.getByRole('button', { name: 'Approve once' }).click();
      const result = (await call) as CallToolResult;
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual({ counter: 2 });
    } finally {
      await ide.close();
    }
  });

  test('"Check for updates" in the tray and in Settings: a development run says it is not updated by the app', async ({ desktop }) => {
    // Run from the checkout (not packaged): electron-updater is not used, and the app says why.
    // The update flow itself runs through electron-updater against a loopback feed in app-updates.test.ts.
    expect(findItem(await desktop.trayMenu(), 'update')?.label).toBe('Check for updates…');
    const opening = desktop.app.waitForEvent('window');
    expect(await desktop.clickTrayItem('open')).toBe(true);
    const page = await opening;
    await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash = '#/settings');
    const section = page.getByTestId('updates');
    await expect(section.getByTestId('update-status')).toContainText('a development run is not updated by the app');
    await expect(section.getByRole('button', { name: 'Check for updates' })).toBeDisabled();
    const checked = await page.evaluate(async () => {
      const bridge = (globalThis as unknown as { mcpTray: { call(m: string, p: unknown): Promise<{ phase: string }> } }).mcpTray;
      return (await bridge.call('updates.check', {})).phase;
    });
    expect(checked).toBe('unsupported');
  });

  test('Quit in the tray stops every server, then the app', async ({ desktop }) => {
    const status = await waitFor('counter to run', async () => {
      const s = await cliJson<Status>(desktop.dataDir, ['status']);
      return s.servers[0]?.pid ? s : undefined;
    });
    const serverPid = status.servers[0]!.pid!;
    const exited = new Promise<void>((resolve) => desktop.app.process().once('exit', () => resolve()));
    await desktop.clickTrayItem('quit').catch(() => undefined); // the app may exit before answering
    await exited;
    expect(alive(serverPid)).toBe(false);
  });
});

test.describe('desktop app started by the user', () => {
  test.use({ background: false });

  test('opens its window on launch', async ({ desktop }) => {
    const page = await desktop.app.firstWindow();
    await expect(page).toHaveTitle(/MCP Tray/);
  });
});
