// The few variables of the hub's own environment that a child process (a server, the login shell
// asked for PATH) may see; nothing else of the hub's environment leaks into children.
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
