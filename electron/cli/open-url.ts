// Opens the web UI in the user's browser (`mcp-tray serve`, `mcp-tray ui open`, unless --no-open):
// the desktop's own opener, no shell, nothing waited for. Without a display (servers, CI) it does
// nothing. The URL ends up in the opener's and the browser's command line, which every local user
// can read: callers pass only a one-time sign-in link, never anything that stays valid.
import { spawn } from 'node:child_process';

export function openInBrowser(url: string, env = process.env): boolean {
  const opener =
    process.platform === 'darwin'
      ? { command: 'open', args: [url] }
      : process.platform === 'win32'
        ? { command: 'explorer.exe', args: [url] }
        : env.DISPLAY || env.WAYLAND_DISPLAY
          ? { command: 'xdg-open', args: [url] }
          : undefined;
  if (!opener) return false;
  try {
    const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
