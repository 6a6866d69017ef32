// The processes of a per-client command server: one per client session, started at its first call,
// stopped after idling, capped per server (the next client is told why), isolated from each other
// when one crashes, and never left behind, not even when the hub is killed. And a shared server:
// a request it sends that no one client can answer is refused with how to switch, and switching
// works for the clients already connected.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CreateMessageRequestSchema,
  LoggingMessageNotificationSchema,
  PromptListChangedNotificationSchema,
  ResourceListChangedNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { HubStatus, ServerStatus } from '../../electron/hub/contract/contract.ts';
import { NODE, REPO, alive, callsReceived, cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const EVERYTHING = path.join(REPO, 'node_modules', '@modelcontextprotocol', 'server-everything', 'dist', 'index.js');

const hubs: HubProcess[] = [];
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close().catch(() => undefined)));
  await Promise.all(hubs.splice(0).map((h) => h.stop()));
});

async function hubWith(servers: Record<string, unknown>[], settings: Record<string, unknown> = {}): Promise<{ dataDir: string; hub: HubProcess }> {
  const dataDir = tempDir();
  writeSettings(dataDir, { servers, ...settings });
  const hub = await startHub(dataDir);
  hubs.push(hub);
  return { dataDir, hub };
}

async function ide(dataDir: string, name: string, capabilities: Parameters<typeof connectBridge>[3] = {}): Promise<Client> {
  const client = await connectBridge(dataDir, `client-${name.toLowerCase()}`, { name, version: '1' }, capabilities);
  clients.push(client);
  return client;
}

async function server(dataDir: string, id: string): Promise<ServerStatus> {
  return (await cliJson<ServerStatus[]>(dataDir, ['servers', 'list'])).find((s) => s.id === id)!;
}

const textOf = (result: Record<string, unknown>) => (result.content as Array<{ text?: string }>).map((c) => c.text ?? '').join('\n');

