// Fault tests around the hub itself: SIGKILL of the hub while clients are connected (no
// process left, answered calls kept, clients reconnect, stale HTTP sessions get 404), and SIGKILL
// of the hub while it writes an IDE config (the file is always the old or the new version).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { clientEnv, configPath, EXISTING, readText, tempHome, writeConfig } from '../clients/client-fixtures.ts';
import { alive, cli, cliJson, clientToken, connectBridge, connectHttp, startHub, tempDir, testServerDefinition, waitFor, writeSettings } from '../helpers/hub-process.ts';

describe('hub killed with clients connected', () => {
  it('leaves nothing running, keeps answered calls, and lets clients reconnect', async () => {
    const dataDir = tempDir();
    writeSettings(dataDir, { servers: [testServerDefinition('counter')] });
    let hub = await startHub(dataDir);
    const url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
    const token = await clientToken(dataDir, 'http-ide');
    const bridged = await connectBridge(dataDir, 'bridge-ide');
    const http = await connectHttp(url, token);
    for (let i = 0; i < 5; i++) {
      await bridged.callTool({ name: 'peek', arguments: {} });
      await http.callTool({ name: 'peek', arguments: {} });
    }
    const serverPid = (await cliJson<HubStatus>(dataDir, ['status'])).servers[0]!.pid!;
    const sessionId = http.transport && (http.transport as { sessionId?: string }).sessionId;
    await hub.stop('SIGKILL');
    // The server notices its parent is gone and exits (or the next hub stops it).
    hub = await startHub(dataDir, { args: ['--port', String(new URL(url).port)] });
    try {
      await waitFor('the old server to be gone', () => !alive(serverPid), 5000);
      // A stale HTTP session is unknown now: 404, so the client knows to start over.
      const stale = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Bearer ${token}`, 'Mcp-Session-Id': sessionId! },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(stale.status).toBe(404);
      // Reconnected clients work; the bridge client's own process had ended with the old hub.
      await bridged.close().catch(() => undefined);
      await http.close().catch(() => undefined);
      const again = await connectBridge(dataDir, 'bridge-ide');
      const againHttp = await connectHttp(url, token);
      expect((await again.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
      expect((await againHttp.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
      await again.close();
      await againHttp.close();
      const entries = (await cli(dataDir, ['log', '--export', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as LogEntry);
      expect(entries).toHaveLength(12);
      expect(new Set(entries.map((e) => e.id)).size).toBe(12);
    } finally {
      await hub.stop();
    }
  });
});

describe('hub killed while writing an IDE config', () => {
  it('leaves the file either as it was or with the entry, never partial', { timeout: 300_000 }, async () => {
    const home = tempHome();
    const dataDir = tempDir();
    writeSettings(dataDir, { servers: [] });
    const file = configPath('cursor', home);
    writeConfig(file, EXISTING.cursor);
    // The two versions a reader may ever see.
    let hub = await startHub(dataDir, { env: clientEnv(home) });
    expect((await cli(dataDir, ['install', 'cursor'])).code).toBe(0);
    const installed = readText(file);
    expect((await cli(dataDir, ['uninstall', 'cursor'])).code).toBe(0);
    expect(readText(file)).toBe(EXISTING.cursor);
    const versions = new Set([EXISTING.cursor, installed]);
    try {
      for (let round = 0; round < 15; round++) {
        const edits = Array.from({ length: 6 }, (_, i) => cli(dataDir, [i % 2 ? 'uninstall' : 'install', 'cursor']));
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 150));
        await hub.stop('SIGKILL');
        await Promise.all(edits);
        expect(versions.has(readText(file)), `round ${round}: ${readText(file)}`).toBe(true);
        hub = await startHub(dataDir, { env: clientEnv(home) });
      }
      // Leftover temp files of an interrupted write are not config files: the folder holds no
      // other copy of the config than the real one.
      const stray = readdirSync(path.dirname(file)).filter((name) => name !== 'mcp.json' && !name.endsWith('.tmp'));
      expect(stray).toEqual([]);
    } finally {
      await hub.stop();
    }
  });
});
