// A server in the `standard` sandbox tries what a malicious one would: read the hub's environment
// (/proc/<hub>/environ), list every process, ask the keychain for MCP Tray's entries with secret-tool
// on the session bus, read ~/.ssh/id_ed25519 and MCP Tray's data dir. Every attempt fails; listing
// and reading the folder it is configured for works. The same server with its sandbox off succeeds
// at each attempt, so the test can fail. Run twice: with the hub as root (whose servers would keep
// every capability without --cap-drop ALL) and as an ordinary user (nobody, through setpriv, with a
// HOME of its own). The session bus lives at $XDG_RUNTIME_DIR/bus, where desktops put it, with a
// real gnome-keyring on it holding an entry.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { detectSandboxSupport } from '../../electron/hub/sandbox/sandbox-support.ts';
import { BIN, NODE, waitFor, writeSettings } from '../helpers/hub-process.ts';

const PROBE = fileURLToPath(new URL('./fixtures/sandbox-probe-server.ts', import.meta.url));
const SECRET_SERVICE = `mcp-tray-sandbox-test-${process.pid}`;

const support = await detectSandboxSupport();
const isRoot = process.getuid?.() === 0;
const haveTools = ['dbus-daemon', 'gnome-keyring-daemon', 'secret-tool', 'setpriv'].every((tool) => onPath(tool));
if (!support.available) console.warn(`\n!!! sandbox-standard SKIPPED: this machine cannot sandbox: ${support.reason}\n`);
else if (!haveTools) console.warn('\n!!! sandbox-standard SKIPPED: needs dbus-daemon, gnome-keyring-daemon, secret-tool and setpriv (e2e/setup/system-deps.sh)\n');
if (support.available && !isRoot) console.warn('\n!!! sandbox-standard as another user SKIPPED: becoming nobody needs root (setpriv)\n');

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

interface ProbeReport {
  readonly hubEnviron: string;
  readonly processes: Array<{ pid: string; cmdline: string }>;
  readonly environsWithMarker: number;
  readonly secretTool: { code: number | string; stdout: string; stderr: string };
  readonly kernelSetting: string;
  readonly capabilities: string;
  readonly files: Record<string, string>;
  readonly dirs: Record<string, string[] | string>;
}

/** Everything one run needs: a user, a HOME with an SSH key, a runtime folder with a session bus and a keyring, a data dir, a hub. */
class World {
  readonly base: string;
  readonly home: string;
  readonly runtime: string;
  readonly dataDir: string;
  readonly folder: string;
  readonly marker = `marker-${randomBytes(8).toString('hex')}`;
  readonly keychainEntry = `entry-${randomBytes(8).toString('hex')}`;
  readonly #daemons: ChildProcess[] = [];
  #keyringPid: number | undefined;
  #hub: ChildProcess | undefined;
  hubPid = 0;
  readonly user: 'root' | 'nobody';

  constructor(user: 'root' | 'nobody') {
    this.user = user;
    // Not under /tmp: every sandbox has a /tmp of its own, which would hide all of this by itself.
    this.base = mkdtempSync('/var/tmp/mcp-tray-sandbox-');
    this.home = path.join(this.base, 'home');
    this.runtime = path.join(this.base, 'run');
    this.dataDir = path.join(this.home, '.config', 'MCP Tray');
    this.folder = path.join(this.home, 'project');
    mkdirSync(path.join(this.home, '.ssh'), { recursive: true, mode: 0o700 });
    writeFileSync(path.join(this.home, '.ssh', 'id_ed25519'), '-----BEGIN OPENSSH PRIVATE KEY----- not a real key\n', { mode: 0o600 });
    mkdirSync(this.folder, { recursive: true });
    writeFileSync(path.join(this.folder, 'readme.txt'), 'the project readme\n');
    mkdirSync(path.join(this.home, '.local', 'share', 'keyrings'), { recursive: true, mode: 0o700 });
    mkdirSync(this.runtime, { mode: 0o700 });
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (user === 'nobody') chownTree(this.base, 65534, 65534);
    chmodSync(this.base, 0o755);
  }

  get busAddress(): string {
    return `unix:path=${path.join(this.runtime, 'bus')}`;
  }

