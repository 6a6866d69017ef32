// Secrets live in the OS keychain (checked with secret-tool, an independent reader), are
// injected only into the server's environment, never reach a file or status; without a keychain the
// servers that need one say so and the rest run. Run inside e2e/setup/with-keyring.sh.
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { NODE, REPO, cli, cliJson, connectBridge, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { testSecret } from '../helpers/test-secrets.ts';

const SERVICE = process.env.MCP_TRAY_KEYCHAIN_SERVICE ?? 'mcp-tray';
const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
const SECRET = testSecret('keychain', (random) => `ghp_${random}SecretValue`);

/** Reads the keychain with secret-tool. @napi-rs/keyring stores the account as attribute "username". */
function secretTool(account: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('secret-tool', ['lookup', 'service', SERVICE, 'username', account], (error, stdout) => resolve(error ? null : stdout));
  });
}

function filesHolding(dir: string, needle: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .filter((file) => contents(file).includes(Buffer.from(needle)));
}

/** A file's bytes; none for one removed since it was listed (the call log drops committed journal segments). */
function contents(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  }
}

describe('secrets in the OS keychain, user-defined servers', () => {
  let dataDir: string;
  let hub: HubProcess;
  let client: Client;

  beforeAll(async () => {
    dataDir = tempDir();
    writeSettings(dataDir, { servers: [] });
    // A variable of the hub's own environment that must not leak into any server.
    hub = await startHub(dataDir, { env: { MCP_TRAY_LEAK_CANARY: 'leaked-from-hub' } });
  });

  afterAll(async () => {
    await client?.close();
    await hub?.stop();
  });

  it('adds a stdio server that waits for its secret, then runs with it', async () => {
    const added = await cli(dataDir, ['servers', 'add', 'everything', '--secret-env', 'API_KEY', '--env', 'PLAIN=visible', '--', NODE, EVERYTHING, 'stdio']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('mcp-tray secrets set everything API_KEY');
    const waiting = (await cliJson<HubStatus>(dataDir, ['status'])).servers.find((s) => s.id === 'everything')!;
    expect(waiting.state).toBe('stopped');
    expect(waiting.problem).toContain('API_KEY is not set');
    expect(waiting.secrets).toEqual([{ kind: 'env', name: 'API_KEY', set: false }]);

    const set = await cli(dataDir, ['secrets', 'set', 'everything', 'API_KEY'], { input: SECRET });
    expect(set.code, set.stderr).toBe(0);
    expect(await secretTool('everything:env:API_KEY')).toBe(SECRET);
    await waitFor('everything to run', async () => (await cliJson<HubStatus>(dataDir, ['status'])).servers.find((s) => s.id === 'everything')?.state === 'running');
  });

  it('gives the server its secret env var and nothing else of the hub environment', async () => {
    client = await connectBridge(dataDir, 'ide');
    const result = await client.callTool({ name: 'get-env', arguments: {} });
    const env = JSON.parse((result.content as Array<{ text: string }>)[0]!.text) as Record<string, string>;
    expect(env.API_KEY).toBe(SECRET);
    expect(env.PLAIN).toBe('visible');
    expect(env.MCP_TRAY_LEAK_CANARY).toBeUndefined();
    expect(env.MCP_TRAY_KEYCHAIN_SERVICE).toBeUndefined();
    expect(Object.keys(env).filter((k) => k.startsWith('npm_') || k === 'DBUS_SESSION_BUS_ADDRESS')).toEqual([]);
    expect(env.PATH).toBeTruthy();
    expect(env.HOME).toBeTruthy();
  });

  it('keeps the value out of every file of the data dir and out of status --json', async () => {
    expect(filesHolding(dataDir, SECRET)).toEqual([]);
    const status = await cli(dataDir, ['status', '--json']);
    expect(status.stdout).not.toContain(SECRET);
    expect(status.stdout).toContain('"name": "API_KEY"');
    expect(status.stdout).toContain('"set": true');
    const settings = readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
    expect(settings).toContain('"API_KEY"');
  });

  it('refuses a secret value on the command line', async () => {
    const result = await cli(dataDir, ['secrets', 'set', 'everything', 'API_KEY', 'oops-value']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('read from stdin');
    expect(result.stderr).not.toContain('oops-value');
  });

  it('deletes the secrets of a server that is removed', async () => {
    const removed = await cli(dataDir, ['servers', 'remove', 'everything']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('deleted its 1 secret(s)');
    expect(await secretTool('everything:env:API_KEY')).toBeNull();
  });
});

describe('without a keychain', () => {
  it('reports keychain-unavailable for servers that need a secret, runs the others, and refuses secrets set', async () => {
    const dataDir = tempDir();
    writeSettings(dataDir, {
      servers: [
        { id: 'needs-secret', name: 'needs', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'], secretEnv: ['API_KEY'] },
        { id: 'plain', name: 'plain', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'] },
      ],
    });
    // No D-Bus session bus: the Secret Service cannot be reached.
    const hub = await startHub(dataDir, { env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } });
    try {
      const status = await cliJson<HubStatus>(dataDir, ['status']);
      expect(status.keychain.available).toBe(false);
      const needs = status.servers.find((s) => s.id === 'needs-secret')!;
      expect(needs.state).toBe('keychain-unavailable');
      expect(needs.problem).toMatch(/keychain unavailable: .+/);
      expect(status.servers.find((s) => s.id === 'plain')!.state).toBe('running');
      const set = await cli(dataDir, ['secrets', 'set', 'needs-secret', 'API_KEY'], { input: testSecret('needs-secret') });
      expect(set.code).not.toBe(0);
      expect(set.stderr).toMatch(/keychain is unavailable.*nothing was stored/);
      expect(filesHolding(dataDir, 'value-123456')).toEqual([]);
    } finally {
      await hub.stop();
    }
  });
});