describe('a per-client command server', () => {
  it('serves each client session from its own process, and stops an idle one after perClientIdleSeconds', async () => {
    const callsFile = path.join(tempDir(), 'calls.jsonl');
    const { dataDir } = await hubWith([testServerDefinition('counter', ['--calls-file', callsFile], { sessions: 'per-client' })], { perClientIdleSeconds: 5 });
    const before = await server(dataDir, 'counter');
    // Its own process only learned the tools; no client has one yet.
    expect(before.sessions).toBe('per-client');
    expect(before.state).toBe('stopped');
    expect(before.clientProcesses).toEqual([]);
    expect(before.tools.map((t) => t.name)).toContain('peek');

    const a = await ide(dataDir, 'A');
    const b = await ide(dataDir, 'B');
    await a.callTool({ name: 'peek', arguments: {} });
    await b.callTool({ name: 'peek', arguments: {} });
    await a.callTool({ name: 'peek', arguments: {} });
    const processes = (await server(dataDir, 'counter')).clientProcesses;
    expect(processes.map((p) => p.clientLabel).sort()).toEqual(['client-a', 'client-b']);
    const pidOf = (label: string) => processes.find((p) => p.clientLabel === label)!.pid!;
    const calls = callsReceived(callsFile) as Array<{ tool: string; pid?: number }>;
    expect(calls.map((c) => c.pid)).toEqual([pidOf('client-a'), pidOf('client-b'), pidOf('client-a')]);

    // Idle: both processes stop; the clients stay connected and see the same tools.
    await waitFor('both processes to stop after 5 s idle', async () => (await server(dataDir, 'counter')).clientProcesses.every((p) => p.state === 'stopped' && p.pid === undefined), 20_000);
    expect(alive(pidOf('client-a')) || alive(pidOf('client-b'))).toBe(false);
    expect((await a.listTools()).tools.map((t) => t.name)).toContain('peek');
    expect((await cli(dataDir, ['servers', 'log', 'counter'])).stdout).toContain('[client-a] stopped after 5 s without a call');

    // The next call starts a new one.
    expect((await a.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
    const again = (await server(dataDir, 'counter')).clientProcesses.find((p) => p.clientLabel === 'client-a')!;
    expect(again.state).toBe('running');
    expect(again.pid).not.toBe(pidOf('client-a'));
  });

  it("keeps another client's process running when one client's process crashes, and restarts the crashed one", async () => {
    const callsFile = path.join(tempDir(), 'calls.jsonl');
    const { dataDir } = await hubWith([testServerDefinition('counter', ['--calls-file', callsFile], { sessions: 'per-client' })]);
    const a = await ide(dataDir, 'A');
    const b = await ide(dataDir, 'B');
    await a.callTool({ name: 'peek', arguments: {} });
    await b.callTool({ name: 'peek', arguments: {} });
    const before = (await server(dataDir, 'counter')).clientProcesses;
    const pidA = before.find((p) => p.clientLabel === 'client-a')!.pid!;
    const pidB = before.find((p) => p.clientLabel === 'client-b')!.pid!;

    process.kill(pidA, 'SIGKILL');
    await waitFor("A's process to be seen exiting", async () => (await server(dataDir, 'counter')).clientProcesses.find((p) => p.clientLabel === 'client-a')?.lastExit?.signal === 'SIGKILL');
    // B never notices.
    expect((await b.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
    expect(alive(pidB)).toBe(true);
    const afterCrash = await server(dataDir, 'counter');
    expect(afterCrash.clientProcesses.find((p) => p.clientLabel === 'client-b')).toMatchObject({ pid: pidB, state: 'running', failures: 0 });
    expect(afterCrash.state).not.toBe('crashed');

    // A's process comes back after its backoff, under a new pid, and A's calls work again.
    await waitFor("A's process to be restarted", async () => (await server(dataDir, 'counter')).clientProcesses.find((p) => p.clientLabel === 'client-a')?.state === 'running', 10_000);
    expect((await a.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
    const lastCall = (callsReceived(callsFile) as Array<{ pid?: number }>).at(-1)!;
    expect(lastCall.pid).not.toBe(pidA);
    expect(lastCall.pid).not.toBe(pidB);
  });

  it('runs at most perClientMax processes, tells the next client why, and serves it once a client leaves', async () => {
    const { dataDir } = await hubWith([testServerDefinition('counter', [], { sessions: 'per-client' })], { perClientMax: 2 });
    const a = await ide(dataDir, 'A');
    const b = await ide(dataDir, 'B');
    const c = await ide(dataDir, 'C');
    await a.callTool({ name: 'peek', arguments: {} });
    await b.callTool({ name: 'peek', arguments: {} });
    const refused = await c.callTool({ name: 'peek', arguments: {} });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain('server "counter" runs one process per client session and 2 are running, the most it may run (setting perClientMax = 2)');
    expect(textOf(refused)).toContain('when another client disconnects');
    expect((await server(dataDir, 'counter')).clientProcesses).toHaveLength(3);

    await a.close();
    await waitFor("A's process to go with its session", async () => (await server(dataDir, 'counter')).clientProcesses.every((p) => p.clientLabel !== 'client-a'));
    expect((await c.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
  });

  it('leaves no process behind when the hub is killed: the next hub stops what the processes left', async () => {
    const dir = tempDir();
    const grandchildren = path.join(dir, 'grandchildren');
    const { dataDir, hub } = await hubWith([testServerDefinition('forker', ['--grandchild-log', grandchildren], { sessions: 'per-client' })]);
    const a = await ide(dataDir, 'A');
    const b = await ide(dataDir, 'B');
    await a.callTool({ name: 'peek', arguments: {} });
    await b.callTool({ name: 'peek', arguments: {} });
    const leaders = (await server(dataDir, 'forker')).clientProcesses.map((p) => p.pid!);
    expect(leaders).toHaveLength(2);
    const forked = () => readFileSync(grandchildren, 'utf8').trim().split('\n').map(Number);
    // Three were forked: one by the process that learned the tools (stopped with its group), one per client.
    await waitFor('three grandchildren', () => forked().length === 3);
    const mine = forked().slice(1);
    expect(mine.every(alive)).toBe(true);
    const pidFile = JSON.parse(readFileSync(path.join(dataDir, 'children.pid.json'), 'utf8').toString()) as { groups: Record<string, number> };
    expect(Object.keys(pidFile.groups).filter((key) => key.startsWith('forker@'))).toHaveLength(2);

    await hub.stop('SIGKILL');
    hubs.splice(hubs.indexOf(hub), 1);
    // The hub could not stop them: the grandchildren outlive it, detached from any stdin.
    expect(mine.some(alive)).toBe(true);
    const next = await startHub(dataDir);
    hubs.push(next);
    await waitFor('every process of the killed hub to be gone', () => [...leaders, ...mine].every((pid) => !alive(pid)), 10_000);
    const problems = async () => (await cliJson<HubStatus>(dataDir, ['status'])).problems;
    expect(await problems()).toContain('Stopped servers left running by a previous hub that did not exit cleanly: forker');
    // A hub that stops cleanly stops every client's process before it exits, and leaves the next
    // one nothing to stop.
    const c = await ide(dataDir, 'C');
    await c.callTool({ name: 'peek', arguments: {} });
    const cLeader = (await server(dataDir, 'forker')).clientProcesses.find((p) => p.clientLabel === 'client-c')!.pid!;
    await waitFor("C's grandchild", () => forked().length === 4);
    const cGrandchild = forked().at(-1)!;
    await next.stop();
    hubs.splice(hubs.indexOf(next), 1);
    expect([cLeader, cGrandchild].filter(alive)).toEqual([]);
    const third = await startHub(dataDir);
    hubs.push(third);
    expect((await problems()).filter((p) => p.startsWith('Stopped servers left running'))).toEqual([]);
  });
});

describe('a shared command server', () => {
  it('refuses a request it cannot route with how to switch, keeps logs to those who asked, hides task-only tools, and switches to per-client sessions', async () => {
    const sharedRoot = tempDir('shared-root-');
    const { dataDir } = await hubWith([
      { id: 'everything', name: 'everything', kind: 'stdio', command: NODE, args: [EVERYTHING, 'stdio'], writeMode: 'allow', roots: [sharedRoot] },
      { id: 'memory', name: 'Memory', kind: 'bundled', bundled: 'memory', options: { memoryFile: path.join(tempDir(), 'memory.jsonl') } },
    ]);
    await waitFor('everything to list its tools', async () => (await server(dataDir, 'everything')).tools.some((t) => t.name === 'trigger-sampling-request'));
    const caps = { capabilities: { sampling: {}, roots: { listChanged: true } } };
    const a = await ide(dataDir, 'A', caps);
    const b = await ide(dataDir, 'B', caps);
    const d = await ide(dataDir, 'D');
    const heard: Record<'a' | 'b' | 'd', string[]> = { a: [], b: [], d: [] };
    const changed = { tools: 0, prompts: 0, resources: 0 };
    for (const [key, client] of [['a', a], ['b', b], ['d', d]] as const) client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void heard[key].push(String(n.params.data)));
    for (const [key, client] of [['a', a], ['b', b]] as const) {
      client.setRequestHandler(CreateMessageRequestSchema, async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { role: 'assistant', model: key, content: { type: 'text', text: `sampled by ${key}` } };
      });
    }
    a.setNotificationHandler(ToolListChangedNotificationSchema, () => void changed.tools++);
    a.setNotificationHandler(PromptListChangedNotificationSchema, () => void changed.prompts++);
    a.setNotificationHandler(ResourceListChangedNotificationSchema, () => void changed.resources++);

    // A tool that runs only as a task is never listed, and a call to it says why.
    expect((await server(dataDir, 'everything')).tools.find((t) => t.name === 'simulate-research-query')).toMatchObject({ taskOnly: true, listed: false });
    expect((await a.listTools()).tools.map((t) => t.name)).not.toContain('simulate-research-query');
    await expect(a.callTool({ name: 'simulate-research-query', arguments: { topic: 'x' } })).rejects.toThrow('runs it only as a task');

    // The server's roots on a shared process are the ones set in MCP Tray, and its log says so.
    const roots = textOf(await a.callTool({ name: 'get-roots-list', arguments: {} }));
    expect(roots).toContain(`file://${sharedRoot}`);
    expect((await cli(dataDir, ['servers', 'log', 'everything'])).stdout).toContain("answered the server's roots request with the roots set for it in MCP Tray");

    // Logs go to those who asked (B) and to the only caller, never to D, who neither asked nor called.
    await b.setLoggingLevel('debug');
    await a.callTool({ name: 'toggle-simulated-logging', arguments: {} });
    try {
      await waitFor('two simulated log messages on B', () => heard.b.filter((line) => /level message|level-message/.test(line)).length >= 2, 15_000);
    } finally {
      await a.callTool({ name: 'toggle-simulated-logging', arguments: {} });
    }
    expect(heard.d).toEqual([]);

    // Two sampling requests at once cannot be told apart: refused, with how to switch.
    const both = await Promise.all([
      a.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'a', maxTokens: 5 } }).catch((error: Error) => ({ isError: true, content: [{ type: 'text', text: error.message }] })),
      b.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'b', maxTokens: 5 } }).catch((error: Error) => ({ isError: true, content: [{ type: 'text', text: error.message }] })),
    ]);
    const refusals = both.filter((r) => r.isError).map((r) => textOf(r));
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals[0]).toContain('MCP Tray cannot route this sampling request from server "everything"');
    expect(refusals[0]).toContain('mcp-tray servers set everything sessions=per-client');
    expect((await server(dataDir, 'everything')).unroutedRequest).toMatchObject({ method: 'sampling/createMessage' });

    // Bundled servers stay shared.
    const bundled = await cli(dataDir, ['servers', 'set', 'memory', 'sessions=per-client']);
    expect(bundled.code).not.toBe(0);
    expect(bundled.stderr).toContain('always shared');

    // Write mode changes only the tool list: no prompts or resources list_changed.
    const seen = { ...changed };
    expect((await cli(dataDir, ['servers', 'write', 'everything', 'off'])).code).toBe(0);
    await waitFor('tools/list_changed on A', () => changed.tools > seen.tools);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect({ prompts: changed.prompts, resources: changed.resources }).toEqual({ prompts: seen.prompts, resources: seen.resources });
    expect((await cli(dataDir, ['servers', 'write', 'everything', 'allow', '--yes-allow'])).code).toBe(0);

    // Switching: the clients already connected get their own processes at their next call.
    const switched = await cli(dataDir, ['servers', 'set', 'everything', 'sessions=per-client']);
    expect(switched.code, switched.stderr).toBe(0);
    const after = await server(dataDir, 'everything');
    expect(after.sessions).toBe('per-client');
    expect(after.unroutedRequest).toBeUndefined();
    const [fromA, fromB] = await Promise.all([
      a.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'a', maxTokens: 5 } }),
      b.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'b', maxTokens: 5 } }),
    ]);
    expect(textOf(fromA)).toContain('sampled by a');
    expect(textOf(fromB)).toContain('sampled by b');
  });
});
