// `mcp-tray service install` and `mcp-tray cli install` on this machine (Linux), in a temp HOME: the
// systemd user unit passes systemd-analyze verify and its ExecStart, run for real, is a working
// hub; the command-line shim runs the CLI. (launchd and Windows entries: unit tests of the plans.)
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HubStatus } from '../../electron/hub/contract/contract.ts';
import { cli, cliJson, tempDir, waitFor, writeSettings } from '../helpers/hub-process.ts';

const linux = process.platform === 'linux';

function which(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, binary))) return path.join(dir, binary);
  }
  return undefined;
}

/** The words of a unit's ExecStart= line, unquoted as systemd reads them. */
function execStart(unit: string): string[] {
  const line = unit.split('\n').find((l) => l.startsWith('ExecStart='))!;
  return [...line.slice('ExecStart='.length).matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) =>
    m[1]!.replace(/\\(["\\])/g, '$1').replace(/%%/g, '%').replace(/\$\$/g, '$'),
  );
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { env }, (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

describe.skipIf(!linux)('mcp-tray service install (systemd user unit)', () => {
  it('writes a unit that systemd accepts, enables it, and its ExecStart runs the hub', async () => {
    const home = tempDir('mcp-tray-service-home-');
    const dataDir = tempDir('mcp-tray-service-data-');
    writeSettings(dataDir, { servers: [] });
    const env = { HOME: home, XDG_CONFIG_HOME: '' };
    const installed = await cli(dataDir, ['service', 'install'], { env });
    expect(installed.code).toBe(0);
    const unitFile = path.join(home, '.config', 'systemd', 'user', 'mcp-tray.service');
    expect(installed.stdout).toContain(`The MCP Tray hub now starts at login (${unitFile})`);
    // No user manager runs on this machine: the unit is enabled by its link, started at next login.
    expect(existsSync(path.join(home, '.config', 'systemd', 'user', 'default.target.wants', 'mcp-tray.service'))).toBe(true);

    const analyze = which('systemd-analyze');
    expect(analyze, 'systemd-analyze (Debian package systemd) is needed to check the unit').toBeDefined();
    const runtime = tempDir('mcp-tray-service-runtime-');
    const verified = await run(analyze!, ['--user', 'verify', unitFile], { ...process.env, HOME: home, XDG_RUNTIME_DIR: runtime });
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);

    const unit = readFileSync(unitFile, 'utf8');
    const [command, ...args] = execStart(unit);
    expect(args.slice(-4)).toEqual(['serve', '--no-open', '--data-dir', dataDir]);
    const hub = spawn(command!, args, { env: { ...process.env, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    hub.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    hub.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => hub.once('exit', resolve));
    try {
      await waitFor(() => `the hub from ExecStart to start:\n${output}`, () => output.includes('MCP Tray hub is running'), 30_000);
      const status = await cliJson<HubStatus>(dataDir, ['status']);
      expect(status.pid).toBe(hub.pid);
    } finally {
      hub.kill('SIGTERM');
      expect(await exited).toBe(0);
    }

    const removed = await cli(dataDir, ['service', 'uninstall'], { env });
    expect(removed.code).toBe(0);
    expect(existsSync(unitFile)).toBe(false);
    expect(existsSync(path.join(home, '.config', 'systemd', 'user', 'default.target.wants', 'mcp-tray.service'))).toBe(false);
  });
});

describe.skipIf(!linux)('mcp-tray cli install (shim in ~/.local/bin)', () => {
  it('puts a working mcp-tray in ~/.local/bin, says when that is not on PATH, and removes it again', async () => {
    const home = tempDir('mcp-tray-cli-home-');
    const dataDir = tempDir();
    const installed = await cli(dataDir, ['cli', 'install'], { env: { HOME: home, PATH: '/usr/bin:/bin' } });
    expect(installed.code).toBe(0);
    const shim = path.join(home, '.local', 'bin', 'mcp-tray');
    expect(installed.stdout).toContain(`Installed the mcp-tray command: ${shim}`);
    expect(installed.stdout).toContain(`! ${path.join(home, '.local', 'bin')} is not on your PATH. Add it:`);
    // The shim needs no Node on PATH: it names the Node it runs.
    const help = await run(shim, ['servers', '--help'], { HOME: home, PATH: '/nonexistent' });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('mcp-tray servers add ID');
    const onPath = await cli(dataDir, ['cli', 'install'], { env: { HOME: home, PATH: `${path.join(home, '.local', 'bin')}:/usr/bin` } });
    expect(onPath.stdout).not.toContain('is not on your PATH');

    const removed = await cli(dataDir, ['cli', 'uninstall'], { env: { HOME: home } });
    expect(removed.stdout).toBe(`Removed the mcp-tray command (${shim})\n  removed ${shim}\n`);
    expect(existsSync(shim)).toBe(false);
  });

  it('leaves another program of that name alone', async () => {
    const home = tempDir('mcp-tray-cli-home-');
    mkdirSync(path.join(home, '.local', 'bin'), { recursive: true });
    const theirs = path.join(home, '.local', 'bin', 'mcp-tray');
    writeFileSync(theirs, '#!/bin/sh\necho someone else\n', { mode: 0o755 });
    const result = await cli(tempDir(), ['cli', 'install'], { env: { HOME: home } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`mcp-tray: ${theirs} exists and is not MCP Tray's; move it away first\n`);
    expect(readFileSync(theirs, 'utf8')).toBe('#!/bin/sh\necho someone else\n');
  });
});
