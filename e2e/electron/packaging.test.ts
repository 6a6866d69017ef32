// `npm run dist -- --dir` for Linux, offline: electron-builder packs the built app with a stand-in
// for Electron's unpacked distribution (ELECTRON_OVERRIDE_DIST_PATH; the real one cannot be
// downloaded here). The stand-in is not runnable (a shell script carrying Electron's fuse wire), so
// this shows the configuration and the layout the app relies on (shell-paths.ts), not a working app:
// app.asar with main, preload, UI and production node_modules; the keychain's native module
// unpacked; the servers, the bridge and the app's Node runtime as resources; Electron's fuses as
// docs/security.md says (runAsNode off); the update feed in resources/app-update.yml.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NODE, REPO, tempDir } from '../helpers/hub-process.ts';
import { ensureAppBuilt } from './fixtures/built-app.ts';
import { ensureRuntimeBuilt } from './fixtures/built-runtime.ts';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** An "Electron" dist: a script with Electron's fuse wire in it (version 1, 8 fuses, as Electron ships them). */
function standInElectronDist(): string {
  const dir = tempDir('mcp-tray-electron-dist-');
  mkdirSync(path.join(dir, 'resources'));
  const binary = path.join(dir, 'electron');
  writeFileSync(binary, Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for Electron"; exit 1\n# '), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001'), Buffer.from('\n')]));
  chmodSync(binary, 0o755);
  writeFileSync(path.join(dir, 'version'), '45.4.1');
  writeFileSync(path.join(dir, 'LICENSE'), '');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '');
  return dir;
}

let out: string;
let log: string;
beforeAll(() => {
  ensureAppBuilt();
  ensureRuntimeBuilt();
  out = tempDir('mcp-tray-dist-out-');
  const result = spawnSync(NODE, [path.join(REPO, 'electron', 'build', 'packaging', 'dist.ts'), '--dir', '--linux', `-c.directories.output=${out}`], {
    cwd: REPO,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: standInElectronDist() },
    encoding: 'utf8',
    timeout: 180_000,
  });
  log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm run dist -- --dir failed (${result.status}):\n${log}`);
}, 240_000);

describe('packaging (Linux, unpacked, with a stand-in Electron)', () => {
  const app = () => path.join(out, 'linux-unpacked');
  const asarList = () => execFileSync(NODE, [path.join(REPO, 'node_modules', '@electron', 'asar', 'bin', 'asar.js'), 'list', path.join(app(), 'resources', 'app.asar')], { encoding: 'utf8' }).split('\n');

  it('validates the configuration first', () => {
    expect(log).toContain('electron-builder.yml is valid');
  });

  it('puts the main process, the preload, the icons and the UI into app.asar, without source maps', () => {
    const files = asarList();
    for (const file of ['/package.json', '/dist/electron/main.js', '/dist/electron/preload.cjs', '/dist/electron/assets/tray-normal.png', '/dist/renderer/index.html']) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files).toContain('/node_modules/electron-store');
    expect(files.some((f) => f.startsWith('/node_modules/electron/'))).toBe(false);
  });

  it('unpacks the keychain native module from asar', () => {
    const unpacked = path.join(app(), 'resources', 'app.asar.unpacked', 'node_modules', '@napi-rs');
    expect(existsSync(unpacked)).toBe(true);
  });

  it('ships every bundled server and the bridge as resources', () => {
    const resources = path.join(app(), 'resources');
    for (const kind of ['filesystem', 'memory', 'git', 'postgres']) expect(existsSync(path.join(resources, 'servers', kind, 'main.js')), kind).toBe(true);
    expect(JSON.parse(readFileSync(path.join(resources, 'servers', 'package.json'), 'utf8'))).toEqual({ type: 'module' });
    expect(existsSync(path.join(resources, 'bridge', 'mcp-tray.mjs'))).toBe(true);
    expect(statSync(path.join(resources, 'runtime', 'mcp-tray-runtime')).mode & 0o111).not.toBe(0);
  });

  it('writes the update feed for electron-updater', () => {
    expect(parse(readFileSync(path.join(app(), 'resources', 'app-update.yml'), 'utf8'))).toMatchObject({ provider: 'generic', url: 'https://updates.mcptray.dev/desktop' });
  });

  it('names the executable mcp-tray and sets the fuses: runAsNode, NODE_OPTIONS, inspect, file:// off; cookies, ASAR integrity, ASAR only on', () => {
    const binary = readFileSync(path.join(app(), 'mcp-tray'));
    const wire = binary.indexOf(SENTINEL) + SENTINEL.length;
    // Electron's fuse wire: version, count, then one byte per fuse in FuseV1Options order
    // (runAsNode, cookie encryption, NODE_OPTIONS, inspect, ASAR integrity, only ASAR, V8 snapshot, file://).
    const fuses = binary.subarray(wire + 2, wire + 2 + 8).toString('latin1');
    expect(fuses).toBe('01001100');
  });
});
