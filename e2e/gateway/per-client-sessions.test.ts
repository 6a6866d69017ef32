// Every client its own upstream session. With the official server-everything as a per-client
// command server, and as a remote Streamable HTTP server (always per client), clients connected
// at once through the bridge and the HTTP endpoint never see each other's server→client traffic:
// two sampling (or elicitation) requests in flight at the same time each reach the client whose
// call caused them, also while a third client holds a long call open; log messages, session
// resources and roots stay with their own client.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
  ResourceListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { HubStatus, ServerStatus } from '../../electron/hub/contract/contract.ts';
import { NODE, REPO, cliJson, clientToken, connectBridge, connectHttp, startEverythingHttp, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
const CAPABILITIES = { capabilities: { sampling: {}, elicitation: { form: {} }, roots: { listChanged: true } } };

type Carrier = 'bridge' | 'http';

/** Resolves once `count` parties have arrived: proof that requests were in flight at the same time. */
function barrier(count: number, timeoutMs = 20_000): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived >= count) open();
    await Promise.race([opened, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${arrived} of ${count} requests arrived together`)), timeoutMs))]);
  };
}

interface Ide {
  readonly name: string;
  readonly client: Client;
  roots: Array<{ uri: string; name: string }>;
  readonly sampled: string[];
  readonly elicited: number[];
  readonly logs: string[];
  resourceListChanged: number;
  toolListChanged: number;
  /** Set by a test: what the next sampling/elicitation handler waits at. */
  meet?: () => Promise<void>;
}

function asIde(name: string, client: Client): Ide {
  const ide: Ide = { name, client, roots: [{ uri: `file:///tmp/roots-of-${name}`, name: `root of ${name}` }], sampled: [], elicited: [], logs: [], resourceListChanged: 0, toolListChanged: 0 };
  client.setRequestHandler(CreateMessageRequestSchema, async (request) => {
    ide.sampled.push(JSON.stringify(request.params.messages));
    await ide.meet?.();
    return { role: 'assistant', model: `model-of-${name}`, content: { type: 'text', text: `sampled by ${name}` } };
  });
  client.setRequestHandler(ElicitRequestSchema, async () => {
    ide.elicited.push(Date.now());
    await ide.meet?.();
    return { action: 'accept', content: { name: `elicited by ${name}`, check: true } };
  });
  client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: ide.roots }));
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void ide.logs.push(String(n.params.data)));
  client.setNotificationHandler(ResourceListChangedNotificationSchema, () => void ide.resourceListChanged++);
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => void ide.toolListChanged++);
  return ide;
}

const textOf = (result: Record<string, unknown>) => (result.content as Array<{ type: string; text?: string }>).map((c) => c.text ?? '').join('\n');

