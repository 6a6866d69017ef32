import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeCommand } from '../hub/clients/bridge-launcher.ts';
import { ideEntryLauncher } from './ide-entry-launcher.ts';
import { desktopBridgeLauncher, shellLayout, stableBridgeDir, trayIconPath } from './shell-paths.ts';

describe('shell layout', () => {
  it('finds everything under dist/ in a checkout', () => {
    expect(shellLayout({ mainDir: '/repo/dist/electron', isPackaged: false, resourcesPath: '/electron/resources' })).toEqual({
      rendererDir: '/repo/dist/renderer',
      preload: '/repo/dist/electron/preload.cjs',
      assetsDir: '/repo/dist/electron/assets',
      serversRoot: '/repo/dist/servers',
      bridgeDir: '/repo/dist/bridge',
      bridgeScript: '/repo/dist/bridge/mcp-tray.mjs',
    });
  });

  it('takes servers and the bridge from resources/ in a packaged app', () => {
    const layout = shellLayout({ mainDir: '/opt/MCP Tray/resources/app.asar/dist/electron', isPackaged: true, resourcesPath: '/opt/MCP Tray/resources' });
    expect(layout.rendererDir).toBe('/opt/MCP Tray/resources/app.asar/dist/renderer');
    expect(layout.serversRoot).toBe('/opt/MCP Tray/resources/servers');
    expect(layout.bridgeScript).toBe('/opt/MCP Tray/resources/bridge/mcp-tray.mjs');
  });
});

describe('the IDE entry of the desktop app', () => {
  const exe = '/Applications/MCP Tray.app/Contents/MacOS/MCP Tray';
  const script = '/Applications/MCP Tray.app/Contents/Resources/bridge/mcp-tray.mjs';

  it('runs the app itself as Node with the bundled CLI, and names the app to start', () => {
    const launcher = desktopBridgeLauncher({ execPath: exe, bridgeScript: script, isPackaged: true });
    expect(launcher).toEqual({ command: exe, args: [script], env: { ELECTRON_RUN_AS_NODE: '1', MCP_TRAY_APP: exe } });
    expect(bridgeCommand(launcher, 'cursor', '/tmp/custom-data')).toEqual({
      command: exe,
      args: [script, 'bridge', '--client', 'cursor', '--data-dir', '/tmp/custom-data'],
      env: { ELECTRON_RUN_AS_NODE: '1', MCP_TRAY_APP: exe },
    });
  });

  it('does not offer to start a development run (Electron binary + main.js) from the bridge', () => {
    expect(desktopBridgeLauncher({ execPath: '/repo/node_modules/electron/dist/electron', bridgeScript: '/repo/dist/bridge/mcp-tray.mjs', isPackaged: false }).env).toEqual({
      ELECTRON_RUN_AS_NODE: '1',
    });
  });

  it('runs an AppImage through its file, with the bridge copied out of the temporary mount', () => {
    const mount = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-mount-'));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-data-'));
    const bridgeDir = path.join(mount, 'resources', 'bridge');
    mkdirSync(path.join(bridgeDir, 'chunks'), { recursive: true });
    writeFileSync(path.join(bridgeDir, 'mcp-tray.mjs'), '// entry');
    writeFileSync(path.join(bridgeDir, 'chunks', 'bridge.mjs'), '// chunk');
    const layout = shellLayout({ mainDir: path.join(mount, 'resources', 'app.asar', 'dist', 'electron'), isPackaged: true, resourcesPath: path.join(mount, 'resources') });
    const launcher = ideEntryLauncher({ layout, dataDir, execPath: path.join(mount, 'mcp-tray'), appImage: '/home/me/Apps/MCP-Tray.AppImage', isPackaged: true });
    const copied = path.join(stableBridgeDir(dataDir), 'mcp-tray.mjs');
    expect(launcher).toEqual({ command: '/home/me/Apps/MCP-Tray.AppImage', args: [copied], env: { ELECTRON_RUN_AS_NODE: '1', MCP_TRAY_APP: '/home/me/Apps/MCP-Tray.AppImage' } });
    expect(readFileSync(copied, 'utf8')).toBe('// entry');
    expect(existsSync(path.join(stableBridgeDir(dataDir), 'chunks', 'bridge.mjs'))).toBe(true);
  });
});

describe('tray icons', () => {
  it('use a template image on macOS when normal, coloured ones otherwise', () => {
    expect(trayIconPath('/a', 'normal', 'darwin')).toBe('/a/trayTemplate.png');
    expect(trayIconPath('/a', 'attention', 'darwin')).toBe('/a/tray-attention.png');
    expect(trayIconPath('/a', 'normal', 'linux')).toBe('/a/tray-normal.png');
    expect(trayIconPath('/a', 'error', 'win32')).toBe('/a/tray-error.png');
  });

  it('exist, at 1x and 2x', () => {
    const assets = new URL('../assets/', import.meta.url);
    for (const name of ['tray-normal', 'tray-attention', 'tray-error', 'trayTemplate']) {
      for (const suffix of ['', '@2x']) expect(existsSync(new URL(`${name}${suffix}.png`, assets)), `${name}${suffix}`).toBe(true);
    }
  });
});
