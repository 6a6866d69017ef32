// Where MCP Tray keeps its files. The same folder serves the desktop app and the headless hub,
// so both see one set of settings, one call log and one local socket.
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'MCP Tray';

/** The per-user app data folder, the same one Electron's `app.getPath('userData')` returns. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}

/** `--data-dir`, else `MCP_TRAY_HOME`, else the per-user app data folder. */
export function resolveDataDir(flag?: string, env = process.env): string {
  const chosen = flag ?? env.MCP_TRAY_HOME ?? defaultDataDir();
  return path.resolve(chosen);
}

export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

/**
 * Makes the data dir (0700) with each missing parent, one level at a time, and says in one line
 * what is wrong when it cannot: a file in the way, a folder that refuses. Not `mkdir -p`: Node's
 * recursive mkdir never returns on some paths (under /proc, say), and says only "EEXIST" for a file.
 */
export function ensureDataDir(dataDir: string): string {
  const fix = 'choose another with --data-dir D or MCP_TRAY_HOME';
  const missing: string[] = [];
  let existing = dataDir;
  for (;;) {
    let stat;
    try {
      stat = statSync(existing);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new DataDirError(`cannot use ${existing} for the data folder ${dataDir} (${code}); ${fix}`);
      const parent = path.dirname(existing);
      if (parent === existing) throw new DataDirError(`cannot create the data folder ${dataDir}; ${fix}`);
      missing.unshift(existing);
      existing = parent;
      continue;
    }
    if (!stat.isDirectory()) {
      throw new DataDirError(existing === dataDir ? `the data folder ${dataDir} is a file, not a folder; ${fix}` : `cannot create the data folder ${dataDir}: ${existing} is a file; ${fix}`);
    }
    break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      if (err.code === 'EEXIST' && statSync(folder).isDirectory()) continue;
      const why = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'EROFS' ? 'read-only file system' : err.code ?? err.message;
      throw new DataDirError(`cannot create the data folder ${dataDir} (${folder}: ${why}); ${fix}`);
    }
  }
  return dataDir;
}

// Unix socket paths are limited to 104 (macOS) / 108 (Linux) bytes including the terminator.
const MAX_SOCKET_PATH = 100;

/**
 * The local socket of the hub for a data dir. Inside the data dir when the path fits, else in a
 * private per-user runtime folder under a name derived from the data dir (so two hubs with two data
 * dirs never share one). On Windows, a per-user named pipe.
 */
export function socketPathFor(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  const digest = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\mcp-tray-${os.userInfo().username}-${digest}`;
  const inside = path.join(dataDir, 'hub.sock');
  if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH) return inside;
  const runtime = process.env.XDG_RUNTIME_DIR || path.join(os.tmpdir(), `mcp-tray-${os.userInfo().uid}`);
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  assertPrivateFolder(runtime);
  return path.join(runtime, `mcp-tray-${digest}.sock`);
}

export class UnsafeSocketFolderError extends Error {
  override readonly name = 'UnsafeSocketFolderError';
}

/**
 * The folder that holds the socket must be this user's alone: whoever else could write in it could
 * replace the socket and read what the CLI sends (a secret typed into `secrets set`). A folder in a
 * shared temp dir may have been made by someone else before us; then we refuse rather than use it.
 */
export function assertPrivateFolder(folder: string): void {
  const stat = lstatSync(folder);
  const uid = process.getuid?.();
  const problem = stat.isSymbolicLink()
    ? 'it is a symbolic link'
    : !stat.isDirectory()
      ? 'it is not a folder'
      : uid !== undefined && stat.uid !== uid
        ? `it belongs to another user (uid ${stat.uid}, you are ${uid})`
        : (stat.mode & 0o077) !== 0
          ? `other users can use it (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}, it must be 0700)`
          : undefined;
  if (problem) {
    throw new UnsafeSocketFolderError(
      `refusing to use ${folder} for MCP Tray's local socket: ${problem}. Remove it (another user may have made it to intercept the socket), or set XDG_RUNTIME_DIR to a private folder, or use a shorter data dir`,
    );
  }
}

export interface DataPaths {
  readonly dataDir: string;
  readonly socket: string;
  readonly settingsFile: string;
  readonly logsDir: string;
  readonly callLog: string;
  readonly pidFile: string;
  readonly backupsDir: string;
  /** The login shell's PATH of the last run (supervisor/login-shell-path.ts). */
  readonly loginPathFile: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    socket: socketPathFor(dataDir),
    settingsFile: path.join(dataDir, 'settings.json'),
    logsDir: path.join(dataDir, 'logs'),
    callLog: path.join(dataDir, 'calls.sqlite'),
    pidFile: path.join(dataDir, 'children.pid.json'),
    backupsDir: path.join(dataDir, 'backups'),
    loginPathFile: path.join(dataDir, 'cache', 'login-path.json'),
  };
}