describe.each([
  ['stdio', 'bridge', 'bridge'],
  ['stdio', 'bridge', 'http'],
  ['stdio', 'http', 'http'],
  ['remote', 'bridge', 'bridge'],
  ['remote', 'bridge', 'http'],
  ['remote', 'http', 'http'],
] as const)('server-everything over %s, client A through the %s and B through the %s', (upstream, carrierA, carrierB) => {
  let dataDir: string;
  let hub: HubProcess;
  let remote: Awaited<ReturnType<typeof startEverythingHttp>> | undefined;
  let a: Ide;
  let b: Ide;
  let c: Ide;

  async function connect(carrier: Carrier, name: string): Promise<Ide> {
    const info = { name, version: '1' };
    if (carrier === 'bridge') return asIde(name, await connectBridge(dataDir, `client-${name.toLowerCase()}`, info, CAPABILITIES));
    const url = (await cliJson<HubStatus>(dataDir, ['status'])).endpoints.mcp!;
    return asIde(name, await connectHttp(url, await clientToken(dataDir, `client-${name.toLowerCase()}`), info, CAPABILITIES));
  }

  beforeAll(async () => {
    dataDir = tempDir();
    remote = upstream === 'remote' ? await startEverythingHttp() : undefined;
    const everything =
      upstream === 'remote'
        ? { id: 'everything', name: 'everything', kind: 'http', url: remote!.url, writeMode: 'allow' }
        : { id: 'everything', name: 'everything', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'], writeMode: 'allow', sessions: 'per-client' };
    writeSettings(dataDir, { servers: [everything] });
    hub = await startHub(dataDir);
    await waitFor('everything to list its tools', async () => {
      const status = await cliJson<HubStatus>(dataDir, ['status']);
      return status.servers.find((s) => s.id === 'everything')?.tools.some((t) => t.name === 'trigger-sampling-request');
    });
    a = await connect(carrierA, 'A');
    b = await connect(carrierB, 'B');
    c = await connect('bridge', 'C');
  });

  afterAll(async () => {
    await Promise.all([a, b, c].map((ide) => ide?.client.close().catch(() => undefined)));
    await hub?.stop();
    await remote?.stop();
  });

  it('answers two sampling requests in flight at the same time, each from the client whose call caused it', async () => {
    const meet = barrier(2);
    a.meet = meet;
    b.meet = meet;
    const [fromA, fromB] = await Promise.all([
      a.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'question of A', maxTokens: 10 } }),
      b.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'question of B', maxTokens: 10 } }),
    ]);
    expect(fromA.isError, textOf(fromA)).toBeFalsy();
    expect(fromB.isError, textOf(fromB)).toBeFalsy();
    expect(textOf(fromA)).toContain('sampled by A');
    expect(textOf(fromA)).not.toContain('sampled by B');
    expect(textOf(fromB)).toContain('sampled by B');
    expect(a.sampled.at(-1)).toContain('question of A');
    expect(b.sampled.at(-1)).toContain('question of B');
    expect(c.sampled).toEqual([]);
  });

  it('answers two elicitation requests in flight at the same time, each from its own client', async () => {
    const meet = barrier(2);
    a.meet = meet;
    b.meet = meet;
    const [fromA, fromB] = await Promise.all([
      a.client.callTool({ name: 'trigger-elicitation-request', arguments: {} }),
      b.client.callTool({ name: 'trigger-elicitation-request', arguments: {} }),
    ]);
    expect(textOf(fromA)).toContain('elicited by A');
    expect(textOf(fromA)).not.toContain('elicited by B');
    expect(textOf(fromB)).toContain('elicited by B');
    expect(a.elicited).toHaveLength(1);
    expect(b.elicited).toHaveLength(1);
    expect(c.elicited).toEqual([]);
  });

  it('routes both while a third client holds a long call open to the same server', async () => {
    const long = c.client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 6, steps: 3 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const meet = barrier(2);
    a.meet = meet;
    b.meet = meet;
    const [fromA, fromB] = await Promise.all([
      a.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'again A', maxTokens: 10 } }),
      b.client.callTool({ name: 'trigger-elicitation-request', arguments: {} }),
    ]);
    expect(textOf(fromA)).toContain('sampled by A');
    expect(textOf(fromB)).toContain('elicited by B');
    expect(textOf(await long)).toContain('Long running operation completed');
    expect(c.sampled).toEqual([]);
    expect(c.elicited).toEqual([]);
  });

  it("never sends A's log messages to B, even when B asked for logging", async () => {
    await a.client.setLoggingLevel('debug');
    await b.client.setLoggingLevel('debug');
    const simulated = /-level message|level-message/;
    await a.client.callTool({ name: 'toggle-simulated-logging', arguments: {} });
    try {
      await waitFor('a simulated log message on A', () => a.logs.some((line) => simulated.test(line)), 15_000);
      // The server logs every 5 s: wait for a second message, so B had time to get one too if it would.
      const seen = a.logs.filter((line) => simulated.test(line)).length;
      await waitFor('a second simulated log message on A', () => a.logs.filter((line) => simulated.test(line)).length > seen, 15_000);
      expect(b.logs.filter((line) => simulated.test(line))).toEqual([]);
      expect(c.logs.filter((line) => simulated.test(line))).toEqual([]);
    } finally {
      await a.client.callTool({ name: 'toggle-simulated-logging', arguments: {} });
    }
  });

  it("keeps A's session resource A's: B neither lists nor reads it, nor hears that A's list changed", async () => {
    const name = `only-for-a-${carrierA}-${carrierB}.txt.gz`;
    const uri = `demo://resource/session/${name}`;
    const bListChangedBefore = b.resourceListChanged;
    const aListChangedBefore = a.resourceListChanged;
    const aToolsChangedBefore = a.toolListChanged;
    const made = await a.client.callTool({
      name: 'gzip-file-as-resource',
      arguments: { name, data: `data:text/plain;base64,${Buffer.from('a secret of A').toString('base64')}`, outputType: 'resourceLink' },
    });
    expect(made.isError, textOf(made)).toBeFalsy();
    await waitFor("A's resource in A's list", async () => (await a.client.listResources()).resources.some((r) => r.uri === uri));
    const read = await a.client.readResource({ uri });
    expect(read.contents[0]).toMatchObject({ uri, mimeType: 'application/gzip' });
    expect(a.resourceListChanged).toBeGreaterThan(aListChangedBefore);
    // Only the resource list changed for A.
    expect(a.toolListChanged).toBe(aToolsChangedBefore);

    expect((await b.client.listResources()).resources.map((r) => r.uri)).not.toContain(uri);
    await expect(b.client.readResource({ uri })).rejects.toThrow();
    expect(b.resourceListChanged).toBe(bListChangedBefore);
  });

  it('asks each client for its own roots, and forwards a roots change', async () => {
    const rootsOf = async (ide: Ide) => textOf(await ide.client.callTool({ name: 'get-roots-list', arguments: {} }));
    expect(await rootsOf(b)).toContain('file:///tmp/roots-of-B');
    expect(await rootsOf(b)).not.toContain('roots-of-A');
    expect(await rootsOf(a)).toContain('file:///tmp/roots-of-A');
    b.roots = [{ uri: 'file:///tmp/new-roots-of-B', name: 'new root of B' }];
    await b.client.sendRootsListChanged();
    await waitFor("the server to learn B's new roots", async () => (await rootsOf(b)).includes('new-roots-of-B'));
    expect(await rootsOf(a)).not.toContain('new-roots-of-B');
  });

  it('shows each client session with its own upstream in the server status', async () => {
    const status = await cliJson<ServerStatus[]>(dataDir, ['servers', 'list']);
    const everything = status.find((s) => s.id === 'everything')!;
    expect(everything.sessions).toBe('per-client');
    const labels = everything.clientProcesses.map((p) => p.clientLabel);
    expect(labels).toHaveLength(3);
    expect(new Set(everything.clientProcesses.map((p) => p.sessionId)).size).toBe(3);
    expect(everything.clientProcesses.every((p) => p.state === 'running')).toBe(true);
    if (upstream === 'stdio') expect(new Set(everything.clientProcesses.map((p) => p.pid)).size).toBe(3);
  });
});
