// Start at login (docs/desktop-app.md): the choice lives in settings (`startAtLogin`), changed from the tray
// or the window like any other setting; this decides how to apply it to the OS. macOS and Windows
// have Electron's login items; Linux desktops read XDG autostart entries. A development run
// (Electron's own binary running dist/electron/main.js) is never registered.
import path from 'node:path';

export interface LoginItemInput {
  readonly platform: NodeJS.Platform;
  readonly isPackaged: boolean;
  readonly openAtLogin: boolean;
  readonly execPath: string;
  /** `$APPIMAGE`: the stable file of an AppImage (its execPath is a temporary mount). */
  readonly appImage?: string;
  /** Arguments for the login start (`--background`, a non-default `--data-dir`). */
  readonly args: readonly string[];
  readonly home: string;
  readonly xdgConfigHome?: string;
}

export type LoginItemPlan =
  | { readonly kind: 'electron'; readonly settings: { openAtLogin: boolean; args: string[]; path?: string } }
  | { readonly kind: 'autostart-file'; readonly file: string; readonly contents: string | undefined }
  | { readonly kind: 'skip'; readonly reason: string };

export function loginItemPlan(input: LoginItemInput): LoginItemPlan {
  if (!input.isPackaged) return { kind: 'skip', reason: 'Start at login applies to the installed app, not to a development run' };
  if (input.platform === 'darwin' || input.platform === 'win32') {
    return {
      kind: 'electron',
      settings: { openAtLogin: input.openAtLogin, args: [...input.args], ...(input.platform === 'win32' ? { path: input.execPath } : {}) },
    };
  }
  const file = path.join(input.xdgConfigHome || path.join(input.home, '.config'), 'autostart', 'mcp-tray.desktop');
  return { kind: 'autostart-file', file, contents: input.openAtLogin ? linuxAutostartEntry(input.appImage ?? input.execPath, input.args) : undefined };
}

const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** One argument of a desktop entry's Exec key, quoted and escaped as the spec asks. */
export function quoteExecArg(arg: string): string {
  const escaped = arg.replace(/%/g, '%%');
  if (!RESERVED.test(escaped)) return escaped;
  const quoted = `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`;
  // The Exec value is itself a string value, whose own escape for a backslash is a backslash.
  return quoted.replace(/\\/g, '\\\\');
}

export function linuxAutostartEntry(exec: string, args: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=MCP Tray',
    'Comment=Hosts your MCP servers and asks before every write',
    `Exec=${[exec, ...args].map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
