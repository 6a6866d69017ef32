// Rate limits end to end: a real hub, the real CLI setting the limit, SDK clients over the bridge
// as IDEs, and a test server that records every call it receives. Five calls a minute for one
// client on one tool: the sixth is refused with the limit and a retry hint, logged rate-limited,
// never reaches the server; another client goes on; the limit survives a restart, its counters do not.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import type { LimitInfo } from '../../electron/hub/contract/api/limits.ts';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import { callsReceived, cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const RATE_LIMITED = -32029;

async function refusal(call: Promise<unknown>): Promise<McpError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have been refused').toBeInstanceOf(McpError);
  return error as McpError;
}

describe('rate limits', () => {
  let dataDir: string;
  let callsFile: string;
  let hub: HubProcess | undefined;
  const clients: Client[] = [];
  const connect = async (id: string) => {
    const client = await connectBridge(dataDir, id);
    clients.push(client);
    return client;
  };
  const peeks = () => callsReceived(callsFile).filter((c) => c.tool === 'peek').length;

  beforeAll(async () => {
    dataDir = tempDir();
    callsFile = path.join(dataDir, 'calls.jsonl');
    writeSettings(dataDir, { servers: [testServerDefinition('counter', ['--calls-file', callsFile])] });
    hub = await startHub(dataDir);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await hub?.stop();
  });

  it('none by default; the CLI adds one and lists it', async () => {
    expect(await cliJson<LimitInfo[]>(dataDir, ['limits', 'list'])).toEqual([]);
    const set = await cli(dataDir, ['limits', 'set', '--client', 'cursor', '--server', 'counter', '--tool', 'peek', '--per-minute', '5']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('added limit limit-1: 5 calls per minute for client "cursor" on tool "peek" of server "counter"');
    expect(await cliJson<LimitInfo[]>(dataDir, ['limits', 'list'])).toMatchObject([{ id: 'limit-1', client: 'cursor', server: 'counter', tool: 'peek', perMinute: 5 }]);
  });

  it('refuses a limit that bounds nothing, or a tool without its server, in one line', async () => {
    const nothing = await cli(dataDir, ['limits', 'set', '--client', 'cursor']);
    expect(nothing.code).not.toBe(0);
    expect(nothing.stderr.trim()).toBe('mcp-tray: give --per-minute N, --concurrent N or both');
    const toolOnly = await cli(dataDir, ['limits', 'set', '--tool', 'peek', '--per-minute', '3']);
    expect(toolOnly.code).not.toBe(0);
    expect(toolOnly.stderr).toContain('needs its server too');
    const notNumber = await cli(dataDir, ['limits', 'set', '--client', 'x', '--per-minute', 'lots']);
    expect(notNumber.stderr).toContain('--per-minute must be a whole number');
    expect(await cliJson<LimitInfo[]>(dataDir, ['limits', 'list'])).toHaveLength(1);
  });

  it('the 6th call within the minute is refused with the limit and when to retry, and never reaches the server', async () => {
    const cursor = await connect('cursor');
    for (let i = 0; i < 5; i++) expect((await cursor.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
    expect(peeks()).toBe(5);

    const error = await refusal(cursor.callTool({ name: 'peek', arguments: {} }));
    expect(error.code).toBe(RATE_LIMITED);
    expect(error.message).toContain('rate limit "limit-1" (5 calls per minute for client "cursor" on tool "peek" of server "counter") reached; retry in');
    const data = error.data as { limit: string; kind: string; retryAfterSeconds: number; retryAt: string };
    expect(data).toMatchObject({ limit: 'limit-1', kind: 'per-minute' });
    expect(data.retryAfterSeconds).toBeGreaterThan(0);
    expect(data.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(Date.parse(data.retryAt)).toBeGreaterThan(Date.now());
    expect(peeks()).toBe(5);

    // Other tools of the same client are not counted by a limit on one tool.
    expect((await cursor.callTool({ name: 'blob', arguments: { bytes: 3 } })).isError).toBeFalsy();

    const log = await cli(dataDir, ['log', '--json', '--decision', 'rate-limited']);
    const logged = log.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogEntry);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ clientId: 'cursor', serverId: 'counter', method: 'tools/call', target: 'peek', decision: 'rate-limited', outcome: 'refused' });
    expect(logged[0]!.error).toContain('limit-1');
  });

  it('another client is unaffected', async () => {
    const vscode = await connect('vscode');
    for (let i = 0; i < 7; i++) expect((await vscode.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
    expect(peeks()).toBe(12);
  });

  it('a limit on calls at once refuses a second call while the first runs', async () => {
    expect((await cli(dataDir, ['limits', 'set', '--client', 'zed', '--concurrent', '1'])).code).toBe(0);
    const zed = await connect('zed');
    const slow = zed.callTool({ name: 'slow', arguments: { ms: 3000 } });
    // The slow call is in the server (it records on arrival) before the second one is made.
    await expect.poll(() => callsReceived(callsFile).some((c) => c.tool === 'slow'), { timeout: 15_000 }).toBe(true);
    const error = await refusal(zed.callTool({ name: 'peek', arguments: {} }));
    expect(error.code).toBe(RATE_LIMITED);
    expect(error.message).toContain('1 at once for client "zed"');
    expect((error.data as { kind: string }).kind).toBe('concurrent');
    expect((await slow).isError).toBeFalsy();
    expect((await zed.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
  });

  it('the limit survives a hub restart; its counters start afresh', async () => {
    await Promise.all(clients.splice(0).map((c) => c.close().catch(() => undefined)));
    await hub!.stop();
    hub = await startHub(dataDir);
    expect(await cliJson<LimitInfo[]>(dataDir, ['limits', 'list'])).toMatchObject([{ id: 'limit-1', perMinute: 5 }, { id: 'limit-2', client: 'zed', concurrent: 1 }]);
    const cursor = await connect('cursor');
    const before = peeks();
    for (let i = 0; i < 5; i++) expect((await cursor.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
    expect((await refusal(cursor.callTool({ name: 'peek', arguments: {} }))).code).toBe(RATE_LIMITED);
    expect(peeks() - before).toBe(5);
  });

  it('remove deletes a limit: the client is no longer bounded', async () => {
    const removed = await cli(dataDir, ['limits', 'remove', 'limit-1']);
    expect(removed.code, removed.stderr).toBe(0);
    const cursor = clients[0]!;
    expect((await cursor.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
    const missing = await cli(dataDir, ['limits', 'remove', 'limit-1']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no limit "limit-1"');
  });
});
