// The call log holds exactly one entry per call, with the right decision and outcome;
// filters and search find the right rows; an answered call survives a SIGKILL of the hub; secrets
// passed as arguments are stored as [redacted]. Needs the keychain (run under e2e/setup/with-keyring.sh).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { ApprovalInfo } from '../../electron/hub/contract/contract.ts';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import { cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';
import { testSecret } from '../helpers/test-secrets.ts';

const SECRET = testSecret('calllog', (random) => `sk-live-${random}`);

async function logEntries(dataDir: string, args: string[] = []): Promise<LogEntry[]> {
  const result = await cli(dataDir, ['log', '--json', '--limit', '1000', ...args]);
  if (result.code !== 0) throw new Error(result.stderr);
  return result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogEntry);
}

describe('call log', () => {
  let dataDir: string;
  let hub: HubProcess;
  let client: Client;

  beforeAll(async () => {
    dataDir = tempDir();
    writeSettings(dataDir, {
      approvalDeadlineSeconds: 5,
      servers: [
        testServerDefinition('counter', [], { writeMode: 'ask', secretEnv: ['API_TOKEN'] }),
        testServerDefinition('locked', ['--prefix', 'locked_']),
        testServerDefinition('open', ['--prefix', 'open_'], { writeMode: 'allow' }),
      ],
    });
    hub = await startHub(dataDir);
    const set = await cli(dataDir, ['secrets', 'set', 'counter', 'API_TOKEN'], { input: SECRET });
    expect(set.code, set.stderr).toBe(0);
    await waitFor('counter to run with its secret', async () => (await cliJson<{ servers: Array<{ id: string; state: string }> }>(dataDir, ['status'])).servers.find((s) => s.id === 'counter')?.state === 'running');
    client = await connectBridge(dataDir, 'logger', { name: 'log-test', version: '2.0' });
  });

  afterAll(async () => {
    await client?.close();
    await hub?.stop();
  });

  it('records each call once with its decision and outcome', async () => {
    const decide = async (decision: 'approve' | 'deny') => {
      const approval = await waitFor('approval', async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list']))[0]);
      await cli(dataDir, ['approvals', decision, approval.id, ...(decision === 'deny' ? ['--reason', 'not today'] : [])]);
    };
    expect((await client.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy(); // auto-read / ok
    const approved = client.callTool({ name: 'bump', arguments: { by: 1, note: `key ${SECRET} inside`, token: 'tok-123456789' } });
    await decide('approve');
    expect((await approved).isError).toBeFalsy(); // approved-once / ok
    const denied = client.callTool({ name: 'bump', arguments: { by: 2 } });
    await decide('deny');
    expect((await denied).isError).toBe(true); // denied-user / refused
    expect((await client.callTool({ name: 'bump', arguments: { by: 3 } })).isError).toBe(true); // denied-timeout
    expect((await client.callTool({ name: 'locked_bump', arguments: {} })).isError).toBe(true); // blocked-write-off
    expect((await client.callTool({ name: 'open_fail', arguments: {} })).isError).toBe(true); // allow-mode / tool-error
    await expect(client.callTool({ name: 'open_bump', arguments: { by: 'not a number' } })).resolves.toMatchObject({ isError: true }); // allow-mode / tool-error (invalid args)

    const entries = await logEntries(dataDir);
    const rows = entries.map((e) => [e.serverId, e.target, e.decision, e.outcome]);
    expect(rows).toEqual([
      ['counter', 'peek', 'auto-read', 'ok'],
      ['counter', 'bump', 'approved-once', 'ok'],
      ['counter', 'bump', 'denied-user', 'refused'],
      ['counter', 'bump', 'denied-timeout', 'refused'],
      ['locked', 'locked_bump', 'blocked-write-off', 'refused'],
      ['open', 'open_fail', 'allow-mode', 'tool-error'],
      ['open', 'open_bump', 'allow-mode', 'tool-error'],
    ]);
    const denial = entries[2]!;
    expect(denial.denyReason).toBe('not today');
    for (const entry of entries) {
      expect(entry).toMatchObject({ clientId: 'logger', clientName: 'log-test', clientVersion: '2.0', transport: 'socket', method: 'tools/call' });
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(entries[1]!.class).toBe('write');
    expect(entries[0]!.class).toBe('read');
  });

  it('stores secrets passed as arguments as [redacted], anywhere they appear', async () => {
    const approved = (await logEntries(dataDir, ['--decision', 'approved-once']))[0]!;
    expect(approved.arguments).toEqual({ by: 1, note: 'key [redacted] inside', token: '[redacted]' });
    // Byte for byte: the secret is nowhere under the data dir (the SQLite file and its WAL included).
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    for (const file of files) {
      const bytes = readFileSync(path.join(file.parentPath, file.name));
      expect(bytes.includes(Buffer.from(SECRET)), `${file.name} holds the secret`).toBe(false);
    }
  });

  it('filters and searches', async () => {
    expect((await logEntries(dataDir, ['--server', 'open'])).map((e) => e.target)).toEqual(['open_fail', 'open_bump']);
    expect((await logEntries(dataDir, ['--decision', 'denied-timeout'])).map((e) => e.target)).toEqual(['bump']);
    expect((await logEntries(dataDir, ['--outcome', 'tool-error'])).length).toBe(2);
    expect((await logEntries(dataDir, ['--client', 'nobody'])).length).toBe(0);
    expect((await logEntries(dataDir, ['--search', 'locked_b'])).map((e) => e.target)).toEqual(['locked_bump']);
    expect((await logEntries(dataDir, ['--search', 'not a number'])).map((e) => e.target)).toEqual(['open_bump']);
  });

  it('exports CSV and JSONL', async () => {
    const csv = await cli(dataDir, ['log', '--export', 'csv', '--server', 'open']);
    expect(csv.stdout.split('\n')[0]).toContain('seq,id,startedAt');
    expect(csv.stdout.trim().split('\n')).toHaveLength(3);
    const jsonl = await cli(dataDir, ['log', '--export', 'jsonl']);
    expect(jsonl.stdout.trim().split('\n').map((l) => (JSON.parse(l) as LogEntry).target)).toContain('peek');
  });
});

describe('call log durability', () => {
  it('keeps a call answered just before the hub is SIGKILLed', async () => {
    const dataDir = tempDir();
    writeSettings(dataDir, { servers: [testServerDefinition('counter')] });
    const hub = await startHub(dataDir);
    const client = await connectBridge(dataDir, 'crash-test');
    const result = await client.callTool({ name: 'peek', arguments: {} });
    expect(result.isError).toBeFalsy();
    await hub.stop('SIGKILL');
    await client.close().catch(() => undefined);
    const again = await startHub(dataDir);
    try {
      const entries = await logEntries(dataDir);
      expect(entries.map((e) => [e.clientId, e.target, e.outcome])).toEqual([['crash-test', 'peek', 'ok']]);
    } finally {
      await again.stop();
    }
  });
});
