// Starts the hub in the background for a bridge that found none (docs/gateway.md), so an IDE works
// without a terminal or the app open: the desktop app in the tray when the entry names it
// (MCP_TRAY_APP), else a detached `mcp-tray serve --no-open` writing to <data dir>/logs/hub.log.
// When an IDE starts several bridges at once, one of them starts the hub and the others wait for
// it: whoever creates <data dir>/hub-start.lock (exclusively, with its pid) is the starter. A lock
// whose owner is gone, or older than a start may take, is stale and taken over.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { dataPaths, ensureDataDir } from '../hub/paths.ts';
import { processExists } from '../hub/util/process-exists.ts';
import { ownLauncher } from './own-launcher.ts';

/** How long a bridge waits for the hub it (or another bridge) started. */
export const HUB_START_TIMEOUT_MS = 15_000;
/** A start lock older than this was left by a starter that could not finish. */
const STALE_LOCK_MS = HUB_START_TIMEOUT_MS + 5_000;
const LOG_ROTATE_BYTES = 1024 * 1024;

export interface StartCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Where its output goes (the headless hub), or nowhere (the app keeps its own logs). */
  readonly logFile?: string;
  /** For messages: "the MCP Tray app (/Applications/…)" or "a headless hub". */
  readonly what: string;
}

/** What to start for a data dir: the desktop app named by the entry, else a headless hub. */
export function startCommand(dataDir: string, env: NodeJS.ProcessEnv, launcher = ownLauncher(env)): StartCommand {
  const app = env.MCP_TRAY_APP;
  if (app) {
    // The app must not inherit "run as Node" from this bridge's own entry.
    const { ELECTRON_RUN_AS_NODE: _asNode, MCP_TRAY_APP: _app, ...appEnv } = env;
    return { command: app, args: ['--background', '--data-dir', dataDir], env: appEnv, what: `the app (${app})` };
  }
  return {
    command: launcher.command,
    args: [...launcher.args, 'serve', '--no-open', '--data-dir', dataDir],
    env: { ...env, ...launcher.env },
    logFile: hubLogFile(dataDir),
    what: 'a headless hub',
  };
}

export function hubLogFile(dataDir: string): string {
  return path.join(dataPaths(dataDir).logsDir, 'hub.log');
}

export function startLockFile(dataDir: string): string {
  return path.join(dataDir, 'hub-start.lock');
}

export type LockOutcome = { readonly owner: true; release(): void } | { readonly owner: false; readonly holder: number | undefined };

/** Takes the start lock, or says who holds it. Takes over a stale lock once. */
export function takeStartLock(dataDir: string, now = Date.now()): LockOutcome {
  const file = startLockFile(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      const content = JSON.stringify({ pid: process.pid, at: new Date(now).toISOString() });
      writeSync(fd, content);
      closeSync(fd);
      return {
        owner: true,
        release: () => {
          // Only our own lock: a takeover may have replaced it.
          try {
            if (readFileSync(file, 'utf8') === content) unlinkSync(file);
          } catch {
            // gone already
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    const fresh = holder && now - holder.mtimeMs < STALE_LOCK_MS && (holder.pid === undefined || processExists(holder.pid));
    if (fresh) return { owner: false, holder: holder.pid };
    if (!holder) continue; // removed meanwhile: try again
    // Stale: moved aside under a name of our own, so two bridges that both saw it cannot both
    // delete a lock that a third has just taken.
    try {
      const aside = `${file}.stale-${process.pid}`;
      renameSync(file, aside);
      unlinkSync(aside);
    } catch {
      // another bridge took it over first
    }
  }
  return { owner: false, holder: readHolder(file)?.pid };
}

function readHolder(file: string): { pid: number | undefined; mtimeMs: number } | undefined {
  try {
    const mtimeMs = statSync(file).mtimeMs;
    let pid: number | undefined;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown };
      pid = typeof parsed.pid === 'number' ? parsed.pid : undefined;
    } catch {
      pid = undefined; // being written: the age decides
    }
    return { pid, mtimeMs };
  } catch {
    return undefined;
  }
}

export interface Started {
  /** Set once the started process could not be run or has exited. */
  failure(): string | undefined;
}

/** Spawns the start command detached (it outlives the bridge and the IDE), output to its log. */
export function spawnHub(start: StartCommand): Started {
  let failure: string | undefined;
  let logFd: number | undefined;
  if (start.logFile) {
    mkdirSync(path.dirname(start.logFile), { recursive: true, mode: 0o700 });
    try {
      if (statSync(start.logFile).size > LOG_ROTATE_BYTES) renameSync(start.logFile, `${start.logFile}.1`);
    } catch {
      // no log yet
    }
    logFd = openSync(start.logFile, 'a', 0o600);
    writeSync(logFd, `--- ${new Date().toISOString()} started by a bridge (pid ${process.pid})\n`);
  }
  const child = spawn(start.command, [...start.args], {
    detached: true,
    stdio: logFd === undefined ? 'ignore' : ['ignore', logFd, logFd],
    env: start.env,
    windowsHide: true,
  });
  if (logFd !== undefined) closeSync(logFd);
  child.once('error', (error) => (failure = `${start.what} could not be started: ${error.message}`));
  child.once('exit', (code, signal) => {
    failure ??= `${start.what} exited (${signal ? `killed by ${signal}` : `exit code ${code}`})${start.logFile ? `: ${lastLine(start.logFile)}` : ''}`;
  });
  child.unref();
  return { failure: () => failure };
}

/** The last non-empty line of a log, for a one-line error. */
function lastLine(file: string): string {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    return (lines.at(-1) ?? '').slice(0, 300);
  } catch {
    return 'no log';
  }
}

/** The data dir must exist for the lock and the log; its own errors are one line already. */
export function prepareForStart(dataDir: string): void {
  ensureDataDir(dataDir);
}
