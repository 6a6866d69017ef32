// Ten installs of different clients run in parallel with ten uninstalls of the same
// clients (separate CLI processes, separate control requests to one hub): every file ends valid,
// with or without the entry, never truncated, nothing else in it changed; afterwards, uninstalling
// gives every original back byte for byte.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type HubProcess } from '../helpers/hub-process.ts';
import { CLIENT_IDS, configPath, EXISTING, expectedBridgeEntry, parseAsClient, readText, serversOf, startClientsHub, withoutEntry } from './client-fixtures.ts';

const TEN = CLIENT_IDS.filter((id) => id !== 'claude-desktop');

describe('parallel installs and uninstalls', () => {
  let home: string;
  let dataDir: string;
  let hub: HubProcess;

  beforeAll(async () => {
    ({ home, dataDir, hub } = await startClientsHub(Object.fromEntries(TEN.map((id) => [id, EXISTING[id]]))));
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('leaves every file valid, with or without the entry, and the rest untouched', async () => {
    expect(TEN).toHaveLength(10);
    for (let round = 0; round < 2; round++) {
      const runs = TEN.flatMap((id) => [cli(dataDir, ['install', id]), cli(dataDir, ['uninstall', id])]);
      const results = await Promise.all(runs);
      for (const result of results) expect(result.code, result.stderr).toBe(0);
      for (const id of TEN) {
        const text = readText(configPath(id, home));
        const parsed = parseAsClient(id, text);
        expect(withoutEntry(id, parsed), id).toEqual(parseAsClient(id, EXISTING[id]));
        const entry = serversOf(id, parsed)['mcp-tray'];
        if (entry !== undefined) expect(entry, id).toEqual(expectedBridgeEntry(id, dataDir));
        const dir = path.dirname(configPath(id, home));
        expect(readdirSync(dir).filter((n) => n.includes('.mcp-tray-') || n.endsWith('.lock')), id).toEqual([]);
      }
    }
    const finals = await Promise.all(TEN.map((id) => cli(dataDir, ['uninstall', id])));
    for (const result of finals) expect(result.code, result.stderr).toBe(0);
    for (const id of TEN) expect(readText(configPath(id, home)), id).toBe(EXISTING[id]);
  });
});
