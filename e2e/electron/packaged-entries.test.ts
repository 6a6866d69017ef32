// The packaged app's IDE entries and bundled servers without Electron's runAsNode fuse: the built
// main process runs under a double of the `electron` module (no Electron binary here) playing a
// packaged app, whose resources/ hold the real bundled servers and the real runtime
// (dist/runtime/mcp-tray-runtime, a Node single executable application). Everything but Electron is
// real: the hub, the keychain, the runtime, the SDK client as the IDE.
// - An entry an older version wrote (the app run as Node, ELECTRON_RUN_AS_NODE=1) is rewritten on
//   the first start of the new version, from the install records, and left alone on the next start.
// - "Install into IDE" writes an entry that runs the runtime, without ELECTRON_RUN_AS_NODE; an SDK
//   client lists tools through it, including those of a bundled server the runtime runs.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cli, cliJson, NODE, REPO, tempDir, testServerDefinition, waitFor, writeSettings } from '../helpers/hub-process.ts';
import { ensureAppBuilt } from './fixtures/built-app.ts';
import { ensureRuntimeBuilt } from './fixtures/built-runtime.ts';

const MAIN = path.join(REPO, 'dist', 'electron', 'main.js');
const REGISTER = path.join(REPO, 'e2e', 'electron', 'fixtures', 'electron-double', 'register.ts');

interface Status {
  servers: Array<{ id: string; state: string; pid?: number }>;
}
interface Entry {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

let resources: string;
let runtime: string;
beforeAll(() => {
  ensureAppBuilt();
  ensureRuntimeBuilt();
  // resources/ of a packaged app: the runtime and the bundled servers as `npm run dist` ships them.
  resources = tempDir('mcp-tray-resources-');
  symlinkSync(path.join(REPO, 'dist', 'runtime'), path.join(resources, 'runtime'));
  symlinkSync(path.join(REPO, 'dist', 'servers'), path.join(resources, 'servers'));
  runtime = path.join(resources, 'runtime', 'mcp-tray-runtime');
}, 300_000);

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(async () => {
  for (const main of running.splice(0)) {
    if (main.exitCode !== null) continue;
    const exited = new Promise((resolve) => main.once('exit', resolve));
    main.kill('SIGTERM');
    await exited;
  }
});

/** The packaged app (under the double) at `version`, on `dataDir` with `home` as HOME. */
async function startApp(dataDir: string, home: string, version: string): Promise<{ stderr: () => string }> {
  let stderr = '';
  const main = spawn(NODE, ['--import', REGISTER, MAIN, '--data-dir', dataDir, '--background'], {
    env: { ...process.env, HOME: home, MCP_TRAY_E2E: '1', ELECTRON_DOUBLE_HOME: tempDir('mcp-tray-double-home-'), ELECTRON_DOUBLE_RESOURCES: resources, ELECTRON_DOUBLE_VERSION: version },
  });
  running.push(main);
  main.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve) => {
    const lines = createInterface({ input: main.stdout });
    lines.on('line', (line) => {
      if (line === '{"reply":true}') resolve();
      else if (line.startsWith('{"reply"')) setTimeout(() => main.stdin.write('{"cmd":"ready"}\n'), 200);
    });
  });
  main.stdin.write('{"cmd":"ready"}\n');
  await Promise.race([ready, new Promise((_, reject) => main.once('exit', () => reject(new Error(`the app exited; stderr:\n${stderr}`))))]);
  await waitFor('both servers to run', async () => (await cliJson<Status>(dataDir, ['status'])).servers.every((s) => s.state === 'running'), 60_000);
  return { stderr: () => stderr };
}

const exeOf = (pid: number) => {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return undefined;
  }
};

/** A process and all below it (Linux: /proc/<pid>/task/<tid>/children). */
function processTree(pid: number): number[] {
  const children = (() => {
    try {
      return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      return [];
    }
  })();
  return [pid, ...children.flatMap(processTree)];
}

const cursorConfig = (home: string) => path.join(home, '.cursor', 'mcp.json');
const cursorEntry = (home: string) => (JSON.parse(readFileSync(cursorConfig(home), 'utf8')) as { mcpServers: Record<string, Entry> }).mcpServers['mcp-tray']!;

