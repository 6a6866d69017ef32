// "Install the command-line tool": puts `mcp-tray` on PATH the way VS Code installs `code`.
//   Linux    a shim script in ~/.local/bin (the XDG user bin folder); says if it is not on PATH
//   macOS    the shim in the data dir, linked from /usr/local/bin: an administrator confirms the
//            link in the system's own dialog when that folder is not the user's to write
//   Windows  mcp-tray.cmd in %LOCALAPPDATA%\MCP Tray\bin, that folder added to the user PATH
// The shim runs what IDE entries run (the launcher: Node and bin/mcp-tray.js from a checkout, the
// app's executable as Node in the packaged app), so it needs no Node on PATH. A file there that
// MCP Tray did not write is never replaced or removed.
import os from 'node:os';
import path from 'node:path';
import type { BridgeLauncher } from '../clients/bridge-launcher.ts';
import { emptyPlan, shQuote, type SystemPlan } from './system-plan.ts';

export const SHIM_MARK = 'installed by MCP Tray ("mcp-tray cli uninstall" removes it)';

export interface CliToolContext {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly dataDir: string;
  readonly launcher: BridgeLauncher;
  /** The text of the file at the command's place, if any (to see whether it is ours). */
  readonly existing: (file: string) => string | undefined;
  /** macOS: whether the user may write /usr/local/bin without an administrator. */
  readonly canWrite: (folder: string) => boolean;
  /** macOS: where the link points, if the command is a link. */
  readonly linkTarget: (file: string) => string | undefined;
}

export interface CliToolLocation {
  /** What the user types lands here: the shim, or the link to it. */
  readonly command: string;
  /** The shim script itself. */
  readonly shim: string;
  /** The folder that must be on PATH. */
  readonly folder: string;
}

export function cliToolLocation(ctx: Pick<CliToolContext, 'platform' | 'home' | 'env' | 'dataDir'>): CliToolLocation {
  if (ctx.platform === 'win32') {
    const folder = path.win32.join(ctx.env.LOCALAPPDATA ?? path.win32.join(ctx.home, 'AppData', 'Local'), 'MCP Tray', 'bin');
    const shim = path.win32.join(folder, 'mcp-tray.cmd');
    return { command: shim, shim, folder };
  }
  if (ctx.platform === 'darwin') return { command: '/usr/local/bin/mcp-tray', shim: path.join(ctx.dataDir, 'bin', 'mcp-tray'), folder: '/usr/local/bin' };
  const folder = path.join(ctx.home, '.local', 'bin');
  const shim = path.join(folder, 'mcp-tray');
  return { command: shim, shim, folder };
}

export function posixShim(launcher: BridgeLauncher): string {
  const env = Object.entries(launcher.env).map(([key, value]) => `export ${key}=${shQuote(value)}\n`).join('');
  return `#!/bin/sh\n# The mcp-tray command, ${SHIM_MARK}.\n${env}exec ${[launcher.command, ...launcher.args].map(shQuote).join(' ')} "$@"\n`;
}

export function windowsShim(launcher: BridgeLauncher): string {
  // cmd quoting: a path in double quotes (Windows paths cannot hold "); %* passes the arguments on.
  const env = Object.entries(launcher.env).map(([key, value]) => `set "${key}=${value}"\r\n`).join('');
  const line = [launcher.command, ...launcher.args].map((word) => `"${word}"`).join(' ');
  return `@echo off\r\nrem The mcp-tray command, ${SHIM_MARK}.\r\nsetlocal\r\n${env}${line} %*\r\n`;
}

/** Whether the file at the command's place is MCP Tray's (or nothing is there). */
export function ownedOrAbsent(text: string | undefined): boolean {
  return text === undefined || text.includes(SHIM_MARK);
}

const onPath = (folder: string, pathList: string | undefined, delimiter: string, fold = false) =>
  (pathList ?? '').split(delimiter).some((dir) => (fold ? dir.toLowerCase() : dir).replace(/[\\/]+$/, '') === (fold ? folder.toLowerCase() : folder));

/** PowerShell that adds (or removes) $env:MCP_TRAY_BIN_DIR to the user PATH; the folder never enters the script text. */
export function userPathScript(action: 'add' | 'remove'): string {
  const read = "$d = $env:MCP_TRAY_BIN_DIR; $p = [Environment]::GetEnvironmentVariable('Path', 'User'); $parts = @($p -split ';' | Where-Object { $_ -ne '' })";
  return action === 'add'
    ? `${read}; if (-not ($parts -contains $d)) { [Environment]::SetEnvironmentVariable('Path', (($parts + $d) -join ';'), 'User') }`
    : `${read}; [Environment]::SetEnvironmentVariable('Path', (($parts | Where-Object { $_ -ne $d }) -join ';'), 'User')`;
}

export class CliToolConflict extends Error {
  override readonly name = 'CliToolConflict';
}

