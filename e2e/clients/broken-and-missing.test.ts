// A config that does not parse is never written — install and import fail with the file,
// line and column, and the status says "unreadable" with where and why; a missing file (and its
// folders) is created, and uninstall takes a file MCP Tray created away again.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRow, InstallResult } from '../../electron/hub/contract/api/clients.ts';
import { cli, type HubProcess } from '../helpers/hub-process.ts';
import { CLIENT_IDS, type ClientId, configPath, expectedBridgeEntry, parseAsClient, readText, serversOf, startClientsHub, writeConfig } from './client-fixtures.ts';

/** A broken config per format, and where its first error is. */
const BROKEN: Partial<Record<ClientId, { text: string; at: string; reason: RegExp }>> = {
  cursor: { text: '{\n  "mcpServers": {\n    "a": { "command": "x" "args": [] }\n  }\n}\n', at: '3:27', reason: /a comma is expected/ },
  'claude-code': { text: '{\n  // a comment\n  "mcpServers": {}\n}\n', at: '2:3', reason: /comments are not allowed \(Claude Code reads strict JSON\)/ },
  gemini: { text: '{\n  "mcpServers": {\n    "a": { "command": "x" },\n  }\n}\n', at: '4:3', reason: /trailing comma is not allowed \(Gemini CLI/ },
  vscode: { text: '{\n  "servers": {\n    "a": {\n  }\n', at: '5:1', reason: /closing brace is expected/ },
  codex: { text: 'model = "o3"\n[mcp_servers.a]\ncommand = = "x"\n', at: '3:11', reason: /invalid value/ },
  continue: { text: 'name: a\nmcpServers:\n  - name: x\n    command: [npx\n', at: '5:1', reason: /Flow sequence in block collection must be sufficiently indented and end with a \]/ },
};

describe('broken, missing and created configs', () => {
  let home: string;
  let dataDir: string;
  let hub: HubProcess;

  beforeAll(async () => {
    ({ home, dataDir, hub } = await startClientsHub(Object.fromEntries(Object.entries(BROKEN).map(([id, broken]) => [id, broken.text]))));
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it.each(Object.keys(BROKEN) as ClientId[])('%s: install and import refuse with the position; the file is unchanged', async (id) => {
    const broken = BROKEN[id]!;
    const file = configPath(id, home);
    const install = await cli(dataDir, ['install', id]);
    expect(install.code).not.toBe(0);
    const where = `${file}:${broken.at}: `;
    expect(install.stderr).toContain(where);
    expect(install.stderr).toMatch(broken.reason);
    expect(install.stderr).toContain('the file was not changed');
    expect(install.stderr.trim().split('\n')).toHaveLength(1);
    const imported = await cli(dataDir, ['import', id]);
    expect(imported.code).not.toBe(0);
    expect(imported.stderr).toContain(where);
    expect(imported.stderr).toContain('nothing was imported or changed');
    const uninstall = await cli(dataDir, ['uninstall', id]);
    expect(uninstall.code).not.toBe(0);
    expect(readText(file)).toBe(broken.text);
    expect(existsSync(path.join(dataDir, 'backups', 'clients', id))).toBe(false);
  });

  it('shows them as "config unreadable" with where and why', async () => {
    const rows = JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[];
    for (const id of Object.keys(BROKEN) as ClientId[]) {
      const row = rows.find((r) => r.id === id)!;
      expect(row.status, id).toBe('unreadable');
      expect(row.problem, id).toContain(configPath(id, home));
    }
    expect(rows.find((r) => r.id === 'cursor')!.problem).toBe(`${configPath('cursor', home)}:3:27: a comma is expected`);
  });

  const MISSING = CLIENT_IDS.filter((id) => !(id in BROKEN));

  it.each(MISSING)('%s: a missing file and folder are created; uninstall removes what was created', async (id) => {
    const file = configPath(id, home);
    expect(existsSync(path.dirname(file))).toBe(false);
    const result = JSON.parse((await cli(dataDir, ['install', id, '--json'])).stdout) as InstallResult;
    expect(result).toMatchObject({ changed: true, createdFile: true, path: file });
    expect(result.backup).toBeUndefined();
    expect(serversOf(id, parseAsClient(id, readText(file)))['mcp-tray']).toEqual(expectedBridgeEntry(id, dataDir));
    expect(statSync(file).isFile()).toBe(true);

    // A second change backs up what MCP Tray wrote first.
    const removed = await cli(dataDir, ['uninstall', id]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('MCP Tray had created it');
    expect(existsSync(file)).toBe(false);
    const backups = readdirSync(path.join(dataDir, 'backups', 'clients', id));
    expect(backups).toHaveLength(1);
    expect(statSync(path.join(dataDir, 'backups', 'clients', id, backups[0]!)).mode & 0o777).toBe(0o600);
  });

  it('keeps the last 5 backups of a file', async () => {
    const file = configPath('lmstudio', home);
    writeConfig(file, '{\n  "mcpServers": {}\n}\n');
    for (let i = 0; i < 4; i++) {
      expect((await cli(dataDir, ['install', 'lmstudio'])).code).toBe(0);
      expect((await cli(dataDir, ['uninstall', 'lmstudio'])).code).toBe(0);
    }
    const dir = path.join(dataDir, 'backups', 'clients', 'lmstudio');
    expect(readdirSync(dir).filter((n) => n.startsWith('mcp.json.'))).toHaveLength(5);
    expect(readText(file)).toBe('{\n  "mcpServers": {}\n}\n');
  });
});
