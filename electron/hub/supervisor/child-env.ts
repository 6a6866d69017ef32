// The environment a server process gets: a small allowlist of the hub's variables, the user's
// login-shell PATH (apps started from a desktop lack it), then what the server declares and its
// secrets. Nothing else of the hub's environment leaks into children.
import { execFile } from 'node:child_process';
import path from 'node:path';

const POSIX_ALLOWLIST = ['HOME', 'USER', 'LOGNAME', 'SHELL', 'TERM', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TMPDIR', 'TZ', 'XDG_RUNTIME_DIR'];
const WINDOWS_ALLOWLIST = [
  'APPDATA', 'HOMEDRIVE', 'HOMEPATH', 'LOCALAPPDATA', 'PROCESSOR_ARCHITECTURE', 'SYSTEMDRIVE', 'SYSTEMROOT',
  'TEMP', 'TMP', 'USERNAME', 'USERPROFILE', 'PROGRAMFILES', 'PATHEXT', 'COMSPEC',
];

export function allowlistedEnv(source: NodeJS.ProcessEnv = process.env, platform = process.platform): Record<string, string> {
  const names = platform === 'win32' ? WINDOWS_ALLOWLIST : POSIX_ALLOWLIST;
  const env: Record<string, string> = {};
  for (const name of names) {
    const value = source[name];
    // Exported shell functions ("() { …") are code, not configuration.
    if (value !== undefined && !value.startsWith('()')) env[name] = value;
  }
  return env;
}

let loginPath: Promise<string | undefined> | undefined;

/** The PATH a login shell of the user sets up, asked once (3 s at most), or undefined. */
export function loginShellPath(): Promise<string | undefined> {
  if (process.platform === 'win32') return Promise.resolve(undefined);
  loginPath ??= new Promise((resolve) => {
    const shell = process.env.SHELL || '/bin/sh';
    // The shell is the program here, with a fixed script: nothing of a server definition reaches it.
    execFile(shell, ['-ilc', 'printf "__MCP_TRAY_PATH__%s" "$PATH"'], { timeout: 3000, env: allowlistedEnv() }, (error, stdout) => {
      const match = /__MCP_TRAY_PATH__(.*)$/s.exec(stdout ?? '');
      resolve(error && !match ? undefined : match?.[1]?.trim() || undefined);
    });
  });
  return loginPath;
}

/** Joins PATH lists, keeping the first occurrence of each folder. */
export function mergePaths(...lists: Array<string | undefined>): string {
  const seen = new Set<string>();
  for (const list of lists) for (const dir of (list ?? '').split(path.delimiter)) if (dir) seen.add(dir);
  return [...seen].join(path.delimiter);
}

export async function childEnvironment(declared: Record<string, string>, secrets: Record<string, string>): Promise<Record<string, string>> {
  const pathName = process.platform === 'win32' ? 'Path' : 'PATH';
  const inherited = process.env.PATH ?? process.env.Path;
  return {
    ...allowlistedEnv(),
    [pathName]: mergePaths(await loginShellPath(), inherited),
    ...declared,
    ...secrets,
  };
}
