import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchOptions } from './launch-options.ts';

const USER_DATA = '/home/me/.config/MCP Tray';

describe('launch options', () => {
  it('default to the per-user app data folder, in the foreground', () => {
    expect(parseLaunchOptions(['/opt/MCP Tray/mcp-tray'], {}, USER_DATA)).toEqual({ dataDir: USER_DATA, background: false });
  });

  it('take --data-dir (both spellings) among Electron and Chromium switches', () => {
    const argv = ['/repo/node_modules/electron/dist/electron', '/repo/dist/electron/main.js', '--no-sandbox', '--data-dir', 'rel/dir', '--background'];
    expect(parseLaunchOptions(argv, {}, USER_DATA)).toEqual({ dataDir: path.resolve('rel/dir'), background: true });
    expect(parseLaunchOptions(['app', '--data-dir=/tmp/d'], {}, USER_DATA).dataDir).toBe('/tmp/d');
  });

  it('fall back to MCP_TRAY_HOME before the app data folder', () => {
    expect(parseLaunchOptions(['app'], { MCP_TRAY_HOME: '/srv/tray' }, USER_DATA).dataDir).toBe('/srv/tray');
    expect(parseLaunchOptions(['app', '--data-dir', '/x'], { MCP_TRAY_HOME: '/srv/tray' }, USER_DATA).dataDir).toBe('/x');
  });
});
