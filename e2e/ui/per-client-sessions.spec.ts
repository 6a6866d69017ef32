// A shared command server whose sampling request could not be routed: its page says so and offers
// one process per client in one click; afterwards it lists each client's own process, and its
// settings switch it back to shared.
import { expect, test } from '@playwright/test';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import path from 'node:path';
import type { ServerStatus } from '../../electron/hub/contract/contract.ts';
import { NODE, REPO, connectBridge, waitFor } from '../helpers/hub-process.ts';
import { openUi, startUiHub, type UiHub } from './helpers/ui-hub.ts';

const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');

test.describe('per-client sessions', () => {
  let hub: UiHub;
  const ides: Client[] = [];
  const everything = async () => (JSON.parse((await hub.cli(['servers', 'list', '--json'])).stdout) as ServerStatus[]).find((s) => s.id === 'everything')!;
  const sample = (ide: Client) => ide.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hi', maxTokens: 5 } }).catch((error: Error) => ({ isError: true, content: [{ type: 'text', text: error.message }] }));

  test.beforeAll(async () => {
    hub = await startUiHub({ servers: [{ id: 'everything', name: 'Everything', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'], writeMode: 'allow' }] });
    await waitFor('everything to list its tools', async () => (await everything()).tools.some((t) => t.name === 'trigger-sampling-request'));
    for (const id of ['cursor', 'vscode']) {
      const ide = await connectBridge(hub.dataDir, id, { name: id, version: '1' }, { capabilities: { sampling: {} } });
      ide.setRequestHandler(CreateMessageRequestSchema, async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { role: 'assistant', model: id, content: { type: 'text', text: `sampled by ${id}` } };
      });
      ides.push(ide);
    }
  });

  test.afterAll(async () => {
    await Promise.allSettled(ides.map((ide) => ide.close()));
    await hub?.stop();
  });

  test('offers one process per client after a refused request, then shows each client its own process', async ({ page }) => {
    // Two sampling requests at once on one shared process: at least one is refused.
    const results = await Promise.all(ides.map(sample));
    expect(results.some((r) => r.isError)).toBe(true);

    await openUi(page, hub, 'servers');
    const detail = page.getByTestId('server-detail');
    const refused = detail.getByTestId('unrouted-request');
    await expect(refused).toContainText('asked its client for a model completion (sampling) while');
    await expect(detail).toContainText('every client shares one process');
    await refused.getByRole('button', { name: 'Use one process per client' }).click();
    await expect(refused).toBeHidden();
    await expect(detail).toContainText('each client session gets its own process');
    const processes = detail.getByTestId('client-processes');
    await expect(processes).toContainText('No client has its own process yet');
    expect((await everything()).sessions).toBe('per-client');

    // Both answered by their own client now, and listed with their own process.
    const [fromCursor, fromVscode] = await Promise.all(ides.map(sample));
    expect(JSON.stringify(fromCursor)).toContain('sampled by cursor');
    expect(JSON.stringify(fromVscode)).toContain('sampled by vscode');
    await expect(processes.getByTestId('client-process-cursor')).toContainText('Cursor');
    await expect(processes.getByTestId('client-process-cursor')).toContainText('Running');
    await expect(processes.getByTestId('client-process-vscode')).toContainText('VS Code');
    const status = await everything();
    for (const p of status.clientProcesses) await expect(processes).toContainText(String(p.pid));
  });

  test('switches back to one shared process from the server settings', async ({ page }) => {
    await openUi(page, hub, 'servers');
    const detail = page.getByTestId('server-detail');
    await detail.getByRole('tab', { name: 'Settings' }).click();
    const clients = detail.getByLabel('Clients');
    await expect(clients).toHaveValue('per-client');
    await clients.selectOption('shared');
    await detail.getByRole('button', { name: 'Save changes' }).click();
    await waitFor('the server to be shared', async () => (await everything()).sessions === 'shared');
    expect((await everything()).clientProcesses).toEqual([]);
  });
});
