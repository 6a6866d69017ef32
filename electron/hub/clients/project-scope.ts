// Installs into a project folder's own config file (`.cursor/mcp.json`, `.vscode/mcp.json`,
// `.mcp.json`, …): which clients have one, where it is for a folder, and the checks a folder must
// pass before anything is written there.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ControlError } from '../contract/control-error.ts';
import type { ClientSpec } from './client-table.ts';

/** The client's project file relative to a project folder; refuses a client without one. */
export function requireProjectConfig(client: ClientSpec): string {
  if (!client.projectConfig) throw new ControlError('invalid-params', `${client.label} has no project-level config file; install it without --project`);
  return client.projectConfig;
}

/** The client's config file inside `project` (an absolute, resolved folder). */
export function projectConfigFile(client: ClientSpec, project: string): string {
  return path.join(project, ...requireProjectConfig(client).split('/'));
}

/**
 * The project folder as an absolute path with symlinks resolved, so one folder reached two ways is
 * one install. Refuses a folder that is missing or is a file.
 */
export async function resolveProjectFolder(dir: string): Promise<string> {
  if (!path.isAbsolute(dir)) throw new ControlError('invalid-params', `${dir}: the project folder must be an absolute path`);
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ControlError('invalid-params', `${dir} does not exist; give an existing project folder`);
    throw new ControlError('failed', `${dir}: ${(error as Error).message}`);
  }
  if (!(await stat(real)).isDirectory()) throw new ControlError('invalid-params', `${dir} is a file, not a folder; give the project folder`);
  return real;
}

/** The value of `--profile` in a bridge entry's args, if it names one. */
export function profileInArgs(args: readonly string[] | undefined): string | undefined {
  const at = args?.indexOf('--profile') ?? -1;
  return at >= 0 ? args![at + 1] : undefined;
}
