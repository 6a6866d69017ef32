import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeniedPaths, deniedPathsFromEnv, realPathOf } from './denied-paths.ts';

describe('denied paths', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'mcp-tray-denied-unit-'));
  const secret = path.join(base, 'Secret Stuff');
  mkdirSync(secret);
  symlinkSync(secret, path.join(base, 'alias'));

  it.each([
    [secret, true],
    [path.join(secret, 'a', 'b.txt'), true],
    [path.join(base, 'alias', 'x'), true],
    [path.join(base, 'x', '..', 'Secret Stuff', 'y'), true],
    [`${secret}-not`, false],
    [path.join(base, 'other'), false],
    [base, false],
  ])('%s denied: %s', (target, expected) => {
    expect(new DeniedPaths([secret], 'linux').denies(target)).toBe(expected);
  });

  it('folds case and Unicode normalization where the file system does (macOS, Windows)', () => {
    const decomposed = path.join(base, 'Caf\u0065\u0301');
    const macos = new DeniedPaths([secret, path.join(base, 'Caf\u00e9')], 'darwin');
    expect(macos.denies(path.join(base, 'SECRET STUFF', 'k'))).toBe(true);
    expect(macos.denies(path.join(decomposed, 'k'))).toBe(true);
    expect(new DeniedPaths([secret], 'linux').denies(path.join(base, 'SECRET STUFF', 'k'))).toBe(false);
  });

  it('expands ~ and finds the real path of what does not exist yet', () => {
    expect(new DeniedPaths(['~/.ssh'], 'linux').denies(path.join(os.homedir(), '.ssh', 'id_ed25519'))).toBe(true);
    expect(realPathOf(path.join(base, 'alias', 'new', 'file'))).toBe(path.join(realPathOf(secret), 'new', 'file'));
  });

  it('follows a link whose target cannot be resolved (not there yet, or hidden by the sandbox) by what it says', () => {
    symlinkSync(path.join(secret, 'hidden', 'log.txt'), path.join(base, 'innocent.txt'));
    expect(new DeniedPaths([secret], 'linux').denies(path.join(base, 'innocent.txt'))).toBe(true);
    // A loop ends (as the kernel's ELOOP would) instead of hanging.
    symlinkSync(path.join(base, 'loop-b'), path.join(base, 'loop-a'));
    symlinkSync(path.join(base, 'loop-a'), path.join(base, 'loop-b'));
    expect(new DeniedPaths([secret], 'linux').denies(path.join(base, 'loop-a'))).toBe(false);
  });

  it('reads the list from the environment, and refuses a malformed one', () => {
    expect(deniedPathsFromEnv({ MCP_TRAY_DENIED_PATHS: JSON.stringify(['/a', '/b']) })).toEqual(['/a', '/b']);
    expect(deniedPathsFromEnv({})).toEqual([]);
    expect(() => deniedPathsFromEnv({ MCP_TRAY_DENIED_PATHS: '{"a":1}' })).toThrow('JSON array');
  });
});
