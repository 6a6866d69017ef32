import { chmodSync, chownSync, mkdirSync, mkdtempSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheFolder, privateCompileCacheFolder } from '../../bin/private-compile-cache.js';

const temp = () => mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-cache-test-'));

describe('the compile cache folder', () => {
  it('is made 0700 in the user cache folder, never in the shared temp folder', () => {
    const cache = temp();
    const folder = privateCompileCacheFolder({ XDG_CACHE_HOME: cache });
    expect(folder).toBe(path.join(cache, 'mcp-tray', 'node-compile-cache'));
    expect(statSync(folder!).mode & 0o777).toBe(0o700);
    expect(statSync(path.dirname(folder!)).mode & 0o777).toBe(0o700);
    expect(compileCacheFolder({})).toBe(path.join(os.homedir(), '.cache', 'mcp-tray', 'node-compile-cache'));
    expect(compileCacheFolder({ XDG_CACHE_HOME: 'relative' })).toBe(path.join(os.homedir(), '.cache', 'mcp-tray', 'node-compile-cache'));
  });

  it('is not used when others may write it or its parent', () => {
    const cache = temp();
    mkdirSync(path.join(cache, 'mcp-tray', 'node-compile-cache'), { recursive: true });
    chmodSync(path.join(cache, 'mcp-tray', 'node-compile-cache'), 0o777);
    expect(privateCompileCacheFolder({ XDG_CACHE_HOME: cache })).toBeUndefined();
    chmodSync(path.join(cache, 'mcp-tray', 'node-compile-cache'), 0o700);
    chmodSync(path.join(cache, 'mcp-tray'), 0o777);
    expect(privateCompileCacheFolder({ XDG_CACHE_HOME: cache })).toBeUndefined();
  });

  it('is not used when it is a link (to a folder someone else prepared)', () => {
    const cache = temp();
    const elsewhere = temp();
    mkdirSync(path.join(cache, 'mcp-tray'), { mode: 0o700 });
    symlinkSync(elsewhere, path.join(cache, 'mcp-tray', 'node-compile-cache'));
    expect(privateCompileCacheFolder({ XDG_CACHE_HOME: cache })).toBeUndefined();
  });

  it.runIf(process.getuid?.() === 0)('is not used when another user owns it', () => {
    const cache = temp();
    const folder = path.join(cache, 'mcp-tray', 'node-compile-cache');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chownSync(folder, 65534, 65534);
    expect(privateCompileCacheFolder({ XDG_CACHE_HOME: cache })).toBeUndefined();
  });
});
