// The call log (calls.sqlite and its -wal and -shm files) is created 0600 like every other file of
// the data dir, and a data dir left looser (an older version, a copy, a restore) is tightened at the
// next start, which says so. Real hub, real SQLite, the process umask left at 022.
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const mode = (file: string) => statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data dir modes', () => {
  const dataDir = tempDir();
  let hub: HubProcess | undefined;
  const db = path.join(dataDir, 'calls.sqlite');

  afterAll(async () => {
    await hub?.stop();
  });

  it('creates calls.sqlite, -wal and -shm 0600', async () => {
    writeSettings(dataDir, { servers: [testServerDefinition('counter')] });
    chmodSync(path.join(dataDir, 'settings.json'), 0o600);
    expect(process.umask() & 0o077).not.toBe(0o077);
    hub = await startHub(dataDir);
    const ide = await connectBridge(dataDir, 'modes-test');
    await ide.callTool({ name: 'peek', arguments: {} });
    await ide.close();
    await waitFor('the -wal file', () => existsSync(`${db}-wal`));
    for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(`${path.basename(file)} ${mode(file).toString(8)}`).toBe(`${path.basename(file)} 600`);
    expect(hub.output()).not.toContain('Tightened');
  });

  it('tightens a looser data dir at start, and says so', async () => {
    await hub!.stop();
    hub = undefined;
    chmodSync(dataDir, 0o755);
    mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
    chmodSync(path.join(dataDir, 'logs'), 0o755);
    writeFileSync(path.join(dataDir, 'logs', 'counter.log'), 'an old line\n');
    for (const file of [db, path.join(dataDir, 'settings.json'), path.join(dataDir, 'logs', 'counter.log')]) chmodSync(file, 0o644);
    hub = await startHub(dataDir);
    await waitFor('the problem line', () => hub!.output().includes('Tightened the permissions'));
    expect(hub.output()).toMatch(/Tightened the permissions of \d+ file\(s\) and folder\(s\) in the data dir/);
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'logs'))).toBe(0o700);
    for (const file of [db, path.join(dataDir, 'settings.json'), path.join(dataDir, 'logs', 'counter.log')]) expect(mode(file)).toBe(0o600);
  });
});
