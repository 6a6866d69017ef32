// The supervisor with purpose-built misbehaving servers: killed mid-call, crash loops with
// backoff, grandchildren (like npx), stdout noise, on-demand start, restarts seen by clients.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { HubClient } from '../../electron/cli/hub-client.ts';
import type { HubEvent, HubStatus, ServerStatus } from '../../electron/hub/contract/contract.ts';
import { alive, callsReceived, cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

const running: HubProcess[] = [];
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close().catch(() => undefined)));
  await Promise.all(running.splice(0).map((h) => h.stop()));
});

async function hubWith(servers: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const dataDir = tempDir();
  writeSettings(dataDir, { servers, ...extra });
  const hub = await startHub(dataDir);
  running.push(hub);
  return { dataDir, hub };
}

async function server(dataDir: string, id: string): Promise<ServerStatus> {
  const status = await cliJson<HubStatus>(dataDir, ['status']);
  return status.servers.find((s) => s.id === id)!;
}

describe('supervisor', () => {
  it('fails all 10 in-flight calls within 1 s of a SIGKILL, restarts after backoff, and serves the next call', async () => {
    const dir = tempDir();
    const callsFile = path.join(dir, 'calls.jsonl');
    const { dataDir } = await hubWith([testServerDefinition('victim', ['--calls-file', callsFile])]);
    const client = await connectBridge(dataDir, 'ide');
    clients.push(client);
    const pid = (await server(dataDir, 'victim')).pid!;
    // Watch the server's state changes, to see when the restart begins.
    const watcher = await HubClient.connect(dataDir);
    const seen: Array<{ at: number; state: string; nextAttemptAt?: string }> = [];
    await watcher.subscribe((event: HubEvent) => {
      if (event.type === 'server-changed' && event.server.id === 'victim') seen.push({ at: Date.now(), state: event.server.state, nextAttemptAt: event.server.nextAttemptAt });
    });
    const calls = Array.from({ length: 10 }, () => client.callTool({ name: 'slow', arguments: { ms: 30_000 } }).then((r) => ({ at: Date.now(), result: r }), (e: Error) => ({ at: Date.now(), error: e })));
    await waitFor('10 calls to reach the server', () => callsReceived(callsFile).filter((c) => c.tool === 'slow').length === 10);
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    const outcomes = await Promise.all(calls);
    for (const outcome of outcomes) {
      expect(outcome.at - killedAt).toBeLessThan(1000);
      const text = 'result' in outcome ? JSON.stringify(outcome.result.content) : outcome.error.message;
      if ('result' in outcome) expect(outcome.result.isError).toBe(true);
      expect(text).toContain('server \\"victim\\" exited (killed by SIGKILL)');
    }
    const back = await waitFor('the server to run again', async () => {
      const s = await server(dataDir, 'victim');
      return s.state === 'running' && s.pid !== pid ? s : undefined;
    });
    watcher.close();
    expect(back.failures).toBe(1);
    expect(back.lastExit).toMatchObject({ signal: 'SIGKILL' });
    // The exit announced a restart one backoff step (1 s) later, and the new start waited for it.
    const restarting = seen.find((s) => s.state === 'restarting');
    expect(restarting, JSON.stringify(seen)).toBeDefined();
    expect(Date.parse(restarting!.nextAttemptAt!) - Date.parse(back.lastExit!.at)).toBeGreaterThanOrEqual(1000);
    expect(Date.parse(restarting!.nextAttemptAt!) - Date.parse(back.lastExit!.at)).toBeLessThan(1200);
    const starting = seen.find((s) => s.state === 'starting' && s.at > restarting!.at);
    expect(starting, JSON.stringify(seen)).toBeDefined();
    expect(starting!.at - restarting!.at).toBeGreaterThan(1000 - 300);
    expect(starting!.at - restarting!.at).toBeLessThan(1000 + 1500);
    const next = await client.callTool({ name: 'peek', arguments: {} });
    expect(next.isError).toBeFalsy();
  });

  it('backs off 1, 2, 4, 8, 16 s on a server that exits at start, then gives up as crashed; restart brings it back', { timeout: 90_000 }, async () => {
    const dir = tempDir();
    const callsFile = path.join(dir, 'calls.jsonl');
    writeFileSync(`${callsFile}.die-on-start`, '');
    const dataDir = tempDir();
    writeSettings(dataDir, { servers: [testServerDefinition('flaky', ['--calls-file', callsFile])] });
    // Watch state changes from the start: a control connection opened as soon as the socket exists.
    const hubPromise = startHub(dataDir);
    const watcher = await waitFor('the control socket', () => HubClient.connect(dataDir).catch(() => undefined), 10_000, 20);
    const seen: Array<{ at: number; state: string; nextAttemptAt?: string }> = [];
    await watcher.subscribe((event: HubEvent) => {
      if (event.type === 'server-changed' && event.server.id === 'flaky') seen.push({ at: Date.now(), state: event.server.state, nextAttemptAt: event.server.nextAttemptAt });
    });
    running.push(await hubPromise);
    await waitFor('crashed', async () => (await server(dataDir, 'flaky')).state === 'crashed', 45_000, 200);
    watcher.close();

    // Each "restarting" announces its next attempt; the gaps between a failure and that attempt follow the backoff.
    const restarts = seen.filter((s, i) => s.state === 'restarting' && seen[i - 1]?.state !== 'restarting');
    const delays = restarts.map((r) => Math.round((Date.parse(r.nextAttemptAt!) - r.at) / 1000));
    expect(delays).toEqual([1, 2, 4, 8, 16]);
    // …and the next start really happened then.
    const starts = seen.filter((s) => s.state === 'starting').map((s) => s.at);
    for (let i = 0; i < restarts.length; i++) {
      const started = starts.find((t) => t > restarts[i]!.at)!;
      expect((started - restarts[i]!.at) / 1000).toBeGreaterThan(delays[i]! - 0.3);
      expect((started - restarts[i]!.at) / 1000).toBeLessThan(delays[i]! + 1.5);
    }
    const crashed = await server(dataDir, 'flaky');
    expect(crashed.lastExit).toMatchObject({ code: 4 });
    expect(crashed.problem).toContain('gave up');

    rmSync(`${callsFile}.die-on-start`);
    const restarted = await cli(dataDir, ['servers', 'restart', 'flaky']);
    expect(restarted.code, restarted.stderr).toBe(0);
    expect(restarted.stdout).toContain('flaky: running');
  });

  it('leaves no grandchild behind: after stop, after quit, and after SIGKILL of the hub and a new serve', async () => {
    const dir = tempDir();
    const grandchildFile = path.join(dir, 'grandchild.pid');
    const def = testServerDefinition('forker', ['--fork-grandchild', grandchildFile]);
    const readPids = async (dataDir: string) => {
      await waitFor('the grandchild pid', () => existsSync(grandchildFile));
      const grandchild = Number(readFileSync(grandchildFile, 'utf8'));
      const child = (await server(dataDir, 'forker')).pid!;
      rmSync(grandchildFile);
      expect(alive(child) && alive(grandchild)).toBe(true);
      return [child, grandchild];
    };

    // 1. stop (disable) from the CLI
    const { dataDir, hub } = await hubWith([def]);
    let pids = await readPids(dataDir);
    expect((await cli(dataDir, ['servers', 'disable', 'forker'])).code).toBe(0);
    await waitFor('both gone after disable', () => pids.every((p) => !alive(p)), 5000);

    // 2. quit the hub
    await cli(dataDir, ['servers', 'enable', 'forker']);
    pids = await readPids(dataDir);
    await hub.stop('SIGTERM');
    running.splice(running.indexOf(hub), 1);
    await waitFor('both gone after quit', () => pids.every((p) => !alive(p)), 5000);

    // 3. SIGKILL of the hub, then a new serve reaps what it left
    const second = await startHub(dataDir);
    pids = await readPids(dataDir);
    await second.stop('SIGKILL');
    const grandchild = pids[1]!;
    expect(alive(grandchild)).toBe(true); // the hub could not stop it: it was killed
    const third = await startHub(dataDir);
    running.push(third);
    await waitFor('the leftover grandchild to be stopped by the new hub', () => !alive(grandchild), 5000);
    await waitFor('the new hub to report what it stopped', () => third.output().includes('Stopped servers left running by a previous hub that did not exit cleanly: forker'));
  });

  it('keeps a server that prints noise on stdout working, and shows its stderr in servers log', async () => {
    const { dataDir } = await hubWith([testServerDefinition('noisy', ['--noise'])]);
    const client = await connectBridge(dataDir, 'ide');
    clients.push(client);
    for (let i = 0; i < 3; i++) expect((await client.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
    const log = await cli(dataDir, ['servers', 'log', 'noisy']);
    expect(log.stdout).toContain('test-server noise on stderr: peek');
    expect(log.stdout).toContain('[stdout] this is not JSON-RPC: peek');
    expect(readFileSync(path.join(dataDir, 'logs', 'noisy.log'), 'utf8')).toContain('test-server noise on stderr: peek');
  });

  it('starts an on-demand server at its first call while listing its tools before', async () => {
    const dir = tempDir();
    const callsFile = path.join(dir, 'calls.jsonl');
    const { dataDir } = await hubWith([testServerDefinition('lazy', ['--calls-file', callsFile], { startup: 'on-demand' })], { onDemandIdleSeconds: 10 });
    const before = await server(dataDir, 'lazy');
    expect(before.state).toBe('stopped');
    expect(before.pid).toBeUndefined();
    const client = await connectBridge(dataDir, 'ide');
    clients.push(client);
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('peek');
    expect((await server(dataDir, 'lazy')).state).toBe('stopped');
    const result = await client.callTool({ name: 'peek', arguments: {} });
    expect(result.isError).toBeFalsy();
    expect((await server(dataDir, 'lazy')).state).toBe('running');
    await waitFor('idle stop after 10 s', async () => (await server(dataDir, 'lazy')).state === 'stopped', 15_000, 250);
  });

  it('tells a connected client when a restart changed the tools (tools/list_changed, then the new list), and stays quiet when it did not', async () => {
    const flag = path.join(tempDir(), 'no-tools');
    const { dataDir } = await hubWith([testServerDefinition('steady', ['--no-tools-after-restart-file', flag])]);
    const client = await connectBridge(dataDir, 'ide');
    clients.push(client);
    let changed = 0;
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void changed++);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    // The same tools after a restart: nothing to re-list.
    expect((await cli(dataDir, ['servers', 'restart', 'steady'])).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(changed).toBe(0);
    // Back without its tools: told, and the list is empty.
    writeFileSync(flag, '');
    expect((await cli(dataDir, ['servers', 'restart', 'steady'])).code).toBe(0);
    await waitFor('tools/list_changed', () => changed > 0);
    expect((await client.listTools()).tools).toEqual([]);
    // Back with them: told again, and the list has them.
    rmSync(flag);
    const before = changed;
    expect((await cli(dataDir, ['servers', 'restart', 'steady'])).code).toBe(0);
    await waitFor('tools/list_changed again', () => changed > before);
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('peek');
  });
});
