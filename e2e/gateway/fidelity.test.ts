// The hub is invisible. With the official server-everything as the upstream — over stdio
// and as a remote Streamable HTTP server — two clients connected at once through the bridge or the
// HTTP endpoint see what a direct client sees, plus the hub's policy: content types, structured
// content, their own progress tokens, cancellation, logging, list_changed, subscriptions,
// completion, and sampling/elicitation routed to the client whose call caused them.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  CallToolResultSchema,
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
  ProgressNotificationSchema,
  ResourceUpdatedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { LogEntry } from '../../electron/hub/contract/call-log-shapes.ts';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import {
  NODE,
  REPO,
  callsReceived,
  cli,
  cliJson,
  clientToken,
  connectBridge,
  connectHttp,
  startEverythingHttp,
  startHub,
  tempDir,
  testServerDefinition,
  waitFor,
  writeSettings,
  type HubProcess,
} from '../helpers/hub-process.ts';

const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');
const CAPABILITIES = { capabilities: { sampling: {}, elicitation: { form: {} } } };

interface Observed {
  progressTokens: Array<string | number>;
  logs: unknown[];
  updated: string[];
  listChanged: number;
  samplingCalls: number;
  elicitCalls: number;
}

function observe(client: Client, name: string): Observed {
  const seen: Observed = { progressTokens: [], logs: [], updated: [], listChanged: 0, samplingCalls: 0, elicitCalls: 0 };
  client.setNotificationHandler(ProgressNotificationSchema, (n) => void seen.progressTokens.push(n.params.progressToken));
  client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void seen.logs.push(n.params));
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => void seen.updated.push(n.params.uri));
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => void seen.listChanged++);
  client.setRequestHandler(CreateMessageRequestSchema, async () => {
    seen.samplingCalls++;
    return { role: 'assistant', model: `model-of-${name}`, content: { type: 'text', text: `sampled by ${name}` } };
  });
  client.setRequestHandler(ElicitRequestSchema, async () => {
    seen.elicitCalls++;
    return { action: 'accept', content: { name: `elicited by ${name}`, color: 'red' } };
  });
  return seen;
}

const DETERMINISTIC_CALLS: Array<[string, Record<string, unknown>]> = [
  ['echo', { message: 'hello through the hub' }],
  ['get-sum', { a: 2, b: 40 }],
  ['get-tiny-image', {}],
  ['get-annotated-message', { messageType: 'error', includeImage: true }],
  ['get-resource-reference', { resourceType: 'Text', resourceId: 3 }],
  ['get-resource-links', { count: 3 }],
  ['get-structured-content', { location: 'New York' }],
];

