// `install CLIENT --http` writes a URL + bearer entry instead of the bridge: the token is the
// client's own (kept in the real keychain; run under e2e/setup/with-keyring.sh), masked in what the
// CLI prints, and the entry works with the SDK's Streamable HTTP client.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ClientRow, InstallResult } from '../../electron/hub/contract/api/clients.ts';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { cli, cliJson, startHub, tempDir, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { EXISTING, clientEnv, configPath, parseAsClient, readText, serversOf, tempHome, writeConfig } from './client-fixtures.ts';

const SERVICE = 'mcp-tray-test-clients';

describe('install --http: a URL + bearer entry', () => {
  let home: string;
  let dataDir: string;
  let hub: HubProcess;
  let mcpUrl: string | null = null;

  beforeAll(async () => {
    home = tempHome();
    dataDir = tempDir();
    writeSettings(dataDir, {
      servers: [{ id: 'memory', name: 'Memory', kind: 'bundled', bundled: 'memory', options: { memoryFile: path.join(dataDir, 'memory.jsonl') } }],
    });
    writeConfig(configPath('cursor', home), EXISTING.cursor);
    writeConfig(configPath('codex', home), EXISTING.codex);
    hub = await startHub(dataDir, { env: clientEnv(home, { MCP_TRAY_KEYCHAIN_SERVICE: SERVICE }), args: ['--port', '0'] });
    mcpUrl = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp;
    // Every test below writes or shows this URL: the hub must have its HTTP endpoint.
    expect(mcpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  });

  afterAll(async () => {
    for (const id of ['cursor', 'codex', 'lmstudio']) await cli(dataDir, ['clients', 'token', id, '--revoke']);
    await hub?.stop();
  });

  it('a dry run issues no token and shows where it would go', async () => {
    const result = await cli(dataDir, ['install', 'windsurf', '--http', '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`"serverUrl": "${mcpUrl}"`);
    expect(result.stdout).toContain('"Authorization": "Bearer <token>"');
    const rows = JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[];
    expect(rows.find((r) => r.id === 'windsurf')!.http).toEqual({ supported: true, tokenIssued: false });
  });

  it('cursor: writes url + the client\'s bearer token, and the entry works over Streamable HTTP', async () => {
    const installed = await cli(dataDir, ['install', 'cursor', '--http', '--json']);
    expect(installed.code, installed.stderr).toBe(0);
    const result = JSON.parse(installed.stdout) as InstallResult;
    expect(result).toMatchObject({ transport: 'http', via: 'file', changed: true });

    const token = (await cli(dataDir, ['clients', 'token', 'cursor'])).stdout.trim();
    expect(token).toMatch(/^mtr_/);
    expect(execFileSync('secret-tool', ['lookup', 'service', SERVICE, 'username', 'client:cursor'], { encoding: 'utf8' }).trim()).toBe(token);
    // What the CLI shows is masked.
    expect(installed.stdout).not.toContain(token);
    expect(result.diff).toContain('Bearer [token]');

    const entry = serversOf('cursor', parseAsClient('cursor', readText(configPath('cursor', home))))['mcp-tray'];
    expect(entry).toEqual({ url: mcpUrl, headers: { Authorization: `Bearer ${token}` } });
    const rows = JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[];
    expect(rows.find((r) => r.id === 'cursor')).toMatchObject({ status: 'installed', installed: { transport: 'http', url: mcpUrl }, http: { tokenIssued: true } });

    const client = new Client({ name: 'cursor-over-http', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(entry!.url as string), { requestInit: { headers: entry!.headers as Record<string, string> } }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('read_graph');
    } finally {
      await client.close();
    }

    // Back to the bridge, then uninstall gives the original.
    expect((await cli(dataDir, ['install', 'cursor'])).code).toBe(0);
    expect((await cli(dataDir, ['uninstall', 'cursor'])).code).toBe(0);
    expect(readText(configPath('cursor', home))).toBe(EXISTING.cursor);
  });

  it('codex: url + http_headers in a [mcp_servers.mcp-tray] table, the rest of the file untouched', async () => {
    expect((await cli(dataDir, ['install', 'codex', '--http'])).code).toBe(0);
    const token = (await cli(dataDir, ['clients', 'token', 'codex'])).stdout.trim();
    const text = readText(configPath('codex', home));
    expect(serversOf('codex', parseAsClient('codex', text))['mcp-tray']).toEqual({ url: mcpUrl, http_headers: { Authorization: `Bearer ${token}` } });
    expect(text.startsWith(EXISTING.codex)).toBe(true);
    expect((await cli(dataDir, ['uninstall', 'codex'])).code).toBe(0);
    expect(readText(configPath('codex', home))).toBe(EXISTING.codex);
  });

  it('a new file holding a token is created readable by the user only', async () => {
    expect((await cli(dataDir, ['install', 'lmstudio', '--http'])).code).toBe(0);
    const { statSync } = await import('node:fs');
    expect(statSync(configPath('lmstudio', home)).mode & 0o777).toBe(0o600);
  });
});
