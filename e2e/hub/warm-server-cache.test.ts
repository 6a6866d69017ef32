// `npm run warm:servers` (run by `npm install`) puts the bundled servers' compiled modules in the
// user's compile cache, which a sandboxed server may only read: without it each server strips its
// TypeScript at every start.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE, REPO, tempDir } from '../helpers/hub-process.ts';

const run = (env: NodeJS.ProcessEnv) =>
  new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(NODE, [path.join(REPO, 'electron', 'build', 'warm-server-cache.ts')], { env: { ...process.env, ...env } }, (error, stdout) => resolve({ code: error ? 1 : 0, stdout }));
  });

describe('warming the compile cache for the bundled servers', () => {
  it('fills the private cache folder with the servers’ modules, and a second run adds nothing', async () => {
    const cacheHome = tempDir('mcp-tray-cache-home-');
    const first = await run({ XDG_CACHE_HOME: cacheHome, NODE_COMPILE_CACHE: undefined });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/5 bundled servers compiled into/);
    const folder = path.join(cacheHome, 'mcp-tray', 'node-compile-cache');
    const [version, ...others] = readdirSync(folder);
    expect(others).toEqual([]);
    const entries = readdirSync(path.join(folder, version!));
    // Every module of every server: the SDK and the servers' own files, well over a hundred.
    expect(entries.length).toBeGreaterThan(100);
    await run({ XDG_CACHE_HOME: cacheHome, NODE_COMPILE_CACHE: undefined });
    expect(readdirSync(path.join(folder, version!)).length).toBe(entries.length);
  });
});
