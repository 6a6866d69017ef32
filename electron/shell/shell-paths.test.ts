import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeCommand } from '../hub/clients/bridge-launcher.ts';
import { ideEntryLauncher } from './ide-entry-launcher.ts';
import { bundledServerRuntime, desktopBridgeLauncher, shellLayout, stableBridgeDir, trayIconPath } from './shell-paths.ts';

describe('shell layout', () => {
  it('finds everything under dist/ in a checkout', () => {
    expect(shellLayout({ mainDir: '/repo/dist/electron', isPackaged: false, resourcesPath: '/electron/resources' })).toEqual({
      rendererDir: '/repo/dist/renderer',
      preload: '/repo/dist/electron/preload.cjs',
      assetsDir: '/repo/dist/electron/assets',
      serversRoot: '/repo/dist/servers',
      bridgeDir: '/repo/dist/bridge',
      bridgeScript: '/repo/dist/bridge/mcp-tray.mjs',
      runtime: '/repo/dist/runtime/mcp-tray-runtime',
    });
  });

  it('takes servers and the bridge from resources/ in a packaged app', () => {
    const layout = shellLayout({ mainDir: '/opt/MCP Tray/resources/app.asar/dist/electron', isPackaged: true, resourcesPath: '/opt/MCP Tray/resources' });
    expect(layout.rendererDir).toBe('/opt/MCP Tray/resources/app.asar/dist/renderer');
    expect(layout.serversRoot).toBe('/opt/MCP Tray/resources/servers');
    expect(layout.bridgeScript).toBe('/opt/MCP Tray/resources/bridge/mcp-tray.mjs');
    expect(layout.runtime).toBe('/opt/MCP Tray/resources/runtime/mcp-tray-runtime');
    expect(bundledServerRuntime(layout, true)).toEqual({ command: '/opt/MCP Tray/resources/runtime/mcp-tray-runtime', env: {} });
    expect(bundledServerRuntime(layout, false)).toBeUndefined();
  });
});

describe('the IDE entry of the desktop app', () => {
  const exe = '/Applications/MCP Tray.app/Contents/MacOS/MCP Tray';
  const runtime = '/Applications/MCP Tray.app/Contents/Resources/runtime/mcp-tray-runtime';
  const script = '/Applications/MCP Tray.app/Contents/Resources/bridge/mcp-tray.mjs';

  it('runs the app\'s own runtime (not the app as Node) and names the app to start', () => {
    const launcher = desktopBridgeLauncher({ execPath: exe, bridgeScript: script, runtime, isPackaged: true });
    expect(launcher).toEqual({ command: runtime, args: [], env: { MCP_TRAY_APP: exe } });
    expect(bridgeCommand(launcher, 'cursor', '/tmp/custom-data')).toEqual({
      command: runtime,
      args: ['bridge', '--client', 'cursor', '--data-dir', '/tmp/custom-data'],
      env: { MCP_TRAY_APP: exe },
    });
  });

  it('runs Electron as Node in a development run (fuses untouched) and does not offer to start it from the bridge', () => {
    expect(desktopBridgeLauncher({ execPath: '/repo/node_modules/electron/dist/electron', bridgeScript: '/repo/dist/bridge/mcp-tray.mjs', runtime, isPackaged: false })).toEqual({
      command: '/repo/node_modules/electron/dist/electron',
      args: ['/repo/dist/bridge/mcp-tray.mjs'],
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
  });

  it('names an AppImage by its file, with the runtime copied out of the temporary mount once per version', () => {
    const mount = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-mount-'));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-data-'));
    const resources = path.join(mount, 'resources');
    mkdirSync(path.join(resources, 'runtime'), { recursive: true });
    writeFileSync(path.join(resources, 'runtime', 'mcp-tray-runtime'), 'runtime 1');
    const layout = shellLayout({ mainDir: path.join(resources, 'app.asar', 'dist', 'electron'), isPackaged: true, resourcesPath: resources });
    const input = { layout, dataDir, execPath: path.join(mount, 'mcp-tray'), appImage: '/home/me/Apps/MCP-Tray.AppImage', isPackaged: true, appVersion: '1.0.0' };
    const copied = path.join(stableBridgeDir(dataDir), 'mcp-tray-runtime');
    expect(ideEntryLauncher(input)).toEqual({ command: copied, args: [], env: { MCP_TRAY_APP: '/home/me/Apps/MCP-Tray.AppImage' } });
    expect(readFileSync(copied, 'utf8')).toBe('runtime 1');
    expect(statSync(copied).mode & 0o777).toBe(0o700);
    // Same version: the copy stays. A new version (same size even): copied again.
    writeFileSync(path.join(resources, 'runtime', 'mcp-tray-runtime'), 'runtime 2');
    ideEntryLauncher(input);
    expect(readFileSync(copied, 'utf8')).toBe('runtime 1');
    ideEntryLauncher({ ...input, appVersion: '1.1.0' });
    expect(readFileSync(copied, 'utf8')).toBe('runtime 2');
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
