// HTTP is optional: when the port is taken, `serve` keeps the hub running on its local socket (the
// bridge works), `status` says HTTP is off and why, and `install X --http` refuses with that reason
// and leaves the client's config byte for byte as it was.
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { cli, cliJson, connectBridge, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { EXISTING, clientEnv, configPath, readText, tempHome, writeConfig } from './client-fixtures.ts';

describe('serve --port P while P is taken', () => {
  let occupier: net.Server;
  let port: number;
  let home: string;
  let dataDir: string;
  let hub: HubProcess;

  beforeAll(async () => {
    occupier = net.createServer();
    await new Promise<void>((resolve) => occupier.listen(0, '127.0.0.1', resolve));
    port = (occupier.address() as net.AddressInfo).port;
    home = tempHome();
    dataDir = tempDir();
    writeSettings(dataDir, {
      servers: [{ id: 'memory', name: 'Memory', kind: 'bundled', bundled: 'memory', options: { memoryFile: path.join(dataDir, 'memory.jsonl') } }],
    });
    writeConfig(configPath('cursor', home), EXISTING.cursor);
    hub = await startHub(dataDir, { env: clientEnv(home, { MCP_TRAY_KEYCHAIN_SERVICE: 'mcp-tray-test-http-off' }), args: ['--port', String(port)] });
  });

  afterAll(async () => {
    await hub?.stop();
    await new Promise((resolve) => occupier?.close(resolve));
  });

  it('keeps the hub running, and serve says why HTTP is off', async () => {
    await waitFor('serve to say HTTP is off', () => hub.output().includes('HTTP is off'));
    expect(hub.process.exitCode).toBeNull();
    expect(hub.output()).toContain(`mcp-tray: HTTP is off: port ${port} on 127.0.0.1 is in use`);
    expect(hub.output()).not.toContain('MCP endpoint:');
  });

  it('serves IDEs through the bridge', async () => {
    const client = await connectBridge(dataDir, 'cursor');
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('read_graph');
    } finally {
      await client.close();
    }
  });

  it('status --json has no HTTP endpoints and a reason; the text says it too', async () => {
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    expect(status.endpoints).toMatchObject({ mcp: null, ui: null });
    expect(status.http.available).toBe(false);
    expect(status.http.reason).toContain(`port ${port} on 127.0.0.1 is in use`);
    const text = await cli(dataDir, ['status']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`HTTP:   off: port ${port} on 127.0.0.1 is in use`);
  });

  it('install cursor --http fails with the reason and leaves the config byte-identical', async () => {
    const before = readText(configPath('cursor', home));
    const result = await cli(dataDir, ['install', 'cursor', '--http']);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`HTTP endpoint is off (port ${port} on 127.0.0.1 is in use`);
    expect(result.stderr).toContain('install cursor without --http');
    expect(readText(configPath('cursor', home))).toBe(before);
    expect(before).toBe(EXISTING.cursor);
  });
});
