// A newcomer's first hour, for real: a fresh clone, a fresh HOME, the README's Quick start install,
// `mcp-tray` on PATH the way the README says (npm link into ~/.local), a hub started,
// `mcp-tray install claude-code` (through the real Claude Code CLI), the hub stopped, and then the
// real `claude mcp list` shows mcp-tray connected: its bridge started the hub in the background.
// The Claude Code CLI comes from the npm registry (installed once into a cache folder under the
// temp dir); `claude mcp list` needs no API key and no network (checked: nonessential traffic off).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { claudeCli, npmCache, run } from '../helpers/claude-code-cli.ts';
import { alive, REPO, tempDir, waitFor } from '../helpers/hub-process.ts';

const MINUTES = 60_000;
const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';

const started: number[] = [];
/** A hub the bridge started is found through its data dir even when the test failed midway. */
let findHub: (() => Promise<number | undefined>) | undefined;
afterAll(async () => {
  const found = await findHub?.().catch(() => undefined);
  if (found !== undefined && !started.includes(found)) started.push(found);
  for (const pid of started) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // gone
    }
    await waitFor(`hub ${pid} to exit`, () => !alive(pid), 15_000).catch(() => undefined);
  }
});

describe.skipIf(process.platform !== 'linux')('a newcomer, from a fresh clone to a connected Claude Code', () => {
  it('follows the README and ends with `claude mcp list` showing mcp-tray connected, with no hub left running', { timeout: 25 * MINUTES }, async () => {
    const root = tempDir('mcp-tray-newcomer-');
    const home = path.join(root, 'home');
    mkdirSync(home);
    const checkout = path.join(root, 'mcp-tray');
    const cache = await npmCache();
    const claude = await claudeCli(cache);

    // A fresh clone of this repository (its committed state).
    const cloned = await run('git', ['clone', '--quiet', REPO, checkout], { env: process.env });
    expect(cloned.code, cloned.stderr).toBe(0);

    // The README's Quick start: its first command's install step.
    const readme = readFileSync(path.join(checkout, 'README.md'), 'utf8');
    const quickStart = /## Quick start\n\n```sh\n([^\n]+)\n/.exec(readme)![1]!;
    const install = quickStart.split('&&')[0]!.trim();
    expect(install).toBe('npm install');
    // A newcomer's shell: the system Node (Debian's 20) and npm, a HOME of their own.
    const env: NodeJS.ProcessEnv = {
      HOME: home,
      PATH: `${path.join(home, '.local', 'bin')}:${path.dirname(claude)}:${SYSTEM_PATH}`,
      LANG: 'C.UTF-8',
      npm_config_update_notifier: 'false',
      npm_config_cache: cache,
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
      MCP_TRAY_KEYCHAIN_SERVICE: process.env.MCP_TRAY_KEYCHAIN_SERVICE,
      // Claude Code: no update checks, no telemetry; `mcp list` then needs no network.
      DISABLE_AUTOUPDATER: '1',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    };
    findHub = async () => {
      const status = await run(path.join(checkout, 'bin', 'mcp-tray.js'), ['status', '--json'], { env });
      return status.code === 0 ? (JSON.parse(status.stdout) as HubStatus).pid : undefined;
    };
    const installed = await run('npm', install.split(' ').slice(1), { cwd: checkout, env });
    expect(installed.code, installed.stderr.slice(-2000)).toBe(0);

    // The documented way to get `mcp-tray` on PATH, into a prefix in this HOME.
    expect(readme).toContain('NPM_CONFIG_PREFIX=~/.local npm link');
    const linked = await run('npm', ['link'], { cwd: checkout, env: { ...env, NPM_CONFIG_PREFIX: path.join(home, '.local') } });
    expect(linked.code, linked.stderr.slice(-2000)).toBe(0);
    const which = await run('sh', ['-c', 'command -v mcp-tray'], { env });
    expect(which.stdout.trim()).toBe(path.join(home, '.local', 'bin', 'mcp-tray'));
    // The other documented way runs on the system Node without an engine warning.
    const viaNpx = await run('npx', ['mcp-tray', 'help', 'install'], { cwd: checkout, env });
    expect(viaNpx.code, viaNpx.stderr).toBe(0);
    expect(viaNpx.stdout).toContain('Usage: mcp-tray install CLIENT');
    expect(viaNpx.stderr).not.toContain('EBADENGINE');

    // Tests keep their hubs off the default HTTP port.
    const dataDir = path.join(home, '.config', 'MCP Tray');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ port: 0 }), { mode: 0o600 });

    // The hub the Quick start runs (headless here: no display), then the one-click install.
    const hub = spawn('mcp-tray', ['serve', '--no-open'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    hub.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    hub.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const hubExited = new Promise<number | null>((resolve) => hub.once('exit', resolve));
    await waitFor(() => `the hub to start:\n${output}`, () => output.includes('MCP Tray hub is running'), 60_000);
    const add = await run('mcp-tray', ['install', 'claude-code'], { env });
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/^Installed MCP Tray into Claude Code \(bridge\): with claude mcp remove/);
    hub.kill('SIGTERM');
    expect(await hubExited).toBe(0);
    const none = await run('mcp-tray', ['status'], { env });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no MCP Tray hub is running/);

    // No hub, no terminal: Claude Code's own health check starts the bridge, which starts the hub.
    const list = await run(claude, ['mcp', 'list'], { env, timeout: 2 * MINUTES });
    expect(list.code, `${list.stdout}\n${list.stderr}`).toBe(0);
    expect(list.stdout).toMatch(/^mcp-tray: .*bridge --client claude-code - [✓✔] Connected$/m);
    const status = await run('mcp-tray', ['status', '--json'], { env });
    expect(status.code, status.stderr).toBe(0);
    const running = JSON.parse(status.stdout) as HubStatus;
    started.push(running.pid);
    expect(running.dataDir).toBe(dataDir);
    expect(readFileSync(path.join(dataDir, 'logs', 'hub.log'), 'utf8')).toContain('started by a bridge');
  });
});
