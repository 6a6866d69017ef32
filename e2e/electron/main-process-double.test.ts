// The built main process (dist/electron/main.js, as `npm run build:electron` makes it) run under
// plain Node with a double of the `electron` module (fixtures/electron-double/), since this machine
// cannot download Electron's binary. Everything but Electron is real: the hub, its supervised
// servers (the bundled JavaScript builds in dist/servers), electron-store on settings.json, the
// bundled bridge an IDE entry runs, the CLI. It shows the shell's wiring holds together: the session
// is locked down, the UI protocol serves only the UI with the CSP, IPC answers only the window, the
// tray follows the hub, approvals notify, and Quit stops every server before exiting.
// Not shown here (the double cannot): Chromium, native menus and notifications, packaging.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, cli, cliJson, NODE, REPO, tempDir, testServerDefinition, waitFor, writeSettings } from '../helpers/hub-process.ts';
import { ensureAppBuilt } from './fixtures/built-app.ts';

const MAIN = path.join(REPO, 'dist', 'electron', 'main.js');
const REGISTER = path.join(REPO, 'e2e', 'electron', 'fixtures', 'electron-double', 'register.ts');
const BRIDGE = path.join(REPO, 'dist', 'bridge', 'mcp-tray.mjs');

interface Status {
  servers: Array<{ id: string; state: string; pid?: number; launch: string }>;
}
type Item = { id?: string; label?: string; checked?: boolean; enabled?: boolean; submenu?: Item[] };
const find = (items: Item[], id: string): Item | undefined => {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu && find(item.submenu, id);
    if (inner) return inner;
  }
  return undefined;
};

let main: ChildProcessWithoutNullStreams;
let dataDir: string;
let stderr = '';
let exited: Promise<never>;
const replies: Array<(reply: unknown) => void> = [];

/** One command to the double's driver; replies come back in order. Fails at once if the main process is gone. */
function drive<T = unknown>(command: Record<string, unknown>): Promise<T> {
  const reply = new Promise<T>((resolve) => {
    replies.push(resolve as (reply: unknown) => void);
    main.stdin.write(`${JSON.stringify(command)}\n`);
  });
  return Promise.race([reply, exited]);
}

beforeAll(async () => {
  ensureAppBuilt();
  dataDir = tempDir('mcp-tray-main-');
  writeSettings(dataDir, {
    // Any free port: a fixed one can be taken by another app or test.
    port: 0,
    servers: [
      testServerDefinition('counter'),
      { id: 'memory', name: 'Memory', kind: 'bundled', bundled: 'memory', options: { memoryFile: path.join(dataDir, 'memory.jsonl') } },
    ],
  });
  main = spawn(NODE, ['--import', REGISTER, MAIN, '--data-dir', dataDir, '--background'], {
    env: { ...process.env, MCP_TRAY_E2E: '1', ELECTRON_DOUBLE_HOME: tempDir('mcp-tray-double-home-') },
  });
  main.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  exited = new Promise<never>((_resolve, reject) => main.once('exit', (code, signal) => reject(new Error(`the main process exited (${signal ?? code}); stderr:\n${stderr}`))));
  exited.catch(() => undefined);
  createInterface({ input: main.stdout }).on('line', (line) => {
    if (line.startsWith('{"reply"')) replies.shift()?.((JSON.parse(line) as { reply: unknown }).reply);
  });
  // A main process that exits (a hub that could not start) fails this at once, with its stderr.
  await Promise.race([waitFor(() => `the main process to start its hub (stderr: ${stderr})`, () => drive<boolean>({ cmd: 'ready' }), 30_000, 200), exited]);
  await waitFor('both servers to run', async () => (await cliJson<Status>(dataDir, ['status'])).servers.every((s) => s.state === 'running'), 30_000);
}, 120_000);

afterAll(() => {
  if (main && main.exitCode === null) main.kill('SIGKILL');
});

