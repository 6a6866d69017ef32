// The socket's fallback folder ($TMPDIR/mcp-tray-<uid>, used when the data dir's path is too long
// for a socket and there is no XDG_RUNTIME_DIR) must be ours alone. Another OS user (nobody, through
// setpriv) pre-creates it 0777 to swap the socket; the hub, the CLI and the bridge all refuse it with
// a clear error instead of using it.
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, startHub, tempDir, waitFor, writeSettings } from '../helpers/hub-process.ts';

const asNobody = (...command: string[]) => execFileSync('setpriv', ['--reuid', 'nobody', '--regid', 'nogroup', '--clear-groups', ...command]);
const uid = os.userInfo().uid;

/** A data dir whose socket path would not fit in sun_path, so the socket goes to the fallback folder. */
function longDataDir(): string {
  const dir = path.join(tempDir(), 'a-data-dir-with-a-rather-long-name-so-that-its-socket-path-is-too-long-for-unix-sockets');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeSettings(dir, { servers: [] });
  return dir;
}

/** A TMPDIR that anyone may create folders in, like /tmp. */
function sharedTmp(): string {
  const tmp = tempDir('mcp-tray-sharedtmp-');
  chmodSync(tmp, 0o1777);
  return tmp;
}

const envFor = (tmp: string) => ({ TMPDIR: tmp, XDG_RUNTIME_DIR: undefined });

describe.skipIf(process.platform === 'win32' || uid !== 0)('the socket folder in a shared temp dir', () => {
  it('is refused by the hub, the CLI and the bridge when another user made it', async () => {
    const tmp = sharedTmp();
    const folder = path.join(tmp, `mcp-tray-${uid}`);
    asNobody('mkdir', '-m', '0777', folder);
    expect(lstatSync(folder).uid).not.toBe(uid);
    const dataDir = longDataDir();

    const error = await startHub(dataDir, { env: envFor(tmp) }).then(
      (hub) => hub.stop().then(() => 'started'),
      (e: Error) => e.message,
    );
    expect(error).toContain(`refusing to use ${folder} for MCP Tray's local socket: it belongs to another user`);

    const status = await cli(dataDir, ['status'], { env: envFor(tmp) });
    expect(status.code).not.toBe(0);
    expect(status.stderr).toContain('refusing to use');
    // What `secrets set` would have sent never leaves the CLI.
    const secret = await cli(dataDir, ['secrets', 'set', 'x', 'TOKEN'], { env: envFor(tmp), input: 'typed-secret-value' });
    expect(secret.code).not.toBe(0);
    expect(secret.stderr).toContain('belongs to another user');
    const bridge = await cli(dataDir, ['bridge', '--client', 'cursor'], { env: envFor(tmp) });
    expect(bridge.code).not.toBe(0);
    expect(bridge.stderr).toContain('refusing to use');
  });

  it('is refused when it is ours but others can write in it, or a symbolic link', async () => {
    const tmp = sharedTmp();
    const folder = path.join(tmp, `mcp-tray-${uid}`);
    mkdirSync(folder, { mode: 0o700 });
    chmodSync(folder, 0o777);
    const dataDir = longDataDir();
    expect((await cli(dataDir, ['status'], { env: envFor(tmp) })).stderr).toContain('other users can use it (mode 0777');

    const tmp2 = sharedTmp();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, path.join(tmp2, `mcp-tray-${uid}`));
    expect((await cli(dataDir, ['status'], { env: envFor(tmp2) })).stderr).toContain('it is a symbolic link');
  });

  it('is used when it is ours and private', async () => {
    const tmp = sharedTmp();
    const dataDir = longDataDir();
    const hub = await startHub(dataDir, { env: envFor(tmp) });
    try {
      const folder = path.join(tmp, `mcp-tray-${uid}`);
      expect(lstatSync(folder).mode & 0o777).toBe(0o700);
      await waitFor('the socket line', () => hub.output().includes(`local socket: ${folder}/`));
      const status = await cli(dataDir, ['status'], { env: envFor(tmp) });
      expect(status.code, status.stderr).toBe(0);
    } finally {
      await hub.stop();
    }
  });
});