describe.each([
  ['bridge', 'stdio'],
  ['bridge', 'http'],
  ['http', 'stdio'],
  ['http', 'http'],
] as const)('through the %s, with server-everything over %s', (carrier, upstream) => {
  let dataDir: string;
  let hub: HubProcess;
  let remote: Awaited<ReturnType<typeof startEverythingHttp>> | undefined;
  let direct: Client;
  let a: Client;
  let b: Client;
  let seenA: Observed;
  let seenB: Observed;
  let callsFile: string;

  beforeAll(async () => {
    dataDir = tempDir();
    callsFile = path.join(dataDir, 'counter-calls.jsonl');
    remote = upstream === 'http' ? await startEverythingHttp() : undefined;
    const everything =
      upstream === 'http'
        ? { id: 'everything', name: 'everything', kind: 'http', url: remote!.url, writeMode: 'allow' }
        : { id: 'everything', name: 'everything', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'], writeMode: 'allow' };
    writeSettings(dataDir, { servers: [everything, testServerDefinition('counter', ['--calls-file', callsFile], { enabled: false })] });
    hub = await startHub(dataDir);
    await waitFor('everything to list its conditional tools', async () => {
      const status = await cliJson<HubStatus>(dataDir, ['status']);
      return status.servers.find((s) => s.id === 'everything')?.tools.some((t) => t.name === 'trigger-sampling-request');
    });
    direct = new Client({ name: 'direct', version: '1' }, CAPABILITIES);
    await direct.connect(new StdioClientTransport({ command: NODE, args: [EVERYTHING, 'stdio'], stderr: 'pipe' }));
    if (carrier === 'bridge') {
      a = await connectBridge(dataDir, 'client-a', { name: 'A', version: '1' }, CAPABILITIES);
      b = await connectBridge(dataDir, 'client-b', { name: 'B', version: '1' }, CAPABILITIES);
    } else {
      const status = await cliJson<HubStatus>(dataDir, ['status']);
      a = await connectHttp(status.endpoints.mcp!, await clientToken(dataDir, 'client-a'), { name: 'A', version: '1' }, CAPABILITIES);
      b = await connectHttp(status.endpoints.mcp!, await clientToken(dataDir, 'client-b'), { name: 'B', version: '1' }, CAPABILITIES);
    }
    seenA = observe(a, 'A');
    seenB = observe(b, 'B');
  });

  afterAll(async () => {
    await Promise.all([a, b, direct].map((c) => c?.close().catch(() => undefined)));
    await hub?.stop();
    await remote?.stop();
  });

  it('passes every content type and structuredContent unchanged', async () => {
    // server-everything stamps dynamic resources with the wall-clock time; that part may differ.
    const sameClock = (result: unknown) => JSON.parse(JSON.stringify(result).replace(/created at [^"\\]+/g, 'created at <time>')) as unknown;
    for (const [name, args] of DETERMINISTIC_CALLS) {
      const expected = sameClock(await direct.callTool({ name, arguments: args }));
      const [fromA, fromB] = await Promise.all([a.callTool({ name, arguments: args }), b.callTool({ name, arguments: args })]);
      expect(sameClock(fromA), name).toEqual(expected);
      expect(sameClock(fromB), name).toEqual(expected);
    }
    const types = new Set(
      (await Promise.all(DETERMINISTIC_CALLS.map(([name, args]) => a.callTool({ name, arguments: args })))).flatMap((r) => (r.content as Array<{ type: string }>).map((c) => c.type)),
    );
    expect([...types].sort()).toEqual(['image', 'resource', 'resource_link', 'text']);
  });

  it('sends progress with each client\'s own token', async () => {
    const call = (client: Client, token: string) =>
      client.request(
        { method: 'tools/call', params: { name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 3 }, _meta: { progressToken: token } } },
        CallToolResultSchema,
      );
    await Promise.all([call(a, 'token-of-A'), call(b, 'token-of-B')]);
    expect(seenA.progressTokens.length).toBeGreaterThanOrEqual(3);
    expect(new Set(seenA.progressTokens)).toEqual(new Set(['token-of-A']));
    expect(new Set(seenB.progressTokens)).toEqual(new Set(['token-of-B']));
  });

  it('delivers logging messages after logging/setLevel', async () => {
    await a.setLoggingLevel('debug');
    // B asks for the most severe level only: what is below it must not reach B from now on. (Before,
    // B may have heard its own server session say it learned B's roots during B's first call.)
    await b.setLoggingLevel('emergency');
    const bHeardBefore = seenB.logs.length;
    await a.callTool({ name: 'toggle-simulated-logging', arguments: {} });
    try {
      // The server picks a random level every 5 s; wait for one that B's level filters out.
      // (The server also logs when it learns a client's roots: only its simulated messages count here.)
      const simulated = (log: { level: string; data?: unknown }) => log.level !== 'emergency' && /level message|level-message/.test(String(log.data));
      const below = await waitFor('a logging message below "emergency" on A', () => (seenA.logs as Array<{ level: string }>).find(simulated), 40_000);
      expect(below).toMatchObject({ level: expect.any(String), data: expect.stringContaining('message') });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((seenB.logs.slice(bHeardBefore) as Array<{ level: string }>).filter((log) => log.level !== 'emergency')).toEqual([]);
    } finally {
      await a.callTool({ name: 'toggle-simulated-logging', arguments: {} });
    }
  });

  it('forwards subscribe, then the server\'s resources/updated, to the subscriber only', async () => {
    const { resources } = await a.listResources();
    const uri = resources.find((r) => r.uri.startsWith('demo://resource/static/document/'))!.uri;
    await a.subscribeResource({ uri });
    await a.callTool({ name: 'toggle-subscriber-updates', arguments: {} });
    await waitFor('resources/updated', () => seenA.updated.includes(uri), 12_000);
    expect(seenB.updated).toEqual([]);
    await a.callTool({ name: 'toggle-subscriber-updates', arguments: {} });
    await a.unsubscribeResource({ uri });
  });

  it('answers completion requests', async () => {
    const expected = await direct.complete({ ref: { type: 'ref/prompt', name: 'completable-prompt' }, argument: { name: 'department', value: 'E' } });
    const result = await a.complete({ ref: { type: 'ref/prompt', name: 'completable-prompt' }, argument: { name: 'department', value: 'E' } });
    expect(result.completion.values.length).toBeGreaterThan(0);
    expect(result).toEqual(expected);
  });

  it('routes sampling and elicitation caused by A\'s call to A, never B, and returns their answers', async () => {
    const sampled = await a.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hi', maxTokens: 10 } });
    expect(JSON.stringify(sampled.content)).toContain('sampled by A');
    expect(seenA.samplingCalls).toBe(1);
    expect(seenB.samplingCalls).toBe(0);
    const elicited = await b.callTool({ name: 'trigger-elicitation-request', arguments: {} });
    expect(JSON.stringify(elicited.content)).toContain('elicited by B');
    expect(seenB.elicitCalls).toBe(1);
    expect(seenA.elicitCalls).toBe(0);
  });

  it('passes a client\'s cancellation to the server, and enabling a second server sends tools/list_changed', async () => {
    const before = seenA.listChanged;
    expect((await cli(dataDir, ['servers', 'enable', 'counter'])).code).toBe(0);
    await waitFor('tools/list_changed on A', () => seenA.listChanged > before);
    await waitFor('tools/list_changed on B', () => seenB.listChanged > 0);
    expect((await a.listTools()).tools.map((t) => t.name)).toContain('slow');

    const controller = new AbortController();
    const call = a.callTool({ name: 'slow', arguments: { ms: 30_000 } }, undefined, { signal: controller.signal });
    await waitFor('the call to reach the server', () => callsReceived(callsFile).some((c) => c.tool === 'slow'));
    controller.abort('user pressed stop');
    await expect(call).rejects.toThrow();
    await waitFor('the server to see the cancellation', () => callsReceived(callsFile).some((c) => c.tool === 'slow-cancelled'));
  });
});

describe('name collisions', () => {
  it('makes both same-named tools reachable under prefixed names of at most 64 characters', async () => {
    const dataDir = tempDir();
    const callsOne = path.join(dataDir, 'one.jsonl');
    const callsTwo = path.join(dataDir, 'two.jsonl');
    writeSettings(dataDir, {
      servers: [
        testServerDefinition('one', ['--calls-file', callsOne, '--long-name']),
        testServerDefinition('a-server-with-long-id', ['--calls-file', callsTwo, '--long-name']),
      ],
    });
    const hub = await startHub(dataDir);
    try {
      const client = await connectBridge(dataDir, 'ide');
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['one__peek', 'a-server-with-long-id__peek']));
      for (const name of names) expect(name.length).toBeLessThanOrEqual(64);
      const long = names.filter((n) => n.includes('a_very_long'));
      expect(long).toHaveLength(2);
      expect(new Set(long).size).toBe(2);
      await client.callTool({ name: 'one__peek', arguments: {} });
      await client.callTool({ name: 'a-server-with-long-id__peek', arguments: {} });
      // Each server's long-named tool is reached under the name the hub gives it for that server:
      // the call log says which server answered each call.
      const status = await cliJson<HubStatus>(dataDir, ['status']);
      const longCallsLogged = async () =>
        (await cli(dataDir, ['log', '--json', '--limit', '1000'])).stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as LogEntry)
          .filter((entry) => entry.target.startsWith('a_very_long'))
          .map((entry) => entry.serverId);
      const reached: string[] = [];
      for (const id of ['one', 'a-server-with-long-id']) {
        const exposed = status.servers.find((s) => s.id === id)!.tools.find((t) => t.name.startsWith('a_very_long'))!.exposedName;
        expect(long).toContain(exposed);
        expect((await client.callTool({ name: exposed, arguments: {} })).isError).toBeFalsy();
        reached.push(id);
        expect((await longCallsLogged()).sort()).toEqual([...reached].sort());
      }
      expect(callsReceived(callsOne).map((c) => c.tool)).toEqual(['peek']);
      expect(callsReceived(callsTwo).map((c) => c.tool)).toEqual(['peek']);
      await client.close();
    } finally {
      await hub.stop();
    }
  });
});
