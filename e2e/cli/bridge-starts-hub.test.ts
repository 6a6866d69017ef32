// With no hub running, the bridge an IDE starts brings up a headless hub in the background (in a
// checkout as in the app) and serves the IDE through it; when an IDE starts four bridges at once,
// exactly one hub starts. The IDE is the real SDK client running the real `mcp-tray bridge`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { alive, cli, cliJson, connectBridge, tempDir, testServerDefinition, waitFor, writeSettings } from '../helpers/hub-process.ts';

const hubs: number[] = [];
const clients: Client[] = [];
const dataDirs: string[] = [];

/** A data dir of this test: whatever hub starts on it is stopped after the test, pass or fail. */
function autostartDir(): string {
  const dir = tempDir('mcp-tray-autostart-');
  dataDirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close().catch(() => undefined);
  for (const dir of dataDirs.splice(0)) for (const pid of servePids(dir)) if (!hubs.includes(pid)) hubs.push(pid);
  for (const pid of hubs.splice(0)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // gone already
    }
    await waitFor(`hub ${pid} to exit`, () => !alive(pid), 15_000);
  }
});

/** Processes whose command line is `… serve … --data-dir <dataDir>` (Linux /proc). */
function servePids(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return argv.includes('serve') && argv.includes(dataDir) && alive(Number(pid));
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.skipIf(process.platform !== 'linux')('the bridge starts the hub when none runs', () => {
  it('starts one headless hub for four bridges started at once, and every IDE gets its tools', async () => {
    const dataDir = autostartDir();
    writeSettings(dataDir, { servers: [testServerDefinition('demo')] });
    const connected = await Promise.all(['cursor', 'vscode', 'zed', 'claude-code'].map((id) => connectBridge(dataDir, id)));
    clients.push(...connected);
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    hubs.push(status.pid);
    for (const client of connected) {
      const tools = await waitFor('the demo tools', async () => ((await client.listTools()).tools.length > 0 ? true : undefined));
      expect(tools).toBe(true);
    }
    expect(servePids(dataDir)).toEqual([status.pid]);
    const log = readFileSync(path.join(dataDir, 'logs', 'hub.log'), 'utf8');
    expect(log.match(/started by a bridge/g)).toHaveLength(1);
    expect(log).toContain('MCP Tray hub is running');
    // The start lock is gone once the hub answers.
    expect(existsSync(path.join(dataDir, 'hub-start.lock'))).toBe(false);
    // The hub outlives the IDE.
    for (const client of clients.splice(0)) await client.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(alive(status.pid)).toBe(true);
  });

  it('takes over a start lock left by a bridge that died', async () => {
    const dataDir = autostartDir();
    writeSettings(dataDir, { servers: [] });
    // A pid that is not running: a child that has exited and been reaped.
    const { spawnSync } = await import('node:child_process');
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    writeFileSync(path.join(dataDir, 'hub-start.lock'), JSON.stringify({ pid: dead, at: new Date().toISOString() }));
    const client = await connectBridge(dataDir, 'cursor');
    clients.push(client);
    hubs.push((await cliJson<HubStatus>(dataDir, ['status'])).pid);
    expect((await client.listTools()).tools).toEqual([]);
  });

  it('says in one line why, and where the log is, when the hub it started exits', async () => {
    const dataDir = autostartDir();
    writeSettings(dataDir, { servers: [] });
    // A folder where the hub's socket must be: the hub cannot start.
    mkdirSync(path.join(dataDir, 'hub.sock', 'in-the-way'), { recursive: true });
    const result = await cli(dataDir, ['bridge', '--client', 'cursor'], { env: { MCP_TRAY_APP: '' } });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^mcp-tray: bridge: the MCP Tray hub is not running and a headless hub exited \(exit code 1\): mcp-tray: .+ \(log: .*logs\/hub\.log\)$/);
    expect(servePids(dataDir)).toEqual([]);
  });
});
