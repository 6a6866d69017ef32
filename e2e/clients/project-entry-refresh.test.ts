// After an app update, a bridge entry MCP Tray wrote into a project's file that runs an older
// launcher is rewritten (keeping the profile it names), like user-level entries; a project folder
// that is gone is not brought back. The installer and the refresh on real files in temp folders,
// the launchers of two app versions given explicitly.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backups } from '../../electron/hub/clients/backups.ts';
import { checkoutLauncher, type BridgeLauncher } from '../../electron/hub/clients/bridge-launcher.ts';
import { findClient } from '../../electron/hub/clients/client-table.ts';
import { ConfigEditor } from '../../electron/hub/clients/config-access.ts';
import { refreshEntriesOnce } from '../../electron/hub/clients/entry-refresh.ts';
import { InstallRecords } from '../../electron/hub/clients/install-records.ts';
import { ClientInstaller } from '../../electron/hub/clients/installer.ts';
import { tempDir } from '../helpers/hub-process.ts';
import { tempHome } from './client-fixtures.ts';

function installer(dataDir: string, launcher: BridgeLauncher, records: InstallRecords): ClientInstaller {
  return new ClientInstaller(
    { dataDir, launcher, http: () => ({ off: 'not needed' }), issueToken: () => Promise.reject(new Error('no tokens here')), tokenIssued: () => false, sessions: () => [] },
    new ConfigEditor(new Backups(path.join(dataDir, 'backups', 'clients'))),
    records,
  );
}

describe('project entries after an app update', () => {
  const home = process.env.HOME;
  beforeAll(() => {
    process.env.HOME = tempHome();
  });
  afterAll(() => {
    process.env.HOME = home;
  });

  it('rewrites an outdated project bridge entry with its profile, and leaves a vanished folder alone', async () => {
    const dataDir = tempDir();
    const records = new InstallRecords(dataDir);
    const older: BridgeLauncher = { command: '/opt/old-app/node', args: ['/opt/old-app/mcp-tray.js'], env: {} };
    const kept = tempDir('mcp-tray-project-');
    const gone = tempDir('mcp-tray-project-');
    const cursor = findClient('cursor')!;
    const before = installer(dataDir, older, records);
    await before.install(cursor, { project: kept, profile: 'web' });
    await before.install(cursor, { project: gone });
    rmSync(gone, { recursive: true });

    const current = checkoutLauncher();
    const outcomes = await refreshEntriesOnce(dataDir, '2.0.0', records, installer(dataDir, current, records));
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { client: 'cursor', project: kept, outcome: 'rewritten' },
        { client: 'cursor', project: gone, outcome: 'current' },
      ]),
    );
    const entry = (JSON.parse(readFileSync(path.join(kept, '.cursor', 'mcp.json'), 'utf8')) as { mcpServers: Record<string, { command: string; args: string[] }> }).mcpServers['mcp-tray'];
    expect(entry).toEqual({ command: current.command, args: [...current.args, 'bridge', '--client', 'cursor', '--data-dir', dataDir, '--profile', 'web'] });
    expect(existsSync(gone)).toBe(false);
    // Once per version.
    expect(await refreshEntriesOnce(dataDir, '2.0.0', records, installer(dataDir, current, records))).toEqual([]);
  });
});