  env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: this.home,
      USER: this.user,
      LANG: 'C.UTF-8',
      XDG_RUNTIME_DIR: this.runtime,
      XDG_DATA_HOME: path.join(this.home, '.local', 'share'),
      XDG_CONFIG_HOME: path.join(this.home, '.config'),
      DBUS_SESSION_BUS_ADDRESS: this.busAddress,
      MCP_TRAY_KEYCHAIN_SERVICE: SECRET_SERVICE,
      MCP_TRAY_SANDBOX_TEST_MARKER: this.marker,
    };
  }

  /** A command line run as this world's user. */
  as(command: string, args: string[]): [string, string[]] {
    return this.user === 'root' ? [command, args] : ['setpriv', ['--reuid', 'nobody', '--regid', 'nogroup', '--clear-groups', '--', command, ...args]];
  }

  run(command: string, args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const [file, argv] = this.as(command, args);
    return new Promise((resolve) => {
      const child = execFile(file, argv, { env: this.env(), cwd: '/', timeout: 30_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(input ?? '');
    });
  }

  async startSessionBus(): Promise<void> {
    const [file, argv] = this.as('dbus-daemon', ['--session', `--address=${this.busAddress}`, '--nofork', '--nopidfile']);
    this.#daemons.push(spawn(file, argv, { env: this.env(), stdio: 'ignore' }));
    await waitFor('the session bus socket', () => existsSync(path.join(this.runtime, 'bus')));
    // An empty password unlocks a new login keyring (as e2e/setup/with-keyring.sh does).
    const keyring = await this.run('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--daemonize'], '\n');
    this.#keyringPid = Number(/GNOME_KEYRING_PID=(\d+)/.exec(keyring.stdout)?.[1]) || undefined;
    const stored = await this.run('secret-tool', ['store', '--label', `MCP Tray ${this.keychainEntry}`, 'service', SECRET_SERVICE, 'account', this.keychainEntry], 'a-value-only-the-keychain-holds');
    expect(stored.code, stored.stderr).toBe(0);
  }

  async startHub(): Promise<void> {
    writeSettings(this.dataDir, {
      servers: [
        { id: 'probe', name: 'probe', kind: 'stdio', command: NODE, args: [PROBE], sandbox: 'standard', roots: [this.folder] },
        { id: 'open', name: 'open', kind: 'stdio', command: NODE, args: [PROBE], sandbox: 'off', roots: [this.folder] },
      ],
    });
    if (this.user === 'nobody') chownTree(this.dataDir, 65534, 65534);
    const [file, argv] = this.as(NODE, [BIN, 'serve', '--data-dir', this.dataDir, '--no-open', '--port', '0']);
    const hub = spawn(file, argv, { env: this.env(), cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
    this.#hub = hub;
    let output = '';
    hub.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    hub.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => `the hub to start:\n${output}`, () => output.includes('MCP Tray hub is running') || hub.exitCode !== null, 30_000);
    expect(hub.exitCode, output).toBeNull();
    const status = await this.status();
    this.hubPid = status.pid;
    await waitFor('both servers to run', async () => (await this.status()).servers.every((s) => s.state === 'running'), 30_000);
  }

  async status(): Promise<HubStatus> {
    const result = await this.run(NODE, [BIN, '--data-dir', this.dataDir, 'status', '--json']);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as HubStatus;
  }

  async probe(serverPrefix: 'probe' | 'open'): Promise<ProbeReport> {
    const [file, argv] = this.as(NODE, [BIN, 'bridge', '--client', 'attacker', '--data-dir', this.dataDir]);
    const client = new Client({ name: 'attacker', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: file, args: argv, env: this.env() as Record<string, string>, cwd: '/', stderr: 'pipe' }));
    try {
      const tool = `${serverPrefix}__probe`;
      const result = await client.callTool({
        name: tool,
        arguments: {
          hubPid: this.hubPid,
          marker: this.marker,
          files: [path.join(this.home, '.ssh', 'id_ed25519'), path.join(this.dataDir, 'settings.json'), path.join(this.folder, 'readme.txt')],
          dirs: [this.dataDir, path.join(this.home, '.ssh'), this.folder],
          busAddress: this.busAddress,
          secretService: SECRET_SERVICE,
        },
      });
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      return JSON.parse((result.content as Array<{ text: string }>)[0]!.text) as ProbeReport;
    } finally {
      await client.close();
    }
  }

  async stop(): Promise<void> {
    if (this.#hub && this.#hub.exitCode === null) {
      const exited = new Promise((resolve) => this.#hub!.once('exit', resolve));
      this.#hub.kill('SIGTERM');
      await exited;
    }
    if (this.#keyringPid) killQuietly(this.#keyringPid);
    for (const daemon of this.#daemons) daemon.kill('SIGTERM');
    rmSync(this.base, { recursive: true, force: true });
  }
}

function chownTree(target: string, uid: number, gid: number): void {
  chownSync(target, uid, gid);
  if (!statSync(target).isDirectory()) return;
  for (const entry of readdirSync(target)) chownTree(path.join(target, entry), uid, gid);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

const users: Array<'root' | 'nobody'> = isRoot ? ['root', 'nobody'] : [];
// Without root there is neither --cap-drop to prove nor another user to become: the current user runs it once.
const runs = support.available && haveTools ? (isRoot ? users : (['self'] as const)) : [];

describe.runIf(runs.length > 0).each(runs)('a server in the standard sandbox, hub as %s', (who) => {
  const world = new World(who === 'nobody' ? 'nobody' : 'root');
  let sandboxed: ProbeReport;
  let open: ProbeReport;

  beforeAll(async () => {
    await world.startSessionBus();
    await world.startHub();
    sandboxed = await world.probe('probe');
    open = await world.probe('open');
  }, 90_000);

  afterAll(() => world.stop());

  it('the same attempts succeed without the sandbox (the test can fail)', () => {
    expect(open.hubEnviron).toBe('read:with the marker');
    expect(open.environsWithMarker).toBeGreaterThan(0);
    expect(open.processes.some((p) => p.cmdline.includes(world.dataDir))).toBe(true);
    expect(open.secretTool.code, open.secretTool.stderr).toBe(0);
    expect(open.secretTool.stdout + open.secretTool.stderr).toContain(world.keychainEntry);
    expect(open.files[path.join(world.home, '.ssh', 'id_ed25519')]).toMatch(/^read:-----BEGIN OPENSSH PRIVATE KEY/);
    expect(open.dirs[world.dataDir]).toContain('settings.json');
    if (who === 'root') expect(open.kernelSetting).toBe('written');
  });

  it("cannot read the hub's environment, nor any other process's", () => {
    expect(sandboxed.hubEnviron).toMatch(/^error:/);
    expect(sandboxed.environsWithMarker).toBe(0);
  });

  it('sees only its own processes', () => {
    const cmdlines = sandboxed.processes.map((p) => p.cmdline);
    expect(cmdlines.some((c) => c.includes(world.dataDir) || c.includes('dbus-daemon') || c.includes('gnome-keyring'))).toBe(false);
    // bubblewrap's init, the server, and secret-tool while it ran: nothing of the hub's machine.
    expect(sandboxed.processes.length, JSON.stringify(cmdlines)).toBeLessThanOrEqual(3);
  });

  it('cannot reach the session bus, so secret-tool finds nothing in the keychain', () => {
    expect(sandboxed.secretTool.code).not.toBe(0);
    expect(sandboxed.secretTool.stdout + sandboxed.secretTool.stderr).not.toContain(world.keychainEntry);
  });

  it('cannot read ~/.ssh/id_ed25519 or MCP Tray data dir', () => {
    expect(sandboxed.files[path.join(world.home, '.ssh', 'id_ed25519')]).toMatch(/^error:/);
    expect(sandboxed.dirs[path.join(world.home, '.ssh')]).toMatch(/^error:/);
    expect(sandboxed.files[path.join(world.dataDir, 'settings.json')]).toMatch(/^error:/);
    expect(sandboxed.dirs[world.dataDir]).toMatch(/^error:/);
  });

  it('holds no capability, and cannot change a kernel setting through /proc/sys, even when the hub runs as root', () => {
    expect(sandboxed.capabilities).toBe('0000000000000000');
    expect(sandboxed.kernelSetting).toMatch(/^error:(EROFS|EACCES)$/);
  });

  it('lists and reads the folder it is configured for', () => {
    expect(sandboxed.dirs[world.folder]).toEqual(['readme.txt']);
    expect(sandboxed.files[path.join(world.folder, 'readme.txt')]).toBe('read:the project readme\n');
  });

  it('its card says it is sandboxed, and what it may reach', async () => {
    const status = await world.status();
    const probe = status.servers.find((s) => s.id === 'probe')!;
    expect(probe.sandbox).toMatchObject({ level: 'standard', sandboxed: true, mechanism: 'bubblewrap' });
    expect(probe.sandbox.reach).toContain('its folders: ~/project (read-only while write mode is off)');
    expect(status.servers.find((s) => s.id === 'open')!.sandbox).toMatchObject({ level: 'off', sandboxed: false, reason: 'its sandbox is off' });
  });
});
