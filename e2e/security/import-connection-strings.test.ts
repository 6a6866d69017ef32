// Import moves a connection string with a password (`Password=…;`, `scheme://user:pass@host`) into
// the keychain like a token, whatever the env var is called: settings.json never holds it. Real hub,
// real keychain, a Cursor config in a test HOME; the backup the import makes is deleted
// (--delete-backup), so no copy of the values stays behind.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../electron/hub/contract/api/clients.ts';
import { NODE, TEST_SERVER, cli, startHub, tempDir, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { testSecret } from '../helpers/test-secrets.ts';
import { clientEnv, configPath, readText, tempHome, writeConfig } from '../clients/client-fixtures.ts';

describe('import: connection strings with passwords go to the keychain', () => {
  const adoPassword = testSecret('adopw');
  const urlPassword = testSecret('urlpw');
  let home: string;
  let dataDir: string;
  let hub: HubProcess;

  beforeAll(async () => {
    home = tempHome();
    dataDir = tempDir();
    writeSettings(dataDir, { servers: [] });
    writeConfig(
      configPath('cursor', home),
      JSON.stringify({
        mcpServers: {
          db: {
            command: NODE,
            args: [TEST_SERVER],
            env: { DB_CONN: `Server=db.example;Database=app;User Id=sa;Password=${adoPassword};`, BACKEND: `mysql://root:${urlPassword}@localhost/app`, MODE: 'ro' },
          },
        },
      }),
    );
    hub = await startHub(dataDir, { env: clientEnv(home) });
  });

  afterAll(async () => {
    await cli(dataDir, ['servers', 'remove', 'db']);
    await hub?.stop();
  });

  it('stores both values in the keychain and neither in settings.json or the IDE config', async () => {
    const result = await cli(dataDir, ['import', 'cursor', '--delete-backup', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const imported = JSON.parse(result.stdout) as ImportResult;
    expect(imported.imported).toEqual([expect.objectContaining({ key: 'db', secrets: expect.arrayContaining(['DB_CONN', 'BACKEND']) })]);
    const settings = readFileSync(path.join(dataDir, 'settings.json'), 'utf8');
    expect(settings).toContain('"MODE": "ro"');
    for (const secret of [adoPassword, urlPassword]) {
      expect(settings).not.toContain(secret);
      expect(readText(configPath('cursor', home))).not.toContain(secret);
      expect(result.stdout).not.toContain(secret);
    }
  });
});
