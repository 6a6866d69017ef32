import { describe, expect, it } from 'vitest';
import { linuxAutostartEntry, loginItemPlan, quoteExecArg } from './login-item.ts';

const base = { isPackaged: true, openAtLogin: true, execPath: '/opt/MCP Tray/mcp-tray', args: ['--background'], home: '/home/me' } as const;

describe('start at login', () => {
  it('uses Electron login items on macOS and Windows', () => {
    expect(loginItemPlan({ ...base, platform: 'darwin' })).toEqual({ kind: 'electron', settings: { openAtLogin: true, args: ['--background'] } });
    expect(loginItemPlan({ ...base, platform: 'win32', openAtLogin: false })).toEqual({
      kind: 'electron',
      settings: { openAtLogin: false, args: ['--background'], path: '/opt/MCP Tray/mcp-tray' },
    });
  });

  it('writes (or removes) an XDG autostart entry on Linux, for the AppImage file when there is one', () => {
    const on = loginItemPlan({ ...base, platform: 'linux', appImage: '/home/me/Apps/MCP Tray.AppImage', xdgConfigHome: '/home/me/.cfg' });
    expect(on).toMatchObject({ kind: 'autostart-file', file: '/home/me/.cfg/autostart/mcp-tray.desktop' });
    expect((on as { contents: string }).contents).toContain('Exec="/home/me/Apps/MCP Tray.AppImage" --background\n');
    expect(loginItemPlan({ ...base, platform: 'linux', openAtLogin: false })).toEqual({
      kind: 'autostart-file',
      file: '/home/me/.config/autostart/mcp-tray.desktop',
      contents: undefined,
    });
  });

  it('never registers a development run', () => {
    expect(loginItemPlan({ ...base, platform: 'darwin', isPackaged: false }).kind).toBe('skip');
  });

  it('quotes Exec arguments as the desktop entry spec asks', () => {
    expect(quoteExecArg('/usr/bin/mcp-tray')).toBe('/usr/bin/mcp-tray');
    expect(quoteExecArg('/opt/My App/run')).toBe('"/opt/My App/run"');
    expect(quoteExecArg('a"b$c')).toBe('"a\\\\"b\\\\$c"');
    expect(quoteExecArg('100%')).toBe('100%%');
    expect(linuxAutostartEntry('/usr/bin/mcp-tray', ['--background'])).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
  });
});
