// What a new user meets in the first hour with the CLI, through the real binary: help for every
// command, one-line errors (a closed pipe, a data dir that is a file or cannot be made, bad input),
// a second hub that points at the first and exits, read-only commands without a hub, and a server
// whose command is not installed.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubStatus, ServerStatus } from '../../electron/hub/contract/contract.ts';
import type { ClientRow } from '../../electron/hub/contract/api/clients.ts';
import { BIN, NODE, cli, cliJson, connectBridge, startHub, tempDir, testServerDefinition, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

/** Runs the CLI with the read end of its stdout closed at once, as `| head` does once it has enough. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('help', () => {
  it('every command answers --help and help COMMAND with its usage, exit 0', async () => {
    for (const words of [['install'], ['approvals'], ['approvals', 'approve'], ['log'], ['servers', 'add'], ['settings', 'denied-paths']]) {
      const viaFlag = await cli(tempDir(), [...words, '--help']);
      const viaHelp = await cli(tempDir(), ['help', ...words]);
      expect(viaFlag.code, words.join(' ')).toBe(0);
      expect(viaFlag.stdout).toBe(viaHelp.stdout);
      expect(viaFlag.stdout).toContain(`mcp-tray ${words.join(' ')}`);
      expect(viaFlag.stderr).toBe('');
    }
  });
});

describe('errors are one line with the next step', () => {
  it('a closed pipe ends the command quietly (mcp-tray --help | head -1)', async () => {
    const result = await runWithClosedStdout(['--help']);
    expect(result).toEqual({ code: 0, stderr: '' });
  });

  it('a data dir that is a file', async () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const result = await cli(file, ['serve', '--no-open', '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`mcp-tray: the data folder ${file} is a file, not a folder; choose another with --data-dir D or MCP_TRAY_HOME\n`);
  });

  it.skipIf(process.platform !== 'linux')('a data dir that cannot be made (under /proc) fails at once instead of spinning', async () => {
    const result = await cli('/proc/nope', ['serve', '--no-open', '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('mcp-tray: cannot create the data folder /proc/nope (/proc/nope: ENOENT); choose another with --data-dir D or MCP_TRAY_HOME\n');
  });

  it('bad input: an unknown option, a missing argument, a wrong value', async () => {
    for (const [args, pattern] of [
      [['install', '--bogus', 'cursor'], /^mcp-tray: unknown option --bogus for mcp-tray install; see: mcp-tray install --help\n$/],
      [['approvals', 'approve'], /^mcp-tray: mcp-tray approvals approve needs ID; usage: mcp-tray approvals approve ID/],
      [['log', '--limit', 'lots'], /^mcp-tray: --limit must be a whole number from 1 to 1000, not "lots"\n$/],
      [['frob'], /^mcp-tray: unknown command "frob"; run "mcp-tray --help" for the list\n$/],
    ] as const) {
      const result = await cli(tempDir(), [...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(pattern);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('with a hub running', () => {
  let dataDir: string;
  let hub: HubProcess;
  let ide: Client;

  beforeAll(async () => {
    dataDir = tempDir();
    writeSettings(dataDir, { servers: [testServerDefinition('demo')] });
    hub = await startHub(dataDir);
    ide = await connectBridge(dataDir, 'cursor');
    await ide.callTool({ name: 'peek', arguments: {} });
  });

  afterAll(async () => {
    await ide?.close();
    await hub?.stop();
  });

  it('status | head ends quietly too', async () => {
    expect(await runWithClosedStdout(['--data-dir', dataDir, 'status'])).toEqual({ code: 0, stderr: '' });
  });

  it('a second serve prints where the running hub is and a sign-in link, and exits 0 at once', async () => {
    const status = await cliJson<HubStatus>(dataDir, ['status']);
    const second = await cli(dataDir, ['serve', '--no-open', '--port', '0']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`MCP Tray hub is already running (pid ${status.pid}, data: ${dataDir}); not starting another`);
    expect(second.stdout).toContain(`UI:           ${status.endpoints.ui}`);
    expect(second.stdout).toMatch(/Sign in: {6}http:\/\/127\.0\.0\.1:\d+\/login\?code=/);
    // The first hub is untouched and still serves.
    expect((await ide.callTool({ name: 'peek', arguments: {} })).isError).toBeFalsy();
  });

  it('servers add with a command that is not installed: added, "not installed" at once, a short reason', async () => {
    const added = await cli(dataDir, ['servers', 'add', 'bogus', '--', 'does-not-exist-xyz']);
    expect(added.code).toBe(0);
    const [first, ...reach] = added.stdout.split('\n');
    expect(first).toBe('added bogus: not installed ("does-not-exist-xyz" is not installed (not found on your login PATH); install it, then restart this server)');
    // Then what the new server may reach under its sandbox (docs/sandbox.md).
    expect(reach.join('\n')).toMatch(/^ {2}sandbox: standard/);
    const server = (await cliJson<HubStatus>(dataDir, ['status'])).servers.find((s) => s.id === 'bogus') as ServerStatus;
    expect(server.state).toBe('not-installed');
    expect(server.failures).toBe(0);
    expect(server.problem!.length).toBeLessThan(160);
    expect(JSON.stringify(server)).not.toContain('PATH=');
    // The details are in the server's own log.
    const log = await cli(dataDir, ['servers', 'log', 'bogus']);
    expect(log.stdout).toMatch(/start failed: command not found: does-not-exist-xyz \(looked in PATH=/);
    const text = await cli(dataDir, ['status']);
    expect(text.stdout).toMatch(/bogus\s+not-installed/);
  });
});

describe('read-only commands without a hub', () => {
  let dataDir: string;
  let home: string;

  beforeAll(async () => {
    dataDir = tempDir();
    home = tempDir('mcp-tray-home-');
    writeSettings(dataDir, { servers: [testServerDefinition('demo')] });
    const hub = await startHub(dataDir);
    const ide = await connectBridge(dataDir, 'cursor');
    await ide.callTool({ name: 'peek', arguments: {} });
    await ide.close();
    await hub.stop();
  });

  it('log reads the call log file and says the hub is not running', async () => {
    const result = await cli(dataDir, ['log']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`mcp-tray: the hub is not running; read the call log file of ${dataDir}\n`);
    expect(result.stdout).toMatch(/cursor\/cursor-ide {2}demo\/peek {2}auto-read → ok/);
    const exported = await cli(dataDir, ['log', '--export', 'jsonl']);
    expect(exported.stdout.trim().split('\n')).toHaveLength(1);
    const follow = await cli(dataDir, ['log', '--follow']);
    expect(follow.code).toBe(1);
    expect(follow.stderr).toMatch(/^mcp-tray: --follow needs the running hub/);
  });

  it('clients lists the IDE configs and says the hub is not running', async () => {
    const result = await cli(dataDir, ['clients', '--json'], { env: { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/the hub is not running; read the IDE config files only/);
    const rows = JSON.parse(result.stdout) as ClientRow[];
    expect(rows.find((r) => r.id === 'cursor')!.configPath).toBe(path.join(home, '.cursor', 'mcp.json'));
  });

  it('install --dry-run shows the diff, writes nothing, and says so', async () => {
    const result = await cli(dataDir, ['install', 'cursor', '--dry-run'], { env: { HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+    "mcp-tray": {');
    expect(result.stdout).toContain('(dry run: nothing was written)');
    expect(result.stderr).toMatch(/the hub is not running; this dry run read only .*\.cursor\/mcp\.json/);
    expect(existsSync(path.join(home, '.cursor', 'mcp.json'))).toBe(false);
    const real = await cli(dataDir, ['install', 'cursor'], { env: { HOME: home } });
    expect(real.code).toBe(1);
    expect(real.stderr).toMatch(/^mcp-tray: the hub is not running for .*; start it with "mcp-tray serve"/);
    expect(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')).toContain('demo');
  });
});
