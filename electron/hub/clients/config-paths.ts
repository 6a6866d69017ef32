// Where per-user folders are on each OS, computed from a home folder and environment rather than
// read from the running process, so the client table can be checked for every OS on one machine
// and tests can point HOME at a temp folder.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PathContext {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function currentPathContext(): PathContext {
  return { platform: process.platform, home: os.homedir(), env: process.env };
}

export function pathApi(ctx: PathContext): path.PlatformPath {
  return ctx.platform === 'win32' ? path.win32 : path.posix;
}

export function inHome(ctx: PathContext, ...parts: string[]): string {
  return pathApi(ctx).join(ctx.home, ...parts);
}

/** %APPDATA% (Roaming) on Windows. */
export function appData(ctx: PathContext): string {
  return ctx.env.APPDATA || inHome(ctx, 'AppData', 'Roaming');
}

export function localAppData(ctx: PathContext): string {
  return ctx.env.LOCALAPPDATA || inHome(ctx, 'AppData', 'Local');
}

/** $XDG_CONFIG_HOME, else ~/.config. */
export function xdgConfig(ctx: PathContext): string {
  return ctx.env.XDG_CONFIG_HOME || inHome(ctx, '.config');
}

export function macAppSupport(ctx: PathContext): string {
  return inHome(ctx, 'Library', 'Application Support');
}

/** The folder desktop apps keep their per-user data in: Application Support, %APPDATA%, XDG config. */
export function appConfigRoot(ctx: PathContext): string {
  if (ctx.platform === 'darwin') return macAppSupport(ctx);
  if (ctx.platform === 'win32') return appData(ctx);
  return xdgConfig(ctx);
}

/**
 * Of a client's candidate config paths (most preferred first), the one to use: the first that
 * exists, else the first whose folder exists, else the first.
 */
export function chooseConfigPath(candidates: readonly string[], exists: (p: string) => boolean = existsSync): string {
  const api = candidates[0]?.includes('\\') ? path.win32 : path.posix;
  return candidates.find((c) => exists(c)) ?? candidates.find((c) => exists(api.dirname(c))) ?? candidates[0]!;
}
