// Which installs the app updates itself, and what the others are told (the update flow itself runs
// against a loopback feed in e2e/electron/app-updates.test.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppUpdates, unsupportedReason } from './app-updater.ts';

const app = (isPackaged: boolean) => ({ isPackaged, getVersion: () => '1.2.3', getName: () => 'MCP Tray', getPath: () => '/tmp', whenReady: async () => undefined, relaunch: () => undefined, quit: () => undefined });

describe('which installs update themselves', () => {
  const resources = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-resources-'));

  it('updates the AppImage, the Windows installer and the macOS app', () => {
    expect(unsupportedReason({ app: app(true), platform: 'linux', env: { APPIMAGE: '/home/me/MCP-Tray.AppImage' }, resourcesPath: resources })).toBeUndefined();
    expect(unsupportedReason({ app: app(true), platform: 'win32', env: {}, resourcesPath: resources })).toBeUndefined();
    expect(unsupportedReason({ app: app(true), platform: 'darwin', env: {}, resourcesPath: resources })).toBeUndefined();
  });

  it('tells a .deb install to update through the package manager, and a development run to rebuild', () => {
    const deb = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-deb-'));
    writeFileSync(path.join(deb, 'package-type'), 'deb\n');
    expect(unsupportedReason({ app: app(true), platform: 'linux', env: {}, resourcesPath: deb })).toBe('installed from a .deb package: update MCP Tray with your package manager (apt)');
    expect(unsupportedReason({ app: app(false), platform: 'linux', env: { APPIMAGE: '/x' }, resourcesPath: resources })).toMatch(/^a development run/);
  });

  it('answers every call with the reason where it does not update, and never restarts', async () => {
    const updates = createAppUpdates({ app: app(false), platform: 'linux', env: {}, resourcesPath: resources, channel: () => 'beta', onChannelChange: () => undefined, quit: async () => undefined, report: () => undefined });
    expect(await updates.check()).toMatchObject({ phase: 'unsupported', current: '1.2.3', channel: 'beta' });
    expect(updates.afterHubStopped(0)).toBe(false);
  });
});
