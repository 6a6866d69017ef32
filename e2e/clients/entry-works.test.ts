// The entry written into each client works. For every client: install, read the entry
// back from the file with that client's own format rules, run exactly the command, args and env
// written there with the SDK's stdio client (what the IDE does), and list the hub's tools; the hub
// then shows that client as connected.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { ClientRow } from '../../electron/hub/contract/api/clients.ts';
import { cli, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { CLIENT_IDS, clientEnv, configPath, parseAsClient, readText, serversOf, tempHome } from './client-fixtures.ts';

describe('the installed entry reaches the hub', () => {
  let home: string;
  let dataDir: string;
  let hub: HubProcess;

  beforeAll(async () => {
    home = tempHome();
    dataDir = tempDir();
    writeSettings(dataDir, {
      servers: [{ id: 'memory', name: 'Memory', kind: 'bundled', bundled: 'memory', options: { memoryFile: path.join(dataDir, 'memory.jsonl') } }],
    });
    hub = await startHub(dataDir, { env: clientEnv(home), args: ['--port', '0'] });
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it.each(CLIENT_IDS)('%s: the command written into its config lists the hub tools', async (id) => {
    const installed = await cli(dataDir, ['install', id]);
    expect(installed.code, installed.stderr).toBe(0);
    const entry = serversOf(id, parseAsClient(id, readText(configPath(id, home))))['mcp-tray']!;
    expect(typeof entry.command).toBe('string');
    expect(path.isAbsolute(entry.command as string)).toBe(true);
    const client = new Client({ name: `${id}-as-ide`, version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: entry.command as string,
        args: entry.args as string[],
        env: { ...(entry.env as Record<string, string> | undefined), HOME: home },
        stderr: 'pipe',
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['read_graph', 'search_nodes']));
      // The hub attributes the session to this client.
      const row = await waitFor(`a ${id} session`, async () => {
        const rows = JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[];
        const found = rows.find((r) => r.id === id)!;
        return found.sessions.length > 0 ? found : undefined;
      });
      expect(row.status).toBe('installed');
      expect(row.sessions[0]).toMatchObject({ id, transport: 'socket', clientInfo: { name: `${id}-as-ide`, version: '1.0.0' } });
    } finally {
      await client.close();
    }
  });
});
