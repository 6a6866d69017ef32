// The packaging configuration, checked offline: electron-builder's own schema accepts it, and it
// holds what MCP Tray needs (targets, resources, unpacked native module, tray-only macOS app,
// Electron's fuses, the update feed).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configProblems, feedOf, isElectronDownloadFailure, readBuilderConfig, REQUIRED_FUSES } from './builder-config.ts';
import { validate } from './dist.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('electron-builder.yml', () => {
  const config = readBuilderConfig(ROOT);

  it('is accepted by electron-builder and has everything MCP Tray needs', async () => {
    expect(await validate(ROOT)).toEqual([]);
  });

  it('builds AppImage + deb, dmg + the zip macOS updates need, and nsis', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('ships the servers and the bridge as resources and unpacks the keychain module', () => {
    expect(config.extraResources?.map((r) => [r.from, r.to])).toEqual([
      ['dist/servers', 'servers'],
      ['dist/bridge', 'bridge'],
      ['dist/runtime', 'runtime'],
    ]);
    expect(config.asarUnpack).toEqual(['**/node_modules/@napi-rs/keyring*/**']);
  });

  it('turns runAsNode, NODE_OPTIONS and the inspector off, and cookie encryption and ASAR integrity on', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(Object.keys(REQUIRED_FUSES).sort()).toEqual(Object.keys(config.electronFuses ?? {}).sort());
  });

  it('names an https update feed', () => {
    expect(feedOf(config.publish)).toEqual({ provider: 'generic', url: 'https://updates.mcptray.dev/desktop' });
    expect(feedOf([{ provider: 'generic', url: 'http://updates.example/' }])).toBeUndefined();
    expect(feedOf({ provider: 'github', owner: 'o', repo: 'r' })).toEqual({ provider: 'github' });
  });

  it('would catch a configuration that drops one of them', () => {
    const broken = { ...config, linux: { target: ['AppImage'] }, extraResources: [], asarUnpack: [], electronFuses: { ...config.electronFuses, runAsNode: true, enableNodeCliInspectArguments: undefined }, publish: undefined };
    expect(configProblems(broken)).toEqual([
      'linux.target lacks deb',
      'extraResources must copy dist/servers to resources/servers (the bundled servers)',
      'extraResources must copy dist/bridge to resources/bridge (what IDE entries run)',
      'asarUnpack must unpack @napi-rs/keyring (a native module)',
      'extraResources must copy dist/runtime to resources/runtime (what IDE entries and bundled servers run)',
      'electronFuses.runAsNode must be false: ELECTRON_RUN_AS_NODE would turn the app, with its keychain access, into a Node anyone can run',
      'electronFuses.enableNodeCliInspectArguments must be false: --inspect or SIGUSR1 would open a debugger into the app',
      'publish must name an update feed (provider github or generic) for electron-updater',
    ]);
  });

  it('tells a failed Electron download from other failures', () => {
    expect(isElectronDownloadFailure('⨯ getaddrinfo ENOTFOUND github.com  failedTask=build')).toBe(true);
    expect(isElectronDownloadFailure('⨯ Cannot find module dist/electron/main.js')).toBe(false);
  });
});
