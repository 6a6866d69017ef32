// The PATH a login shell of the user sets up: an app started from the desktop lacks it, so servers
// would not find `npx`, `uvx` or a version manager's node. Asking the shell runs the user's rc files,
// and where pyenv, nvm or conda set up there that takes a second or more at every start.
//
// So the hub remembers the shell's answer between runs (a 0600 file in the data dir) and starts
// servers on the remembered PATH; it asks the shell once they have started, so the rc files do not
// compete with the start for the CPU, and keeps the answer for the next run. A server whose command
// is not on the remembered PATH waits for this run's answer (launch-plan.ts), so a tool installed
// since the last run is still found. With nothing remembered (a data dir's first run) the shell is
// asked at once.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allowlistedEnv } from './allowlisted-env.ts';

const ASK_TIMEOUT_MS = 3000;
/** A PATH longer than this in the file is not one the hub wrote. */
const MAX_REMEMBERED = 64 * 1024;

let asked: Promise<string | undefined> | undefined;
/** Set once this run's shell has answered (or given up). */
let answered: { readonly value: string | undefined } | undefined;
let remembered: string | undefined;
/** Where the answer is kept for the next run. */
let rememberedIn: string | undefined;

const shellProgram = () => process.env.SHELL || '/bin/sh';

function askShell(): Promise<string | undefined> {
  asked ??= new Promise<string | undefined>((resolve) => {
    // The shell is the program here, with a fixed script: nothing of a server definition reaches it.
    execFile(shellProgram(), ['-ilc', 'printf "__MCP_TRAY_PATH__%s" "$PATH"'], { timeout: ASK_TIMEOUT_MS, env: allowlistedEnv() }, (error, stdout) => {
      const match = /__MCP_TRAY_PATH__(.*)$/s.exec(stdout ?? '');
      resolve(error && !match ? undefined : match?.[1]?.trim() || undefined);
    });
  }).then((value) => {
    answered = { value };
    if (rememberedIn && value !== undefined && value !== remembered) writeRemembered(rememberedIn, value);
    return value;
  });
  return asked;
}

/**
 * Takes the PATH remembered in `file` for servers to start on; with none, asks the shell at once.
 * Each answer of the shell is written back to `file` when it differs. Windows has no login shell.
 */
export function rememberLoginShellPath(file: string): void {
  if (process.platform === 'win32') return;
  rememberedIn = file;
  remembered ??= readRemembered(file);
  if (remembered === undefined) refreshLoginShellPath();
}

/** Asks the shell (once per run) and keeps its answer for the next run. */
export function refreshLoginShellPath(): void {
  if (process.platform === 'win32') return;
  void askShell();
}

/** The PATH to start a server with: this run's answer of the shell, else the one remembered from the last run, else the shell's answer, waited for. */
export function loginShellPath(): Promise<string | undefined> {
  if (process.platform === 'win32') return Promise.resolve(undefined);
  if (answered?.value !== undefined) return Promise.resolve(answered.value);
  // A shell that gave no answer this run (it failed, or took too long) leaves the remembered one in use.
  if (remembered !== undefined) return Promise.resolve(remembered);
  return answered ? Promise.resolve(undefined) : askShell();
}

/** This run's answer of the shell, waited for (3 s at most); the remembered one when it gave none. */
export function freshLoginShellPath(): Promise<string | undefined> {
  return process.platform === 'win32' ? Promise.resolve(undefined) : askShell().then((value) => value ?? remembered);
}

function readRemembered(file: string): string | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as { shell?: unknown; path?: unknown };
    // Another shell's PATH is not this one's.
    if (value.shell !== shellProgram() || typeof value.path !== 'string') return undefined;
    return value.path.length > 0 && value.path.length <= MAX_REMEMBERED && !value.path.includes('\0') ? value.path : undefined;
  } catch {
    return undefined; // none yet, or unreadable: the shell's answer is waited for, as on a first start
  }
}

function writeRemembered(file: string, value: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(`${file}.tmp`, JSON.stringify({ shell: shellProgram(), path: value }), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  } catch {
    // Only the next start's speed depends on it.
  }
}
