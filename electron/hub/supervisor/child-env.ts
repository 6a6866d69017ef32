// The environment a server process gets: a small allowlist of the hub's variables, the user's
// login-shell PATH (login-shell-path.ts), then what the server declares and its
// secrets. Nothing else of the hub's environment leaks into children.
import path from 'node:path';
import { allowlistedEnv } from './allowlisted-env.ts';
import { freshLoginShellPath, loginShellPath } from './login-shell-path.ts';

/** Joins PATH lists, keeping the first occurrence of each folder. */
export function mergePaths(...lists: Array<string | undefined>): string {
  const seen = new Set<string>();
  for (const list of lists) for (const dir of (list ?? '').split(path.delimiter)) if (dir) seen.add(dir);
  return [...seen].join(path.delimiter);
}

/**
 * `fresh`: with this run's answer of the login shell, not the PATH remembered from the last run
 * (for a command that is not on the remembered one).
 */
export async function childEnvironment(declared: Record<string, string>, secrets: Record<string, string>, options: { fresh?: boolean } = {}): Promise<Record<string, string>> {
  const pathName = process.platform === 'win32' ? 'Path' : 'PATH';
  const inherited = process.env.PATH ?? process.env.Path;
  return {
    ...allowlistedEnv(),
    [pathName]: mergePaths(await (options.fresh ? freshLoginShellPath() : loginShellPath()), inherited),
    ...declared,
    ...secrets,
  };
}
