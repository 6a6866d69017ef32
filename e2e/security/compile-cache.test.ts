// Node keeps compiled (and type-stripped) modules between runs in a cache that, by default, is a
// folder in the shared temp folder. Another local user who makes that folder first could plant the
// compiled form of our modules there for the hub to run. Attack: that folder exists, made by
// `nobody` and open to all (as an attacker would leave it); MCP Tray must neither read nor write it,
// and keeps its cache in the user's own cache folder, 0700.
import { chownSync, chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/hub-process.ts';

const NOBODY = 65534;

describe('the compile cache is the user’s own', () => {
  it('leaves a cache folder another user prepared in the temp folder untouched, and keeps its own 0700 in the user cache folder', async () => {
    const home = tempDir('mcp-tray-home-');
    const tmp = tempDir('mcp-tray-tmp-');
    const planted = path.join(tmp, 'node-compile-cache');
    mkdirSync(planted);
    chmodSync(planted, 0o777);
    if (process.getuid?.() === 0) chownSync(planted, NOBODY, NOBODY);

    const result = await cli(tempDir(), ['--help'], { env: { HOME: home, TMPDIR: tmp, XDG_CACHE_HOME: undefined, NODE_COMPILE_CACHE: undefined } });
    expect(result.code, result.stderr).toBe(0);

    expect(readdirSync(planted)).toEqual([]);
    const own = path.join(home, '.cache', 'mcp-tray', 'node-compile-cache');
    expect(existsSync(own)).toBe(true);
    expect(statSync(own).mode & 0o777).toBe(0o700);
    // The cache is really used: the CLI's modules are in it.
    const versions = readdirSync(own);
    expect(versions.length).toBe(1);
    expect(readdirSync(path.join(own, versions[0]!)).length).toBeGreaterThan(5);
  });
});
