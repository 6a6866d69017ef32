// What the app's runtime runs and refuses (the built runtime itself runs in
// e2e/electron/packaged-entries.test.ts).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isInside, runtimeMain, serversRootFor } from './runtime-main.ts';

describe('the app runtime', () => {
  const resources = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-runtime-'));
  const exe = path.join(resources, 'runtime', 'mcp-tray-runtime');
  mkdirSync(path.join(resources, 'servers', 'memory'), { recursive: true });
  writeFileSync(path.join(resources, 'servers', 'memory', 'main.js'), '');
  writeFileSync(path.join(resources, 'evil.js'), '');
  symlinkSync(path.join(resources, 'evil.js'), path.join(resources, 'servers', 'link.js'));

  it('runs only files inside resources/servers, symbolic links resolved', () => {
    expect(serversRootFor(exe)).toBe(path.join(resources, 'servers'));
    expect(isInside(serversRootFor(exe), path.join(resources, 'servers', 'memory', 'main.js'))).toBe(true);
    expect(isInside(serversRootFor(exe), path.join(resources, 'servers', '..', 'evil.js'))).toBe(false);
    expect(isInside(serversRootFor(exe), path.join(resources, 'servers', 'link.js'))).toBe(false);
    expect(isInside(serversRootFor(exe), path.join(resources, 'servers', 'missing.js'))).toBe(false);
  });

  it('refuses any other script or command with one line and exit code 2', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runtimeMain([path.join(resources, 'evil.js')], exe)).toBe(2);
      expect(await runtimeMain(['status'], exe)).toBe(2);
      expect(await runtimeMain(['-e', 'process.exit(7)'], exe)).toBe(2);
      expect(await runtimeMain(['bridge'], exe)).toBe(2);
      expect(stderr.mock.calls.map(([line]) => String(line))).toEqual([
        expect.stringContaining("is not one of the app's bundled servers"),
        expect.stringContaining('usage: mcp-tray-runtime bridge --client ID'),
        expect.stringContaining('usage: mcp-tray-runtime bridge --client ID'),
        expect.stringContaining('bridge needs --client ID'),
      ]);
    } finally {
      stderr.mockRestore();
    }
  });
});
