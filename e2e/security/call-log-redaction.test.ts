// The call log keeps no secret: not a token inside a resources/read URI, not values nested under
// secret-named keys, not passwords in connection strings, not apiKey/Bearer values in result
// previews, not the bare password of a stored database URL. Checked in what the CLI shows and by a
// byte search of the data dir (SQLite database, its WAL, the write-ahead journal). Real hub, real
// keychain; server-everything echoes what it is sent.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerStatus } from '../../electron/hub/contract/contract.ts';
import { NODE, REPO, cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { recordTestSecret, testSecret } from '../helpers/test-secrets.ts';

const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('call-log redaction', () => {
  const dbPassword = testSecret('dbpw', (random) => `Pw${random}`);
  const dbUrl = `postgres://app:${dbPassword}@db.example:5432/app`;
  recordTestSecret(dbUrl);
  const uriToken = testSecret('uri-token');
  const nested = testSecret('nested');
  const deeper = testSecret('deeper');
  const connPassword = testSecret('connpw');
  const bearer = testSecret('bearer', (random) => `tok${random}abcdef`);
  const apiKey = testSecret('apikey', (random) => `k${random}`);
  const unknown = [nested, deeper, connPassword, bearer, apiKey];
  let dataDir: string;
  let hub: HubProcess;

  beforeAll(async () => {
    dataDir = tempDir();
    writeSettings(dataDir, {
      servers: [
        testServerDefinition('counter', ['--leaky-tools'], { secretEnv: ['DB_URL'] }),
        { id: 'everything', name: 'everything', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'] },
      ],
    });
    hub = await startHub(dataDir);
    expect((await cli(dataDir, ['secrets', 'set', 'counter', 'DB_URL'], { input: dbUrl })).code).toBe(0);
    await waitFor('servers running', async () => (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).every((s) => s.state === 'running'), 30_000);
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('keeps no secret in the log, in what the CLI shows or on disk', async () => {
    const ide = await connectBridge(dataDir, 'redaction-test');
    try {
      await ide.callTool({
        name: 'say',
        arguments: { text: `the password is ${dbPassword}`, password: [nested], db: { pass: deeper }, conn: `Server=db;User Id=sa;Password=${connPassword};` },
      });
      await ide.callTool({ name: 'echo', arguments: { message: `{"apiKey": "${apiKey}"} and Authorization: Bearer ${bearer}` } });
      await ide.readResource({ uri: `test://static/resource/1?token=${uriToken}` }).catch(() => undefined);
    } finally {
      await ide.close();
    }
    await waitFor('three calls logged', async () => (await cli(dataDir, ['log', '--json'])).stdout.trim().split('\n').length >= 3);
    const shown = (await cli(dataDir, ['log', '--json'])).stdout;
    expect(shown).toContain('[redacted]');
    expect(shown).toContain('resources/read');
    for (const secret of [dbPassword, dbUrl, uriToken, ...unknown]) expect(shown, secret).not.toContain(secret);

    await hub.stop();
    for (const file of filesUnder(dataDir)) {
      const bytes = readFileSync(file);
      for (const secret of [dbPassword, uriToken, ...unknown]) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
    }
    hub = await startHub(dataDir);
  });
});