export function cliToolInstallPlan(ctx: CliToolContext): SystemPlan {
  const where = cliToolLocation(ctx);
  const theirs = (file: string) => !ownedOrAbsent(ctx.existing(file));
  if (ctx.platform === 'win32') {
    if (theirs(where.shim)) throw new CliToolConflict(`${where.shim} exists and is not MCP Tray's; move it away first`);
    const inPath = onPath(where.folder, ctx.env.Path ?? ctx.env.PATH, ';', true);
    return {
      ...emptyPlan,
      writes: [{ path: where.shim, content: windowsShim(ctx.launcher), mode: 0o755 }],
      commands: [
        {
          command: 'powershell.exe',
          args: ['-NoProfile', '-NonInteractive', '-Command', userPathScript('add')],
          env: { MCP_TRAY_BIN_DIR: where.folder },
          purpose: `add ${where.folder} to your user PATH`,
        },
      ],
      notes: inPath ? [] : ['Open a new terminal: the user PATH changes only for programs started from now on.'],
    };
  }
  if (ctx.platform === 'darwin') {
    const link = ctx.linkTarget(where.command);
    if (link === undefined && theirs(where.command)) throw new CliToolConflict(`${where.command} exists and is not MCP Tray's; move it away first`);
    if (link !== undefined && link !== where.shim && theirs(link)) throw new CliToolConflict(`${where.command} links to ${link}, which is not MCP Tray's; remove that link first`);
    const shim = { path: where.shim, content: posixShim(ctx.launcher), mode: 0o755 };
    if (ctx.canWrite(where.folder)) return { ...emptyPlan, writes: [shim], links: [{ path: where.command, target: where.shim }] };
    // The system's own administrator prompt; the script holds only the two quoted paths.
    const script = `mkdir -p ${shQuote(where.folder)} && ln -sf ${shQuote(where.shim)} ${shQuote(where.command)}`;
    return {
      ...emptyPlan,
      writes: [shim],
      commands: [
        {
          command: 'osascript',
          args: ['-e', `do shell script "${script.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" with administrator privileges`],
          purpose: `link ${where.command} (an administrator confirms it)`,
        },
      ],
    };
  }
  if (theirs(where.shim)) throw new CliToolConflict(`${where.shim} exists and is not MCP Tray's; move it away first`);
  const notes = onPath(where.folder, ctx.env.PATH, ':')
    ? []
    : [
        `${where.folder} is not on your PATH. Add it: echo 'export PATH="$HOME/.local/bin:$PATH"' >> ~/.profile, then log in again (or run that export in this terminal).`,
      ];
  return { ...emptyPlan, writes: [{ path: where.shim, content: posixShim(ctx.launcher), mode: 0o755 }], notes };
}

export function cliToolUninstallPlan(ctx: CliToolContext): SystemPlan {
  const where = cliToolLocation(ctx);
  if (ctx.platform === 'win32') {
    if (!ownedOrAbsent(ctx.existing(where.shim))) throw new CliToolConflict(`${where.shim} is not MCP Tray's; it was left alone`);
    return {
      ...emptyPlan,
      removes: [where.shim],
      commands: [
        {
          command: 'powershell.exe',
          args: ['-NoProfile', '-NonInteractive', '-Command', userPathScript('remove')],
          env: { MCP_TRAY_BIN_DIR: where.folder },
          purpose: `remove ${where.folder} from your user PATH`,
          bestEffort: true,
        },
      ],
    };
  }
  if (ctx.platform === 'darwin') {
    const link = ctx.linkTarget(where.command);
    if (link === undefined && ctx.existing(where.command) !== undefined && !ownedOrAbsent(ctx.existing(where.command))) {
      throw new CliToolConflict(`${where.command} is not MCP Tray's; it was left alone`);
    }
    if (link !== undefined && link !== where.shim) throw new CliToolConflict(`${where.command} links to ${link}, not to MCP Tray; it was left alone`);
    if (link === undefined || ctx.canWrite(where.folder)) return { ...emptyPlan, removes: [where.command, where.shim] };
    return {
      ...emptyPlan,
      removes: [where.shim],
      commands: [
        {
          command: 'osascript',
          args: ['-e', `do shell script "rm -f ${shQuote(where.command).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" with administrator privileges`],
          purpose: `remove ${where.command} (an administrator confirms it)`,
        },
      ],
    };
  }
  if (!ownedOrAbsent(ctx.existing(where.shim))) throw new CliToolConflict(`${where.shim} is not MCP Tray's; it was left alone`);
  return { ...emptyPlan, removes: [where.shim] };
}

/** The context of this machine and user. */
export function currentCliToolContext(dataDir: string, launcher: BridgeLauncher, io: Pick<CliToolContext, 'existing' | 'canWrite' | 'linkTarget'>): CliToolContext {
  return { platform: process.platform, home: os.homedir(), env: process.env, dataDir, launcher, ...io };
}
