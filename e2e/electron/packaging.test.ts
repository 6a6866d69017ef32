// `npm run dist -- --dir` for Linux, offline: electron-builder packs the built app with a stand-in
// for Electron's unpacked distribution (ELECTRON_OVERRIDE_DIST_PATH; the real one cannot be
// downloaded here). The stand-in is not runnable (a shell script carrying Electron's fuse wire), so
// this shows the configuration and the layout the app relies on (shell-paths.ts), not a working app:
// app.asar with main, preload, UI and production node_modules; the keychain's native module
// unpacked; the servers and the bridge as resources; the runAsNode fuse on.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE, REPO, tempDir } from '../helpers/hub-process.ts';
import { ensureAppBuilt } from './fixtures/built-app.ts';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** An "Electron" dist: a script with Electron's fuse wire in it (version 1, 8 fuses, runAsNode off). */
function standInElectronDist(): string {
  const dir = tempDir('mcp-tray-electron-dist-');
  mkdirSync(path.join(dir, 'resources'));
  const binary = path.join(dir, 'electron');
  writeFileSync(binary, Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for Electron"; exit 1\n# '), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('01111111'), Buffer.from('\n')]));
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
  });

  it('names the executable mcp-tray and turns the runAsNode fuse on (the bridge needs it)', () => {
    const binary = readFileSync(path.join(app(), 'mcp-tray'));
    const wire = binary.indexOf(SENTINEL) + SENTINEL.length;
    expect(binary[wire + 2]).toBe('1'.charCodeAt(0));
  });
});
