// A server that prints its token (or another server's) on stderr: the value is kept nowhere, neither
// in <data dir>/logs/<id>.log, nor in `mcp-tray servers log`, nor in the server-log events the UIs
// receive. Real hub, real keychain, real CLI; the careless server is e2e/fixtures/test-server.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../electron/hub/contract/contract.ts';
import { HubClient } from '../../electron/cli/hub-client.ts';
import { cli, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { testSecret } from '../helpers/test-secrets.ts';

describe('secrets printed by a server are scrubbed before they are kept or sent', () => {
  const ownToken = testSecret('own-token');
  const otherToken = testSecret('other-token');
  const dbPassword = testSecret('dbpw', (random) => `Pw${random}`);
  const dbUrl = `postgres://app:${dbPassword}@db.example:5432/app`;
  let dataDir: string;
  let hub: HubProcess;
  let events: HubClient;
  const seen: HubEvent[] = [];

  beforeAll(async () => {
    dataDir = tempDir();
    writeSettings(dataDir, {
      servers: [
        testServerDefinition('talker', ['--say-env', 'API_TOKEN', '--leaky-tools'], { secretEnv: ['API_TOKEN'] }),
        testServerDefinition('other', ['--prefix', 'o_'], { secretEnv: ['OTHER_TOKEN', 'DB_URL'] }),
      ],
    });
    hub = await startHub(dataDir);
    events = await HubClient.connect(dataDir);
    await events.subscribe((event) => seen.push(event));
    for (const [server, name, value] of [['other', 'OTHER_TOKEN', otherToken], ['other', 'DB_URL', dbUrl], ['talker', 'API_TOKEN', ownToken]] as const) {
      const set = await cli(dataDir, ['secrets', 'set', server, name], { input: value });
      expect(set.code, set.stderr).toBe(0);
    }
  });

  afterAll(async () => {
    events?.close();
    await hub?.stop();
  });

  const logFile = () => readFileSync(path.join(dataDir, 'logs', 'talker.log'), 'utf8');
  const eventText = () => JSON.stringify(seen.filter((e) => e.type === 'server-log'));

  it('scrubs the server\'s own token, printed at start', async () => {
    await waitFor('the start line in the log', () => logFile().includes('test-server: my API_TOKEN is'));
    expect(logFile()).toContain('my API_TOKEN is [redacted]');
    expect(logFile()).not.toContain(ownToken);
    const shown = await cli(dataDir, ['servers', 'log', 'talker']);
    expect(shown.stdout).toContain('my API_TOKEN is [redacted]');
    expect(shown.stdout).not.toContain(ownToken);
    expect(eventText()).toContain('my API_TOKEN is [redacted]');
    expect(eventText()).not.toContain(ownToken);
  });

  it('scrubs another server\'s token and the bare password of a stored database URL', async () => {
    const ide = await connectBridge(dataDir, 'stderr-test');
    try {
      await ide.callTool({ name: 'say', arguments: { text: `leaking ${otherToken} and ${dbPassword} and ${dbUrl}` } });
    } finally {
      await ide.close();
    }
    await waitFor('the said line in the log', () => logFile().includes('test-server says: leaking'));
    for (const text of [logFile(), (await cli(dataDir, ['servers', 'log', 'talker'])).stdout, eventText()]) {
      expect(text).toContain('leaking [redacted] and [redacted] and [redacted]');
      for (const secret of [otherToken, dbPassword, dbUrl]) expect(text).not.toContain(secret);
    }
  });

  it('knows every stored secret before any server starts, after a restart of the hub', async () => {
    await hub.stop();
    hub = await startHub(dataDir);
    await waitFor('two start lines in the log', () => logFile().split('my API_TOKEN is').length > 2);
    expect(logFile()).not.toContain(ownToken);
    expect(hub.output()).not.toContain(ownToken);
  });
});
