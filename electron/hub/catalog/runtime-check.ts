// Whether the program that runs a catalog package (npx, uvx, docker, podman, dnx) is installed: it is
// looked up on the user's login PATH, the one servers are started with, before anything is added.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { mergePaths } from '../supervisor/child-env.ts';
import { freshLoginShellPath } from '../supervisor/login-shell-path.ts';
import type { RuntimeCommand } from './map-entry.ts';

/** What to install for each runtime, in words a user can act on. */
const INSTALL: Record<RuntimeCommand, string> = {
  npx: 'Node.js (it brings npx): https://nodejs.org',
  uvx: 'uv (it brings uvx): https://docs.astral.sh/uv/',
  docker: 'Docker: https://docs.docker.com/get-docker/',
  podman: 'Podman: https://podman.io',
  dnx: 'the .NET 10 SDK (it brings dnx): https://dotnet.microsoft.com/download',
};

/** The PATH servers are started with: the login shell's, then the hub's own. */
export async function serverSearchPath(): Promise<string> {
  return mergePaths(await freshLoginShellPath(), process.env.PATH ?? process.env.Path);
}

/** The full path of a command on the given PATH, or undefined. */
export async function findOnPath(command: string, searchPath: string, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  const extensions = platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').map((e) => e.toLowerCase())] : [''];
  for (const dir of searchPath.split(platform === 'win32' ? ';' : path.delimiter)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const candidate = path.join(dir, command + extension);
      try {
        await access(candidate, platform === 'win32' ? constants.F_OK : constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** The one line a user sees when a server's runtime is missing: what, where it was looked for, what to do. */
export function runtimeMissingMessage(serverName: string, runtime: RuntimeCommand): string {
  return `${serverName} runs with ${runtime}, which is not installed (not on your login PATH); install ${INSTALL[runtime]}, then add it again. Nothing was added`;
}
