// The HTTP endpoint's guards (bearer token per client, loopback Host, no foreign Origin,
// 404 for unknown sessions, body limit), how it answers (one JSON body, or an event stream when
// something goes out first or the answer is slow), and a client nobody here wrote: the MCP Inspector CLI.
import { execFile } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { NODE, REPO, cliJson, clientToken, connectHttp, startHub, tempDir, testServerDefinition, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
const INSPECTOR = path.join(REPO, 'node_modules', '.bin', 'mcp-inspector');

const initialize = (id = 1) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });

describe('HTTP endpoint', () => {
  let dataDir: string;
  let hub: HubProcess;
  let url: string;
  let tokenA: string;
  let tokenB: string;
  let steady: Client;

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers }, body });

  beforeAll(async () => {
    dataDir = tempDir();
    writeSettings(dataDir, { servers: [{ id: 'everything', name: 'everything', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'] }, testServerDefinition('counter')] });
    hub = await startHub(dataDir);
    url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
    tokenA = await clientToken(dataDir, 'client-a');
    tokenB = await clientToken(dataDir, 'client-b');
    // A client that keeps working while the others misbehave.
    steady = await connectHttp(url, await clientToken(dataDir, 'steady'), { name: 'steady', version: '1' });
  });

  afterAll(async () => {
    await steady?.close();
    await hub?.stop();
  });

  const steadyStillServes = async () => expect((await steady.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();

  it('listens on 127.0.0.1 only', async () => {
    const { hostname, port } = new URL(url);
    expect(hostname).toBe('127.0.0.1');
    /** "connected", or why a TCP connection to host:port could not be made. */
    const reach = (host: string) =>
      new Promise<string>((resolve) => {
        const socket = net.connect({ host, port: Number(port), timeout: 3000 });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('timeout', () => {
          socket.destroy();
          resolve('timeout');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
    expect(await reach('127.0.0.1')).toBe('connected');
    // Nothing answers on the port at any other address of this machine: another loopback address
    // (a listener on 0.0.0.0 would take it), IPv6 loopback, and every network interface.
    const elsewhere = ['127.0.0.2', '::1', ...Object.values(os.networkInterfaces()).flatMap((addresses) => (addresses ?? []).filter((a) => !a.internal).map((a) => (a.scopeid ? `${a.address}%${a.scopeid}` : a.address)))];
    for (const host of elsewhere) expect(await reach(host), host).not.toBe('connected');
  });

  it('answers 401 without a token or with an unknown one', async () => {
    const none = await post(initialize());
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    // The answer says how to get a token.
    expect(((await none.json()) as { error: { message: string } }).error.message).toBe('Missing bearer token; get one with: mcp-tray clients token <client>');
    const unknown = await post(initialize(), { Authorization: 'Bearer mtr_not-a-real-token' });
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe('Unknown or revoked token; get one with: mcp-tray clients token <client>');
    await steadyStillServes();
  });

  it('attributes a session to its token\'s client, and another client\'s token cannot use it', async () => {
    const client = await connectHttp(url, tokenA, { name: 'claims-to-be-b', version: '1' });
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    const session = status.clients.find((c) => c.clientInfo?.name === 'claims-to-be-b')!;
    expect(session).toMatchObject({ id: 'client-a', transport: 'http' });
    // B's token on A's session.
    const hijack = await post(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }), {
      Authorization: `Bearer ${tokenB}`,
      'Mcp-Session-Id': session.sessionId,
      'MCP-Protocol-Version': '2025-06-18',
    });
    expect(hijack.status).toBe(403);
    await client.close();
    await steadyStillServes();
  });

  it('refuses a Host that is not loopback and a foreign Origin with 403', async () => {
    const host = await new Promise<number>((resolve) => {
      // fetch() cannot set Host; node:http can.
      import('node:http').then(({ request }) => {
        const req = request(url, { method: 'POST', headers: { Host: 'evil.example', Authorization: `Bearer ${tokenA}`, 'Content-Type': 'application/json' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.end(initialize());
      });
    });
    expect(host).toBe(403);
    expect((await post(initialize(), { Authorization: `Bearer ${tokenA}`, Origin: 'http://evil.example' })).status).toBe(403);
    await steadyStillServes();
  });

  it('answers 404 for an unknown session', async () => {
    const response = await post(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/list' }), {
      Authorization: `Bearer ${tokenA}`,
      'Mcp-Session-Id': '00000000-0000-0000-0000-000000000000',
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(-32001);
  });

  it('takes a 9 MB request and refuses a 100 MB one with a JSON-RPC error', async () => {
    const client = await connectHttp(url, tokenA);
    const big = 'x'.repeat(9 * 1000 * 1000);
    const result = await client.callTool({ name: 'echo', arguments: { message: big } });
    expect((result.content as Array<{ text: string }>)[0]!.text.length).toBeGreaterThan(big.length);
    await client.close();

    const huge = JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'echo', arguments: { message: 'y'.repeat(100 * 1000 * 1000) } } });
    const refused = await post(huge, { Authorization: `Bearer ${tokenA}` });
    expect(refused.status).toBe(413);
    const body = (await refused.json()) as { jsonrpc: string; error: { message: string } };
    expect(body.jsonrpc).toBe('2.0');
    expect(body.error.message).toMatch(/exceeds/);
    await steadyStillServes();
  });

  it('answers a call that sends nothing first with one JSON body, and a call with progress or a slow one on an event stream', async () => {
    const auth = { Authorization: `Bearer ${tokenA}` };
    const opened = await post(initialize(), auth);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toMatch(/^application\/json/);
    const session = { ...auth, 'Mcp-Session-Id': opened.headers.get('mcp-session-id')!, 'Mcp-Protocol-Version': '2025-06-18' };
    expect((await post(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }), session)).status).toBe(202);
    const call = (id: number, name: string, args: Record<string, unknown>, meta?: Record<string, unknown>) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args, ...(meta && { _meta: meta }) } });

    const echo = await post(JSON.stringify(call(2, 'echo', { message: 'as json' })), session);
    expect(echo.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.stringify(await echo.json())).toContain('as json');

    const batch = await post(JSON.stringify([call(3, 'echo', { message: 'first' }), call(4, 'echo', { message: 'second' })]), session);
    expect(batch.headers.get('content-type')).toMatch(/^application\/json/);
    const answers = (await batch.json()) as Array<{ id: number }>;
    expect(answers.map((a) => a.id).sort()).toEqual([3, 4]);

    // Progress must go out before the result: the response is an event stream, the result its last event.
    const progress = await post(JSON.stringify(call(5, 'trigger-long-running-operation', { duration: 0.3, steps: 3 }, { progressToken: 'p-5' })), session);
    expect(progress.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await progress.text()).split('\n').filter((line) => line.startsWith('data: ')).map((line) => JSON.parse(line.slice(6)) as { method?: string; id?: number });
    expect(events.filter((e) => e.method === 'notifications/progress').length).toBe(3);
    expect(events.at(-1)!.id).toBe(5);

    // An answer that takes seconds goes out on a stream too, so headers (and keep-alives) flow meanwhile.
    const slow = await post(JSON.stringify(call(6, 'trigger-long-running-operation', { duration: 3, steps: 1 })), session);
    expect(slow.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await slow.text()).toContain('Long running operation completed');
    await steadyStillServes();
  });

  it('serves the MCP Inspector CLI (a client nobody here wrote) with a bearer header', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(INSPECTOR, ['--cli', url, '--transport', 'http', '--header', `Authorization: Bearer ${tokenA}`, ...args], { timeout: 60_000 }, (error, stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      });
    const list = await run(['--method', 'tools/list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('"echo"');
    expect(list.stdout).not.toContain('"bump"'); // write tools stay hidden
    const call = await run(['--method', 'tools/call', '--tool-name', 'echo', '--tool-arg', 'message=from-inspector']);
    expect(call.code, call.stderr).toBe(0);
    expect(call.stdout).toContain('from-inspector');
  });
});
