// The packaging configuration, checked offline: electron-builder's own schema accepts it, and it
// holds what MCP Tray needs (targets, resources, unpacked native module, tray-only macOS app).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configProblems, isElectronDownloadFailure, readBuilderConfig } from './builder-config.ts';
import { validate } from './dist.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('electron-builder.yml', () => {
  const config = readBuilderConfig(ROOT);

  it('is accepted by electron-builder and has everything MCP Tray needs', async () => {
    expect(await validate(ROOT)).toEqual([]);
  });

  it('builds AppImage + deb, dmg and nsis', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('ships the servers and the bridge as resources and unpacks the keychain module', () => {
    expect(config.extraResources?.map((r) => [r.from, r.to])).toEqual([
      ['dist/servers', 'servers'],
      ['dist/bridge', 'bridge'],
    ]);
    expect(config.asarUnpack).toEqual(['**/node_modules/@napi-rs/keyring*/**']);
  });

  it('would catch a configuration that drops one of them', () => {
    expect(configProblems({ ...config, linux: { target: ['AppImage'] }, extraResources: [], asarUnpack: [], electronFuses: { runAsNode: false } })).toEqual([
      'linux.target lacks deb',
      'extraResources must copy dist/servers to resources/servers (the bundled servers)',
      'extraResources must copy dist/bridge to resources/bridge (what IDE entries run)',
      'asarUnpack must unpack @napi-rs/keyring (a native module)',
      'electronFuses.runAsNode must stay on: the bridge runs the app as Node',
    ]);
  });

  it('tells a failed Electron download from other failures', () => {
    expect(isElectronDownloadFailure('⨯ getaddrinfo ENOTFOUND github.com  failedTask=build')).toBe(true);
    expect(isElectronDownloadFailure('⨯ Cannot find module dist/electron/main.js')).toBe(false);
  });
});
