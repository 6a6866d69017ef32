// Is a client on this machine? Its folders or app bundle exist, its config file exists, or its
// executable is on PATH. PATH is the hub's own plus the user's login-shell PATH, since an app
// started from a desktop does not inherit the shell's.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { mergePaths } from '../supervisor/child-env.ts';
import { freshLoginShellPath } from '../supervisor/login-shell-path.ts';
import type { ClientSpec } from './client-table.ts';
import type { PathContext } from './config-paths.ts';

export interface Detection {
  readonly detected: boolean;
  /** What showed it: a path or "<binary> on PATH". */
  readonly by?: string;
}

export async function searchPath(): Promise<string> {
  return mergePaths(process.env.PATH ?? process.env.Path, await freshLoginShellPath());
}

export interface Executable {
  readonly path: string;
  /** Windows .cmd/.bat shims need a shell to run; MCP Tray runs nothing through a shell. */
  readonly runnable: boolean;
}

export function findExecutable(name: string, pathList: string, platform: NodeJS.Platform = process.platform): Executable | null {
  const exts = platform === 'win32' ? (process.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean) : [''];
  for (const dir of pathList.split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext.toLowerCase());
      try {
        if (!statSync(candidate).isFile()) continue;
        if (platform !== 'win32') accessSync(candidate, constants.X_OK);
        return { path: candidate, runnable: !/\.(cmd|bat)$/i.test(candidate) };
      } catch {
        // not here
      }
    }
  }
  return null;
}

export function detectClient(client: ClientSpec, ctx: PathContext, configPath: string, pathList: string): Detection {
  if (existsSync(configPath)) return { detected: true, by: configPath };
  for (const p of client.detect.paths(ctx)) if (existsSync(p)) return { detected: true, by: p };
  for (const binary of client.detect.binaries) if (findExecutable(binary, pathList, ctx.platform)) return { detected: true, by: `${binary} on PATH` };
  return { detected: false };
}
