// Starting and stopping a server's process tree. Each server runs in its own process group (POSIX)
// so that stopping it also stops what a wrapper like `npx` forked; Windows gets `taskkill /T`.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { windowsCommand } from './windows-command.ts';

export const STOP_GRACE_MS = 3000;
const STDIN_GRACE_MS = 300;

export interface SpawnSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env: Record<string, string>;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly at: string;
  /** For remote servers: why the connection ended. */
  readonly reason?: string;
}

/** The command of a server is not on its PATH (the user's login PATH) nor at the path given. */
export class CommandNotFoundError extends Error {
  override readonly name = 'CommandNotFoundError';
  readonly command: string;
  /** The PATH it was looked up on, for the server's log (too long for a message). */
  readonly searched: string;
  constructor(command: string, searched: string) {
    super(`command not found: ${command}`);
    this.command = command;
    this.searched = searched;
  }
}

/**
 * Spawns without a shell, as the leader of a new process group. Rejects with a clear message. On
 * Windows the command is resolved as the MCP SDK does (windows-command.ts), so `npx` entries start.
 */
export function spawnGroup(spec: SpawnSpec): Promise<ChildProcessWithoutNullStreams> {
  const windows = process.platform === 'win32' ? windowsCommand(spec.command, spec.args, spec.env, spec.cwd) : undefined;
  const command = windows?.command ?? resolveCommand(spec.command, spec.env.PATH ?? spec.env.Path ?? '');
  return new Promise((resolve, reject) => {
    if (spec.cwd !== undefined && !existsSync(spec.cwd)) {
      reject(new Error(`working directory ${spec.cwd} does not exist`));
      return;
    }
    if (windows && windows.file === undefined) {
      reject(new CommandNotFoundError(spec.command, spec.env.Path ?? spec.env.PATH ?? ''));
      return;
    }
    const child = spawn(command, windows?.args ?? spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false,
      detached: process.platform !== 'win32',
      windowsHide: true,
      windowsVerbatimArguments: windows?.windowsVerbatimArguments,
    });
    child.once('spawn', () => resolve(child));
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        // Not the PATH itself: it is long, and the server's log already has the details.
        error.code === 'ENOENT' ? new CommandNotFoundError(spec.command, spec.env.PATH ?? spec.env.Path ?? '') : new Error(`could not start ${spec.command}: ${error.message}`),
      );
    });
  });
}

/** Resolves a bare command name on the given PATH so the child's PATH, not the hub's, decides (POSIX). */
export function resolveCommand(command: string, searchPath: string): string {
  if (command.includes('/') || command.includes('\\') || process.platform === 'win32') return command;
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    if (existsSync(candidate)) return candidate;
  }
  return command;
}

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(process.platform === 'win32' ? pgid : -pgid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // Zombies still count as members until someone reaps them (an init that does not reap would
  // keep them forever); on Linux, only a live member makes the group alive.
  return process.platform === 'linux' ? liveMemberOnLinux(pgid) : true;
}

function liveMemberOnLinux(pgid: number): boolean {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // Fields after the command name (which may hold spaces): state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
    }
    return false;
  } catch {
    return true;
  }
}

export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  if (process.platform === 'win32') {
    if (signal === 'SIGKILL') execFile('taskkill', ['/pid', String(pgid), '/T', '/F'], () => undefined);
    else execFile('taskkill', ['/pid', String(pgid), '/T'], () => undefined);
    return;
  }
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/**
 * The stop sequence: close stdin, SIGTERM the group, SIGKILL the group after 3 s. Resolves once
 * the leader has exited and no member of the group is left.
 */
export async function stopGroup(child: ChildProcessWithoutNullStreams, exited: Promise<ExitInfo>): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  child.stdin.end();
  await Promise.race([exited, delay(STDIN_GRACE_MS)]);
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      if (!groupAlive(pgid)) return;
    }
    await delay(50);
  }
  signalGroup(pgid, 'SIGKILL');
  await Promise.race([exited, delay(1000)]);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
