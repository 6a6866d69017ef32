// The Clients view shows the protocol each connected client speaks (docs/protocol-eras.md): a
// 2025 client with the version it negotiated, a 2026-07-28 client (v2 SDK, pinned, by the bridge)
// with that version and "(stateless)".
import { expect, test } from '@playwright/test';
import { Client as ModernClient } from '@modelcontextprotocol/client';
import { StdioClientTransport as ModernStdio } from '@modelcontextprotocol/client/stdio';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { BIN, NODE, connectBridge } from '../helpers/hub-process.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

test.describe('protocol eras in the Clients view', () => {
  let hub: UiHub;
  let legacy: Client;
  let modern: ModernClient;

  test.beforeAll(async () => {
    hub = await startUiHub({ servers: [] });
    legacy = await connectBridge(hub.dataDir, 'cursor', { name: 'cursor-ide', version: '1' });
    modern = new ModernClient({ name: 'modern-ide', version: '2' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await modern.connect(new ModernStdio({ command: NODE, args: [BIN, 'bridge', '--client', 'vscode', '--data-dir', hub.dataDir], stderr: 'pipe' }));
    // A 2026-07-28 client's session starts with its first request that is not server/discover.
    await modern.listTools();
  });

  test.afterAll(async () => {
    await legacy?.close();
    await modern?.close();
    await hub?.stop();
  });

  test('shows each client\'s protocol version, and which one is stateless', async ({ page }) => {
    await openUi(page, hub, 'clients');
    const table = page.getByRole('table', { name: 'Connected clients' });
    await expect(table.getByTestId('session-cursor').getByTestId('session-protocol')).toHaveText(/^2025-\d\d-\d\d$/);
    await expect(table.getByTestId('session-vscode').getByTestId('session-protocol')).toHaveText('2026-07-28 (stateless)');
  });
});
