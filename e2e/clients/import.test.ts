// Import a Cursor config holding a server with a plaintext token. The server then runs in
// the hub with its token from the keychain (the real Secret Service: run under
// e2e/setup/with-keyring.sh), the Cursor file no longer holds the token and holds the mcp-tray
// entry, the 0600 backup holds the original, and the output says the backup still holds the token
// and how to delete it; --delete-backup deletes it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ImportResult, ImportableResult } from '../../electron/hub/contract/api/clients.ts';
import type { ServerStatus } from '../../electron/hub/contract/contract.ts';
import { NODE, cli, cliJson, connectBridge, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { clientEnv, configPath, expectedBridgeEntry, parseAsClient, readText, serversOf, tempHome, writeConfig } from './client-fixtures.ts';

const SERVICE = 'mcp-tray-test-clients';
const FIXTURE = fileURLToPath(new URL('./fixtures/token-checker-server.ts', import.meta.url));
const TOKEN = `ghp_${'Zx9'.repeat(12)}Q`;
const SECOND_TOKEN = `xoxb-${'7Hk2'.repeat(8)}`;

const sha = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 12);
const lookup = (account: string) => execFileSync('secret-tool', ['lookup', 'service', SERVICE, 'username', account], { encoding: 'utf8' }).trim();

