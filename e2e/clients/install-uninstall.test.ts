// For every client, on a temp HOME with an existing config (comments where the format
// allows, other servers, odd indentation and key order): install adds only the mcp-tray entry, the
// file still parses by the client's rules, status follows, and uninstall gives back the original
// byte for byte. Real hub, real CLI.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRow, InstallResult } from '../../electron/hub/contract/api/clients.ts';
import { cli, type HubProcess } from '../helpers/hub-process.ts';
import { assertOnlyEntryAdded, CLIENT_IDS, configPath, EXISTING, expectedBridgeEntry, parseAsClient, readText, serversOf, startClientsHub, withoutEntry } from './client-fixtures.ts';

describe('install / uninstall into every client keeps the rest of the file byte-identical', () => {
  let home: string;
  let dataDir: string;
  let hub: HubProcess;

  beforeAll(async () => {
    ({ home, dataDir, hub } = await startClientsHub(EXISTING));
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('lists every client as detected, with its Linux config path', async () => {
    const result = await cli(dataDir, ['clients', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as ClientRow[];
    expect(rows.map((r) => r.id)).toEqual([...CLIENT_IDS]);
    for (const row of rows) {
      expect(row.configPath, row.id).toBe(configPath(row.id as (typeof CLIENT_IDS)[number], home));
      expect(row.status, row.id).toBe('detected');
    }
  });

  it.each(CLIENT_IDS)('%s: --dry-run prints the diff and changes nothing', async (id) => {
    const file = configPath(id, home);
    const result = await cli(dataDir, ['install', id, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`--- ${file}`);
    expect(result.stdout).toContain('+++ ');
    expect(result.stdout).toMatch(/^\+.*mcp-tray/m);
    expect(readText(file)).toBe(EXISTING[id]);
  });

  it.each(CLIENT_IDS)('%s: install adds only the entry; uninstall restores the original bytes', async (id) => {
    const file = configPath(id, home);
    const modeBefore = statSync(file).mode;
    const installed = await cli(dataDir, ['install', id, '--json']);
    expect(installed.code, installed.stderr).toBe(0);
    const result = JSON.parse(installed.stdout) as InstallResult;
    expect(result).toMatchObject({ client: id, path: file, via: 'file', changed: true, transport: 'stdio' });
    expect(result.status).toBe('installed');

    const after = readText(file);
    const entry = expectedBridgeEntry(id, dataDir);
    // The client can still read it, nothing else changed in meaning, and textually only the entry was added.
    const parsed = parseAsClient(id, after);
    expect(serversOf(id, parsed)['mcp-tray']).toEqual(entry);
    expect(withoutEntry(id, parsed)).toEqual(parseAsClient(id, EXISTING[id]));
    assertOnlyEntryAdded(id, EXISTING[id], after, entry);
    expect(statSync(file).mode).toBe(modeBefore);

    // A backup of the original (mode 0600) exists after the first change.
    expect(result.backup).toBeTruthy();
    expect(readText(result.backup!)).toBe(EXISTING[id]);
    expect(statSync(result.backup!).mode & 0o777).toBe(0o600);

    // Installing again changes nothing.
    const again = await cli(dataDir, ['install', id]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already has the mcp-tray entry');
    expect(readText(file)).toBe(after);

    const removed = await cli(dataDir, ['uninstall', id]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain('Removed the mcp-tray entry');
    expect(readText(file)).toBe(EXISTING[id]);
  });

  it('reports an entry that points at an old launcher as outdated, and install repairs it', async () => {
    const file = configPath('cursor', home);
    expect((await cli(dataDir, ['install', 'cursor'])).code).toBe(0);
    writeFileSync(file, readText(file).replace('"bridge"', '"old-bridge"'));
    const rows = JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[];
    const cursor = rows.find((r) => r.id === 'cursor')!;
    expect(cursor.status).toBe('outdated');
    expect(cursor.problem).toContain('old-bridge');
    expect((await cli(dataDir, ['install', 'cursor'])).code).toBe(0);
    const fixed = JSON.parse((await cli(dataDir, ['clients', '--json'])).stdout) as ClientRow[];
    expect(fixed.find((r) => r.id === 'cursor')!.status).toBe('installed');
    expect((await cli(dataDir, ['uninstall', 'cursor'])).code).toBe(0);
    expect(readText(file)).toBe(EXISTING.cursor);
  });

  it('uninstall of a client without the entry is a no-op', async () => {
    const result = await cli(dataDir, ['uninstall', 'windsurf']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('nothing to do');
    expect(readText(configPath('windsurf', home))).toBe(EXISTING.windsurf);
  });

  it('refuses --http for Claude Desktop, whose file holds only stdio commands', async () => {
    const result = await cli(dataDir, ['install', 'claude-desktop', '--http']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^mcp-tray: Claude Desktop's config file only launches stdio commands/);
    expect(readText(configPath('claude-desktop', home))).toBe(EXISTING['claude-desktop']);
  });

  it('names an unknown client and lists the known ones', async () => {
    const result = await cli(dataDir, ['install', 'notepad']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('unknown client "notepad"');
    expect(result.stderr).toContain('claude-desktop, claude-code, cursor');
  });

  it('keeps no temp files next to the configs', () => {
    for (const id of CLIENT_IDS) {
      const file = configPath(id, home);
      expect(existsSync(file)).toBe(true);
      expect(readdirSync(path.dirname(file)).filter((n) => n.includes('.mcp-tray-') || n.endsWith('.lock'))).toEqual([]);
    }
  });
});