function setUp(): { dataDir: string; home: string } {
  const dataDir = tempDir('mcp-tray-packaged-');
  const home = tempDir('mcp-tray-home-');
  writeSettings(dataDir, {
    port: 0,
    servers: [testServerDefinition('counter'), { id: 'memory', name: 'Memory', kind: 'bundled', bundled: 'memory', options: { memoryFile: path.join(dataDir, 'memory.jsonl') } }],
  });
  return { dataDir, home };
}

async function listToolsThrough(entry: Entry): Promise<string[]> {
  const ide = new Client({ name: 'cursor-test', version: '1.0.0' });
  // Only what the entry says, plus what an IDE always passes (PATH, HOME…): no ELECTRON_RUN_AS_NODE.
  await ide.connect(new StdioClientTransport({ command: entry.command, args: entry.args, env: entry.env, stderr: 'pipe' }));
  try {
    return (await ide.listTools()).tools.map((t) => t.name).sort();
  } finally {
    await ide.close();
  }
}

describe('the packaged app without the runAsNode fuse', () => {
  it('runs its bundled servers with its own runtime, and "Install into IDE" writes an entry that lists tools without ELECTRON_RUN_AS_NODE', async () => {
    const { dataDir, home } = setUp();
    await startApp(dataDir, home, '1.0.0');
    // The bundled server's program is the runtime (Linux: /proc/<pid>/exe), not the app as Node;
    // under its sandbox the process the hub started is bubblewrap, with the runtime below it.
    const memory = (await cliJson<Status>(dataDir, ['status'])).servers.find((s) => s.id === 'memory');
    expect(processTree(memory!.pid!).map((pid) => exeOf(pid))).toContain(realpathSync(runtime));

    const installed = await cli(dataDir, ['install', 'cursor'], { env: { HOME: home } });
    expect(installed.code, installed.stderr).toBe(0);
    const entry = cursorEntry(home);
    expect(entry).toEqual({ command: runtime, args: ['bridge', '--client', 'cursor', '--data-dir', dataDir], env: { MCP_TRAY_APP: NODE } });
    const tools = await listToolsThrough(entry);
    // Read tools of the counter and of the bundled memory server (write mode is off: no write tools).
    expect(tools).toEqual(expect.arrayContaining(['peek', 'open_nodes', 'read_graph']));
  });

  it('rewrites an entry an older version wrote (the app as Node) on the first start of the new version, once', async () => {
    const { dataDir, home } = setUp();
    const oldApp = '/opt/MCP Tray/mcp-tray';
    const oldEntry = { command: oldApp, args: ['/opt/MCP Tray/resources/bridge/mcp-tray.mjs', 'bridge', '--client', 'cursor', '--data-dir', dataDir], env: { ELECTRON_RUN_AS_NODE: '1', MCP_TRAY_APP: oldApp } };
    mkdirSync(path.dirname(cursorConfig(home)), { recursive: true });
    writeFileSync(cursorConfig(home), `${JSON.stringify({ mcpServers: { other: { command: 'other-server' }, 'mcp-tray': oldEntry } }, null, 2)}\n`);
    // What the older version recorded when it installed.
    writeFileSync(path.join(dataDir, 'client-installs.json'), JSON.stringify({ cursor: { path: cursorConfig(home), createdFile: true, createdContainer: true, transport: 'stdio', via: 'file', at: '2025-01-01T00:00:00.000Z' } }), { mode: 0o600 });

    const app = await startApp(dataDir, home, '1.1.0');
    const entry = cursorEntry(home);
    expect(entry).toEqual({ command: runtime, args: ['bridge', '--client', 'cursor', '--data-dir', dataDir], env: { MCP_TRAY_APP: NODE } });
    expect(JSON.parse(readFileSync(cursorConfig(home), 'utf8')).mcpServers.other).toEqual({ command: 'other-server' });
    expect(app.stderr()).toContain('rewrote the Cursor entry for this version of the app');
    expect(await listToolsThrough(entry)).toEqual(expect.arrayContaining(['peek', 'read_graph']));

    // The same version again: the user's own change to the entry stays.
    const edited = { ...entry, args: [...entry.args, '--extra'] };
    writeFileSync(cursorConfig(home), `${JSON.stringify({ mcpServers: { 'mcp-tray': edited } }, null, 2)}\n`);
    for (const main of running.splice(0)) {
      const exited = new Promise((resolve) => main.once('exit', resolve));
      main.kill('SIGTERM');
      await exited;
    }
    await startApp(dataDir, home, '1.1.0');
    expect(cursorEntry(home)).toEqual(edited);
  });
});
