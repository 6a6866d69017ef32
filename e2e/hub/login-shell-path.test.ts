// The login shell's PATH: servers start on the PATH remembered from the hub's last run before this
// run's shell has answered, and a command that is not on the remembered PATH waits for the shell. The user's shell here is a script of the test's own (SHELL) that answers only when the test
// lets it, so the order of events is seen without timing anything.
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE, TEST_SERVER, cliJson, startHub, tempDir, waitFor, writeSettings, type HubProcess } from '../helpers/hub-process.ts';

interface Shell {
  readonly program: string;
  /** Makes the shell answer (it waits for this, up to a few seconds, after it is asked). */
  release(): void;
  /** Whether the shell has been asked since the last `reset`. */
  asked(): boolean;
  reset(): void;
  /** What the shell will answer for PATH. */
  answer(pathList: string): void;
}

function fakeShell(dir: string): Shell {
  const program = path.join(dir, 'fake-login-shell');
  // Its environment is the hub's short allowlist, so the folder is written into the script.
  writeFileSync(
    program,
    `#!/bin/sh\ntouch '${dir}/asked'\ni=0\nwhile [ ! -e '${dir}/release' ] && [ $i -lt 200 ]; do sleep 0.02; i=$((i+1)); done\nprintf '__MCP_TRAY_PATH__%s' "$(cat '${dir}/answer')"\n`,
  );
  chmodSync(program, 0o755);
  return {
    program,
    release: () => writeFileSync(path.join(dir, 'release'), ''),
    asked: () => existsSync(path.join(dir, 'asked')),
    reset: () => {
      for (const name of ['asked', 'release']) rmSync(path.join(dir, name), { force: true });
    },
    answer: (pathList) => writeFileSync(path.join(dir, 'answer'), pathList),
  };
}

/** A folder with one command that starts the test server (and leaves `started` behind): found only through a PATH that has the folder. */
function commandFolder(root: string, name: string): string {
  const dir = path.join(root, `bin-${name}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, name), `#!/bin/sh\ntouch '${dir}/started'\nexec '${NODE}' '${TEST_SERVER}'\n`);
  chmodSync(path.join(dir, name), 0o755);
  return dir;
}

/** A folder of the test's own with an empty data folder and the fake shell in it. */
function newSetup(): { root: string; dataDir: string; shell: Shell } {
  const root = tempDir('mcp-tray-login-path-');
  const dataDir = path.join(root, 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  return { root, dataDir, shell: fakeShell(root) };
}

const server = (id: string, command: string) => ({ id, name: id, kind: 'stdio', command, args: [], sandbox: 'off' });
const states = async (dataDir: string) => Object.fromEntries((await cliJson<{ servers: Array<{ id: string; state: string }> }>(dataDir, ['status'])).servers.map((s) => [s.id, s.state]));

describe('the login shell PATH across hub runs', () => {
  let hub: HubProcess | undefined;
  afterEach(async () => {
    await hub?.stop();
    hub = undefined;
  });

  it('remembers the shell PATH, starts servers on it before the shell answers, and waits for the shell for a command not on it', async () => {
    const { root, dataDir, shell } = newSetup();
    const first = commandFolder(root, 'first-server');
    const env = { SHELL: shell.program, PATH: '/usr/bin:/bin' };
    const remembered = path.join(dataDir, 'cache', 'login-path.json');

    // First run: nothing remembered, so the server's start waits for the shell's answer.
    shell.answer(first);
    shell.release();
    writeSettings(dataDir, { servers: [server('first', 'first-server')] });
    hub = await startHub(dataDir, { env });
    expect(await states(dataDir)).toEqual({ first: 'running' });
    await waitFor('the PATH to be remembered', () => existsSync(remembered));
    expect(JSON.parse(readFileSync(remembered, 'utf8'))).toEqual({ shell: shell.program, path: first });
    expect(statSync(remembered).mode & 0o777).toBe(0o600);
    await hub.stop();

    // Second run: the server runs before the shell has answered (it is asked once servers have started).
    shell.reset();
    hub = await startHub(dataDir, { env });
    expect(await states(dataDir)).toEqual({ first: 'running' });
    expect(existsSync(path.join(root, 'release'))).toBe(false);
    await waitFor('the shell to be asked after the start', () => shell.asked());
    shell.release();
    await hub.stop();

    // Third run: a server whose command is only on the shell's new PATH waits for its answer.
    shell.reset();
    const second = commandFolder(root, 'second-server');
    shell.answer(`${first}:${second}`);
    writeSettings(dataDir, { servers: [server('first', 'first-server'), server('second', 'second-server')] });
    const starting = startHub(dataDir, { env });
    await waitFor('the shell to be asked', () => shell.asked());
    shell.release();
    hub = await starting;
    expect(await states(dataDir)).toEqual({ first: 'running', second: 'running' });
    await waitFor('the new PATH to be remembered', () => JSON.parse(readFileSync(remembered, 'utf8')).path === `${first}:${second}`);
  });

  it('does not take a PATH remembered for another shell', async () => {
    const { root, dataDir, shell } = newSetup();
    const others = commandFolder(root, 'the-server');
    mkdirSync(path.join(dataDir, 'cache'), { mode: 0o700 });
    writeFileSync(path.join(dataDir, 'cache', 'login-path.json'), JSON.stringify({ shell: '/bin/another-shell', path: others }), { mode: 0o600 });
    // This shell never answers (the hub gives up on it after a few seconds), so only the other
    // shell's PATH could have found the command.
    shell.answer(others);
    writeSettings(dataDir, { servers: [server('the', 'the-server')] });
    hub = await startHub(dataDir, { env: { SHELL: shell.program, PATH: '/usr/bin:/bin' } });
    expect(shell.asked()).toBe(true);
    expect(await states(dataDir)).toEqual({ the: 'not-installed' });
    expect(existsSync(path.join(others, 'started'))).toBe(false);
  });
});
