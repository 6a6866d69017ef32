// A client of the 1.0 SDK line (protocol 2024-11-05) through a real hub, by the bridge and by HTTP:
// its stdio transport runs `mcp-tray bridge`, and its HTTP transport is the older HTTP+SSE one
// (GET /sse, then POST /messages?sessionId=…), which the hub serves beside /mcp (docs/gateway.md).
// Both negotiate 2024-11-05, list and call tools, get progress and an image, wait for an approval
// in ask mode (approved once, denied once) that lands in the call log, and show in `status` with
// that version. Then the HTTP+SSE endpoint's guards, with raw requests as a misbehaving client
// sends them.
import { request } from 'node:http';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'mcp-sdk-1-0/client/index.js';
import { SSEClientTransport } from 'mcp-sdk-1-0/client/sse.js';
import { StdioClientTransport } from 'mcp-sdk-1-0/client/stdio.js';
import type { Transport } from 'mcp-sdk-1-0/shared/transport.js';
import { CallToolResultSchema, type JSONRPCMessage } from 'mcp-sdk-1-0/types.js';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import type { ApprovalInfo, HubStatus } from '../../electron/hub/contract/contract.ts';
import { MAX_BODY_BYTES, MAX_SESSIONS_PER_CLIENT } from '../../electron/hub/gateway/http-endpoint.ts';
import { bridgeCommand, cli, cliJson, clientToken, everythingDefinition, startHub, startHubServing, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const OLD = '2024-11-05';
const rawFetch = globalThis.fetch;

type Result = { content?: Array<{ type: string; text?: string; mimeType?: string; data?: string }>; isError?: boolean };

/** What crossed a client's transport: the version its initialize asked for and got, and progress notifications. */
interface Wire {
  asked?: unknown;
  answered?: unknown;
  progress: number;
}

/**
 * Progress is counted as it arrives, before the result: the 1.0 client runs a progress handler a
 * microtask after the notification but drops it the moment the answer is read, so when the last
 * notification and the answer arrive in one read it never sees that one (it reports "a progress
 * notification for an unknown token"), although the hub sent it first.
 */
function watchWire(transport: Transport): Wire {
  const seen: Wire = { progress: 0 };
  const send = transport.send.bind(transport);
  transport.send = (message: JSONRPCMessage) => {
    if ('method' in message && message.method === 'initialize') seen.asked = message.params?.protocolVersion;
    return send(message);
  };
  // The Protocol sets onmessage before it starts the transport.
  const start = transport.start.bind(transport);
  transport.start = () => {
    const deliver = transport.onmessage!;
    transport.onmessage = (message) => {
      if ('result' in message && message.id === 0) seen.answered = message.result.protocolVersion;
      if ('method' in message && message.method === 'notifications/progress') seen.progress++;
      deliver(message);
    };
    return start();
  };
  return seen;
}

/**
 * The 1.0 SDK's SSE transport takes only a URL: it opens the stream with the runtime's EventSource
 * (the SDK tells Node users to install the `eventsource` package) and POSTs with the global fetch.
 * A host application gives it a bearer token there, as an IDE's "headers" setting does; this does
 * the same for requests to the hub only.
 */
function sendBearerToHub(origin: string, token: string): void {
  const withBearer: typeof fetch = (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    if (target.origin !== origin) return rawFetch(input, init);
    const headers = new Headers(init?.headers);
    if (!headers.has('authorization')) headers.set('Authorization', `Bearer ${token}`);
    return rawFetch(input, { ...init, headers });
  };
  globalThis.fetch = withBearer;
  (globalThis as { EventSource?: unknown }).EventSource = class extends EventSource {
    constructor(url: string | URL) {
      super(url, { fetch: withBearer });
    }
  };
}

interface Ide {
  readonly id: string;
  readonly transport: 'http' | 'socket';
  readonly client: Client;
  readonly wire: Wire;
}

const call = async (ide: Ide, name: string, args: Record<string, unknown>, onprogress?: () => void) =>
  (await ide.client.callTool({ name, arguments: args }, CallToolResultSchema, onprogress ? { onprogress } : undefined)) as Result;

describe('a 1.0.x SDK client (2024-11-05) by the bridge and by HTTP+SSE', () => {
  let dataDir: string;
  let hub: HubProcess;
  let origin: string;
  const ides: Ide[] = [];

  beforeAll(async () => {
    let url: string;
    ({ dataDir, hub, url } = await startHubServing([everythingDefinition(), testServerDefinition('counter', [], { writeMode: 'ask' })]));
    origin = new URL(url).origin;

    const bridge = new StdioClientTransport(bridgeCommand(dataDir, 'old-bridge'));
    const bridgeClient = new Client({ name: 'old-bridge', version: '1.0.4' }, { capabilities: {} });
    const bridgeWire = watchWire(bridge);
    await bridgeClient.connect(bridge);

    sendBearerToHub(origin, await clientToken(dataDir, 'old-http'));
    const sse = new SSEClientTransport(new URL('/sse', origin));
    const httpClient = new Client({ name: 'old-http', version: '1.0.4' }, { capabilities: {} });
    const httpWire = watchWire(sse);
    await httpClient.connect(sse);

    ides.push(
      { id: 'old-bridge', transport: 'socket', client: bridgeClient, wire: bridgeWire },
      { id: 'old-http', transport: 'http', client: httpClient, wire: httpWire },
    );
  }, 90_000);

  afterAll(async () => {
    for (const ide of ides) await ide.client.close().catch(() => undefined);
    globalThis.fetch = rawFetch;
    await hub?.stop();
  });

  it('asks for 2024-11-05 and gets it, and `status` shows each client with that version', async () => {
    for (const ide of ides) expect(ide.wire, ide.id).toMatchObject({ asked: OLD, answered: OLD });
    const clients = (await cliJson<HubStatus>(dataDir, ['status'])).clients;
    for (const ide of ides) {
      const shown = clients.filter((c) => c.id === ide.id);
      expect(shown, ide.id).toHaveLength(1);
      expect(shown[0]).toMatchObject({ era: 'legacy', transport: ide.transport, protocolVersion: OLD, clientInfo: { name: ide.id } });
    }
  });

  it('lists the tools of both servers', async () => {
    for (const ide of ides) {
      const names = (await ide.client.listTools()).tools.map((t) => t.name);
      expect(names, ide.id).toEqual(expect.arrayContaining(['echo', 'get-tiny-image', 'trigger-long-running-operation', 'peek', 'bump']));
    }
  });

  it('calls a tool, gets progress before the result, and an image', async () => {
    for (const ide of ides) {
      expect((await call(ide, 'echo', { message: `from ${ide.id}` })).content?.[0]?.text, ide.id).toContain(`from ${ide.id}`);
      let reported = 0;
      ide.wire.progress = 0;
      const done = await call(ide, 'trigger-long-running-operation', { duration: 1, steps: 3 }, () => void reported++);
      expect(done.isError, ide.id).toBeFalsy();
      expect(ide.wire.progress, ide.id).toBeGreaterThanOrEqual(3);
      expect(reported, ide.id).toBeGreaterThanOrEqual(1);
      const image = await call(ide, 'get-tiny-image', {});
      expect(image.content?.find((c) => c.type === 'image'), ide.id).toMatchObject({ type: 'image', mimeType: 'image/png', data: expect.any(String) });
    }
  });

  it('holds a write for approval in ask mode: approved, it runs; denied, it never reaches the server; both in the call log', async () => {
    const counter = async (ide: Ide) => (await call(ide, 'peek', {})).content?.[0]?.text;
    const decide = async (ide: Ide, verb: 'approve' | 'deny') => {
      const pending = call(ide, 'bump', { by: 1 });
      const approval = await waitFor(`an approval for ${ide.id}`, async () => (await cliJson<ApprovalInfo[]>(dataDir, ['approvals', 'list'])).find((a) => a.client === ide.id));
      expect(approval.tool).toBe('bump');
      const decided = await cli(dataDir, ['approvals', verb, approval.id]);
      expect(decided.code, decided.stderr).toBe(0);
      return pending;
    };
    for (const ide of ides) {
      const before = await counter(ide);
      const approved = await decide(ide, 'approve');
      expect(approved.isError, ide.id).toBeFalsy();
      const after = await counter(ide);
      expect(after, ide.id).not.toBe(before);
      const denied = await decide(ide, 'deny');
      expect(denied.isError, ide.id).toBe(true);
      expect(denied.content?.[0]?.text, ide.id).toMatch(/denied/);
      expect(await counter(ide), ide.id).toBe(after);
    }
    // The same call log as any client's: each decision with the client and the way it came in.
    const entries = await waitFor('both decisions of both clients in the log', async () => {
      const log = await cli(dataDir, ['log', '--export', 'jsonl']);
      const rows = log.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as LogEntry).filter((e) => e.target === 'bump');
      return rows.length >= 2 * ides.length ? rows : undefined;
    });
    expect(entries.map((e) => [e.clientId, e.transport, e.decision]).sort()).toEqual(
      ides.flatMap((ide) => [[ide.id, ide.transport, 'approved-once'], [ide.id, ide.transport, 'denied-user']]).sort(),
    );
  });
});