describe('main process (under an Electron double)', () => {
  it('keeps one instance per data dir and puts Chromium in a subfolder of it', async () => {
    const state = await drive<{ paths: Record<string, string>; singleInstance: boolean }>({ cmd: 'state' });
    expect(state.paths).toEqual({ userData: dataDir, sessionData: path.join(dataDir, 'chromium') });
    expect(state.singleInstance).toBe(true);
  });

  it('runs the hub with the bundled servers built to JavaScript, and settings through electron-store', async () => {
    const status = await cliJson<Status>(dataDir, ['status']);
    expect(status.servers.find((s) => s.id === 'memory')?.launch).toContain(path.join('dist', 'servers', 'memory', 'main.js'));
    // The test wrote settings.json by hand; the app's settings store (electron-store here) has read
    // it and written it back: the schema's defaults are filled in, with the store's file mode.
    const file = path.join(dataDir, 'settings.json');
    const settings = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion?: number; servers: Array<Record<string, unknown>> };
    expect(settings.schemaVersion).toBe(1);
    expect(settings.servers.map((s) => [s.id, s.writeMode])).toEqual([
      ['counter', 'off'],
      ['memory', 'off'],
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('locks the session down and registers only the UI scheme and the control channel', async () => {
    const state = await drive<Record<string, unknown>>({ cmd: 'state' });
    expect(state.session).toEqual({ permissionRequest: true, permissionCheck: true, devicePermission: true, beforeRequest: true });
    expect(state.schemes).toEqual([{ scheme: 'mcp-tray', privileges: { standard: true, secure: true } }]);
    expect(state.protocols).toEqual(['mcp-tray']);
    expect(state.ipcChannels).toEqual(['control:call']);
    expect(state.windows).toEqual([]); // started with --background
  });

  it('serves the built UI with the CSP, and nothing outside it', async () => {
    const index = await drive<{ status: number; headers: Record<string, string>; body: string }>({ cmd: 'fetch', url: 'mcp-tray://app/index.html' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.body).toContain('<!doctype html>');
    expect(await drive({ cmd: 'fetch', url: 'mcp-tray://app/..%2f..%2fpackage.json' })).toMatchObject({ status: 403 });
  });

  it('builds the tray menu from the hub', async () => {
    const menu = await drive<Item[]>({ cmd: 'menu' });
    expect(find(menu, 'status')?.label).toBe('2 of 2 servers running · no clients connected');
    expect(find(menu, 'server:counter')?.label).toBe('counter: running');
    expect(find(menu, 'server:memory:write:off')?.checked).toBe(true);
    const state = await drive<{ tray: { image: string; menu: Item[] } }>({ cmd: 'state' });
    expect(state.tray.image).toMatch(/tray-normal\.png$/);
    expect(find(state.tray.menu, 'quit')?.label).toBe('Quit MCP Tray');
  });

  it('notifies a new approval, counts it in the tray, and takes an IDE entry through the bundled bridge', async () => {
    expect((await cli(dataDir, ['servers', 'write', 'counter', 'ask', '--yes'])).code).toBe(0);
    const ide = new Client({ name: 'cursor-test', version: '1.0.0' });
    // What an IDE entry of the desktop app runs (with Node standing in for the app's executable).
    await ide.connect(new StdioClientTransport({ command: NODE, args: [BRIDGE, 'bridge', '--client', 'cursor', '--data-dir', dataDir], env: { ...(process.env as Record<string, string>), ELECTRON_RUN_AS_NODE: '1' }, stderr: 'pipe' }));
    try {
      const call = ide.callTool({ name: 'bump', arguments: { by: 1 } });
      await waitFor('the tray to count the approval', async () => find(await drive<Item[]>({ cmd: 'menu' }), 'approvals')?.label === 'Pending approvals (1)…');
      const state = await drive<{ notifications: Array<{ title: string; body: string }>; badge: number; tray: { image: string } }>({ cmd: 'state' });
      expect(state.notifications).toEqual([expect.objectContaining({ title: 'Cursor wants to run bump' })]);
      expect(state.badge).toBe(1);
      expect(state.tray.image).toMatch(/tray-attention\.png$/);
      const [pending] = JSON.parse((await cli(dataDir, ['approvals', 'list', '--json'])).stdout) as Array<{ id: string }>;
      expect((await cli(dataDir, ['approvals', 'approve', pending!.id])).code).toBe(0);
      expect((await call).isError).toBeFalsy();
    } finally {
      await ide.close();
    }
  });

  it('opens the locked-down window on a route, and answers IPC from it only', async () => {
    expect(await drive({ cmd: 'ipc', method: 'status', params: {}, trusted: true })).toMatchObject({ thrown: expect.stringContaining('refused') });
    const windows = await drive<Array<{ url: string; visible: boolean; options: { webPreferences: Record<string, unknown> } }>>({ cmd: 'open', route: '/approvals' });
    expect(windows).toHaveLength(1);
    expect(windows[0]!.url).toBe('mcp-tray://app/index.html#/approvals');
    expect(windows[0]!.visible).toBe(true);
    expect(windows[0]!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: path.join(REPO, 'dist', 'electron', 'preload.cjs') });
    const state = await drive<{ windows: Array<{ listeners: string[]; windowOpen: unknown }> }>({ cmd: 'state' });
    expect(state.windows[0]!.listeners).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']));
    expect(state.windows[0]!.windowOpen).toEqual({ action: 'deny' });

    expect(await drive({ cmd: 'ipc', method: 'servers.list', params: {}, trusted: true })).toMatchObject({ result: [expect.objectContaining({ id: 'counter' }), expect.objectContaining({ id: 'memory' })] });
    expect(await drive({ cmd: 'ipc', method: 'servers.writeMode', params: { id: 'memory', mode: 'allow' }, trusted: true })).toMatchObject({ error: { code: 'needs-confirmation' } });
    expect(await drive({ cmd: 'ipc', method: 'status', params: {}, trusted: false })).toMatchObject({ thrown: expect.stringContaining('refused') });
  });

  it('keeps Start at login in settings and leaves a development run out of the OS login items', async () => {
    expect(await drive({ cmd: 'ipc', method: 'settings.update', params: { startAtLogin: true }, trusted: true })).toMatchObject({ result: { startAtLogin: true } });
    // Kept means written to settings.json, where the next start reads it.
    expect((JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as { startAtLogin?: boolean }).startAtLogin).toBe(true);
    await waitFor('the shell to say why', () => stderr.includes('Start at login applies to the installed app'));
    expect((await drive<{ loginItems: unknown[] }>({ cmd: 'state' })).loginItems).toEqual([]);
  });

  it('Quit in the tray stops every server, then exits', async () => {
    const pids = (await cliJson<Status>(dataDir, ['status'])).servers.map((s) => s.pid!);
    expect(pids.every((pid) => alive(pid))).toBe(true);
    const exited = new Promise<number | null>((resolve) => main.once('exit', (code) => resolve(code)));
    void drive({ cmd: 'click', id: 'quit' });
    expect(await exited).toBe(0);
    expect(pids.filter((pid) => alive(pid))).toEqual([]);
    expect(existsSync(path.join(dataDir, 'hub.sock'))).toBe(false);
  });
});