describe('import from Cursor: the token moves to the keychain', () => {
  let home: string;
  let dataDir: string;
  let hub: HubProcess;
  let cursorFile: string;
  let original: string;
  let ide: Client | undefined;

  beforeAll(async () => {
    home = tempHome();
    dataDir = tempDir();
    writeSettings(dataDir, { servers: [] });
    cursorFile = configPath('cursor', home);
    original = `{
  // my MCP servers
  "mcpServers": {
    "Token Checker": {
      "command": ${JSON.stringify(NODE)},
      "args": [${JSON.stringify(FIXTURE)}],
      "env": { "API_TOKEN": "${TOKEN}", "GREETING": "hello" }
    },
    "needs-input": { "command": "npx", "args": ["-y", "some-server"], "env": { "KEY": "\${env:SOME_KEY}" } }
  }
}
`;
    writeConfig(cursorFile, original);
    hub = await startHub(dataDir, { env: clientEnv(home, { MCP_TRAY_KEYCHAIN_SERVICE: SERVICE }), args: ['--port', '0'] });
  });

  afterAll(async () => {
    await ide?.close();
    for (const id of ['token-checker', 'second']) await cli(dataDir, ['servers', 'remove', id]);
    await hub?.stop();
  });

  it('lists what it would import, with secrets named but never shown', async () => {
    const result = await cli(dataDir, ['import', 'cursor', '--list', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain(TOKEN);
    const found = JSON.parse(result.stdout) as ImportableResult;
    expect(found.servers).toEqual([
      expect.objectContaining({ key: 'Token Checker', kind: 'stdio', importable: true, suggestedId: 'token-checker', secrets: ['API_TOKEN'], env: { API_TOKEN: '[secret]', GREETING: 'hello' } }),
      expect.objectContaining({ key: 'needs-input', importable: false, reason: expect.stringContaining('${env:SOME_KEY}') }),
    ]);
  });

  it('moves the server into the hub and the token into the keychain, and rewrites Cursor', async () => {
    const result = await cli(dataDir, ['import', 'cursor', '--servers', 'Token Checker']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain(TOKEN);
    expect(result.stdout).toContain('Token Checker → token-checker');
    expect(result.stdout).toContain('API_TOKEN moved to the keychain');

    // The token is in the keychain, under the documented account.
    expect(lookup('token-checker:env:API_TOKEN')).toBe(TOKEN);
    // …and in no file of MCP Tray's.
    expect(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).not.toContain(TOKEN);

    // Cursor: no token, the mcp-tray entry, the server it could not import left as it was.
    const after = readText(cursorFile);
    expect(after).not.toContain(TOKEN);
    const servers = serversOf('cursor', parseAsClient('cursor', after));
    expect(Object.keys(servers).sort()).toEqual(['mcp-tray', 'needs-input']);
    expect(servers['mcp-tray']).toEqual(expectedBridgeEntry('cursor', dataDir));
    expect(after).toContain('// my MCP servers');

    // The backup holds the original, readable by the user only; the output says so and how to delete it.
    const backups = readdirSync(path.join(dataDir, 'backups', 'clients', 'cursor')).map((n) => path.join(dataDir, 'backups', 'clients', 'cursor', n));
    expect(backups).toHaveLength(1);
    expect(readFileSync(backups[0]!, 'utf8')).toBe(original);
    expect(statSync(backups[0]!).mode & 0o777).toBe(0o600);
    expect(result.stdout).toContain('still holds the plaintext token(s)');
    expect(result.stdout).toContain(backups[0]!);
    expect(result.stdout).toContain(`rm ${JSON.stringify(backups[0]!)}`);
    expect(result.stdout).toContain('--delete-backup');
  });

  it('runs the imported server in the hub with the token from the keychain', async () => {
    const server = await waitFor('token-checker running', async () => {
      const list = await cliJson<ServerStatus[]>(dataDir, ['servers', 'list']);
      const found = list.find((s) => s.id === 'token-checker');
      return found?.state === 'running' ? found : undefined;
    });
    expect(server).toMatchObject({ kind: 'stdio', secrets: [{ kind: 'env', name: 'API_TOKEN', set: true }] });
    // Through the entry Cursor now has, as Cursor would run it.
    ide = await connectBridge(dataDir, 'cursor');
    const { tools } = await ide.listTools();
    expect(tools.map((t) => t.name)).toContain('check_token');
    const call = await ide.callTool({ name: 'check_token', arguments: {} });
    expect(JSON.stringify(call.content)).toContain(`token sha256 ${sha(TOKEN)}; greeting hello`);
  });

  it('with --delete-backup, deletes the backups that hold the imported token', async () => {
    const withSecond = readText(cursorFile).replace(
      '"needs-input"',
      `"second": { "command": ${JSON.stringify(NODE)}, "args": [${JSON.stringify(FIXTURE)}], "env": { "API_TOKEN": "${SECOND_TOKEN}" } },\n    "needs-input"`,
    );
    writeConfig(cursorFile, withSecond);
    const result = await cli(dataDir, ['import', 'cursor', '--servers', 'second', '--delete-backup', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const imported = JSON.parse(result.stdout) as ImportResult;
    expect(imported.imported).toEqual([expect.objectContaining({ key: 'second', id: 'second', secrets: ['API_TOKEN'] })]);
    expect(imported.deletedBackups).toHaveLength(1);
    expect(imported.backupsWithSecrets).toEqual([]);
    expect(existsSync(imported.deletedBackups[0]!)).toBe(false);
    const dir = path.join(dataDir, 'backups', 'clients', 'cursor');
    for (const name of readdirSync(dir)) expect(readFileSync(path.join(dir, name), 'utf8')).not.toContain(SECOND_TOKEN);
    expect(readText(cursorFile)).not.toContain(SECOND_TOKEN);
    expect(lookup('second:env:API_TOKEN')).toBe(SECOND_TOKEN);
    // The first import's backup (the other token) is the user's to delete; it is still there, as it was.
    const holdingFirstToken = readdirSync(dir).map((name) => readFileSync(path.join(dir, name), 'utf8')).filter((text) => text.includes(TOKEN));
    expect(holdingFirstToken).toEqual([original]);
  });

  it('refuses an unknown server name and lists the ones there are', async () => {
    const result = await cli(dataDir, ['import', 'cursor', '--servers', 'nope']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Cursor has no server named "nope"');
    expect(result.stderr).toContain('it has: needs-input');
  });
});