describe('the HTTP+SSE endpoint\'s guards', () => {
  let dataDir: string;
  let hub: HubProcess;
  let origin: string;
  let tokenA: string;
  let tokenB: string;

  /** A raw HTTP+SSE session: the stream as text as it arrives, and where to POST. */
  const openStream = async (token: string) => {
    const abort = new AbortController();
    const res = await rawFetch(`${origin}/sse`, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` }, signal: abort.signal });
    expect(res.status).toBe(200);
    let text = '';
    let ended = false;
    void (async () => {
      try {
        for await (const chunk of res.body!.pipeThrough(new TextDecoderStream())) text += chunk;
      } catch {
        // aborted
      }
      ended = true;
    })();
    const postPath = await waitFor('the endpoint event', () => /event: endpoint\ndata: (\S+)\n/.exec(text)?.[1]);
    return { postUrl: `${origin}${postPath}`, text: () => text, ended: () => ended, close: () => abort.abort() };
  };
  const post = (url: string, token: string | undefined, body: string, headers: Record<string, string> = {}) =>
    rawFetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers }, body });
  const initialize = (id = 1) => JSON.stringify({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion: OLD, capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });

  beforeAll(async () => {
    dataDir = tempDir();
    writeSettings(dataDir, { servers: [testServerDefinition('counter')] });
    hub = await startHub(dataDir);
    origin = new URL((await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!).origin;
    tokenA = await clientToken(dataDir, 'client-a');
    tokenB = await clientToken(dataDir, 'client-b');
  });

  afterAll(async () => {
    await hub?.stop();
  });

  it('answers 401 without a token or with an unknown one, on the stream and on the POST', async () => {
    const none = await rawFetch(`${origin}/sse`, { headers: { Accept: 'text/event-stream' } });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await rawFetch(`${origin}/sse`, { headers: { Accept: 'text/event-stream', Authorization: 'Bearer mtr_not-a-real-token' } })).status).toBe(401);
    const session = await openStream(tokenA);
    expect((await post(session.postUrl, undefined, initialize())).status).toBe(401);
    session.close();
  });

  it('refuses a Host that is not loopback and a foreign Origin with 403', async () => {
    for (const [method, target] of [['GET', '/sse'], ['POST', '/messages?sessionId=x']] as const) {
      const status = await new Promise<number>((resolve, reject) => {
        // fetch() cannot set Host; node:http can.
        const req = request(`${origin}${target}`, { method, headers: { Host: 'evil.example', Accept: 'text/event-stream', Authorization: `Bearer ${tokenA}`, 'Content-Type': 'application/json' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.once('error', reject);
        req.end(method === 'POST' ? initialize() : undefined);
      });
      expect(status, target).toBe(403);
    }
    expect((await rawFetch(`${origin}/sse`, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${tokenA}`, Origin: 'http://evil.example' } })).status).toBe(403);
    const session = await openStream(tokenA);
    expect((await post(session.postUrl, tokenA, initialize(), { Origin: 'http://evil.example' })).status).toBe(403);
    session.close();
  });

  it('binds a session to its token\'s client: another client\'s token gets 403, an unknown session 404', async () => {
    const session = await openStream(tokenA);
    const hijack = await post(session.postUrl, tokenB, initialize());
    expect(hijack.status).toBe(403);
    expect(((await hijack.json()) as { error: { code: number } }).error.code).toBe(-32001);
    const unknown = await post(`${origin}/messages?sessionId=00000000-0000-0000-0000-000000000000`, tokenA, initialize());
    expect(unknown.status).toBe(404);
    expect((await post(`${origin}/messages`, tokenA, initialize())).status).toBe(400);
    // Its id names no /mcp session, even for its owner.
    const sessionId = new URL(session.postUrl).searchParams.get('sessionId')!;
    expect((await post(`${origin}/mcp`, tokenA, initialize(), { Accept: 'application/json, text/event-stream', 'Mcp-Session-Id': sessionId })).status).toBe(404);
    // The owner's own POST still works, and nothing B sent reached the session.
    expect((await post(session.postUrl, tokenA, initialize(7))).status).toBe(202);
    await waitFor('the answer to the owner\'s initialize', () => session.text().includes('"id":7'));
    expect(session.text()).not.toMatch(/"id":1\b/);
    session.close();
  });

  it('answers malformed JSON with a JSON-RPC parse error (400), a wrong type 415, a body over the limit 413, and the session and hub still serve', async () => {
    const session = await openStream(tokenA);
    const broken = await post(session.postUrl, tokenA, '{"jsonrpc": "2.0", "id": 1, "method": "initia');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    const batch = await post(session.postUrl, tokenA, `[${initialize()}]`);
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as { error: { code: number } }).error.code).toBe(-32600);

    expect((await post(session.postUrl, tokenA, initialize(), { 'Content-Type': 'text/plain' })).status).toBe(415);
    // Over the body limit by its declared length: refused before it is read.
    const tooLarge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(session.postUrl, { method: 'POST', headers: { Authorization: `Bearer ${tokenA}`, 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 1) } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.once('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
      req.write('{"jsonrpc":"2.0"');
    });
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.body)).toMatchObject({ jsonrpc: '2.0', error: { code: -32600 } });

    expect((await post(session.postUrl, tokenA, initialize(3))).status).toBe(202);
    const answer = await waitFor('the initialize answer on the stream', () => {
      const line = session.text().split('\n').find((l) => l.startsWith('data: {') && l.includes('"id":3'));
      return line ? (JSON.parse(line.slice('data: '.length)) as { result: { protocolVersion: string } }) : undefined;
    });
    expect(answer.result.protocolVersion).toBe(OLD);
    await post(session.postUrl, tokenA, JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    expect((await post(session.postUrl, tokenA, JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'peek', arguments: {} } }))).status).toBe(202);
    await waitFor('the peek answer on the stream', () => /"id":4\b/.test(session.text()));
    expect(session.text()).toMatch(/counter=0/);
    session.close();
  });

  it(`counts its sessions against the same per-client cap as /mcp sessions (${MAX_SESSIONS_PER_CLIENT}), both ways`, async () => {
    const token = await clientToken(dataDir, 'capped');
    const mcp = `${origin}/mcp`;
    const openMcp = async () => {
      const res = await post(mcp, token, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'capped', version: '1' } } }), { Accept: 'application/json, text/event-stream' });
      expect(res.status).toBe(200);
      await res.text();
      return res.headers.get('mcp-session-id')!;
    };
    const pingMcp = async (sessionId: string) => (await post(mcp, token, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }), { Accept: 'application/json, text/event-stream', 'Mcp-Session-Id': sessionId })).status;

    // The oldest of 16 is an HTTP+SSE session: the 17th, on /mcp, closes it.
    const legacy = await openStream(token);
    const ids: string[] = [];
    for (let i = 1; i < MAX_SESSIONS_PER_CLIENT; i++) ids.push(await openMcp());
    ids.push(await openMcp());
    await waitFor('the HTTP+SSE stream to end', () => legacy.ended());
    expect((await post(legacy.postUrl, token, initialize())).status).toBe(404);
    // And an HTTP+SSE session closes the least recently used /mcp one.
    expect(await pingMcp(ids[0]!)).toBe(200);
    const second = await openStream(token);
    expect(await pingMcp(ids[1]!)).toBe(404);
    expect(await pingMcp(ids[0]!)).toBe(200);
    const shown = (await cliJson<HubStatus>(dataDir, ['status'])).clients.filter((c) => c.id === 'capped');
    expect(shown).toHaveLength(MAX_SESSIONS_PER_CLIENT);
    second.close();
  });
});
