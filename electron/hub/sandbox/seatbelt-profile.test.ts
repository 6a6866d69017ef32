// macOS profiles are checked as text: nothing here runs sandbox-exec.
import { describe, expect, it } from 'vitest';
import type { SandboxProfile } from './sandbox-profile.ts';
import { seatbeltProfile } from './seatbelt-profile.ts';

const profile = (extra: Partial<SandboxProfile> = {}): SandboxProfile => ({
  level: 'standard',
  home: '/Users/ada',
  dataDir: '/Users/ada/Library/Application Support/MCP Tray',
  owned: [],
  folders: ['/Users/ada/notes'],
  writable: false,
  blocked: [],
  caches: ['/Users/ada/.npm'],
  denied: ['/Users/ada/.ssh', '/Users/ada/Library/Keychains'],
  runtimeDirs: [],
  busPaths: [],
  abstractBuses: [],
  allowedHosts: [],
  ...extra,
});
const temp = { tempDir: '/var/folders/xy/T/mcp-tray-x-1' };

describe('a sandbox profile as a macOS Seatbelt profile', () => {
  it('denies by default and leaves out the keychain and other processes', () => {
    const text = seatbeltProfile(profile(), temp);
    expect(text.split('\n').slice(0, 2)).toEqual(['(version 1)', '(deny default)']);
    expect(text).not.toMatch(/SecurityServer|securityd|kern\.proc|kern\.procargs/);
    expect(text).toContain('(allow process-info* (target self))');
    expect(text).toContain('(allow signal (target same-sandbox))');
  });

  it('hides the denied paths and the data dir after allowing reads, and again after allowing writes', () => {
    const lines = seatbeltProfile(profile({ writable: true, folders: ['/Users/ada'] }), temp).split('\n');
    const readAll = lines.indexOf('(allow file-read*)');
    const hide = lines.findIndex((l) => l.startsWith('(deny file-read* file-write*') && l.includes('(subpath "/Users/ada/Library/Application Support/MCP Tray")'));
    const writes = lines.findIndex((l) => l.startsWith('(allow file-write*'));
    const hideAgain = lines.findLastIndex((l) => l === '(deny file-read* file-write* (subpath "/Users/ada/.ssh") (subpath "/Users/ada/Library/Keychains"))');
    expect(readAll).toBeGreaterThan(-1);
    expect(hide).toBeGreaterThan(readAll);
    expect(writes).toBeGreaterThan(hide);
    // A writable home still does not open ~/.ssh: the later rule wins.
    expect(hideAgain).toBeGreaterThan(writes);
  });

  it('lets it write its folders only with write mode on; its caches and its own temporary folder always', () => {
    const writeLine = (p: SandboxProfile) => seatbeltProfile(p, temp).split('\n').find((l) => l.startsWith('(allow file-write*'))!;
    expect(writeLine(profile())).not.toContain('/Users/ada/notes');
    expect(writeLine(profile({ writable: true }))).toContain('(subpath "/Users/ada/notes")');
    expect(writeLine(profile())).toContain('(subpath "/Users/ada/.npm")');
    expect(writeLine(profile())).toContain(`(subpath "${temp.tempDir}")`);
  });

  it('lets a server that owns a folder in the data dir pass through the data dir to it', () => {
    const text = seatbeltProfile(profile({ owned: ['/Users/ada/Library/Application Support/MCP Tray/memory'] }), temp);
    expect(text).toContain('(allow file-read-metadata (literal "/Users/ada/Library/Application Support/MCP Tray"))');
    expect(text).toContain('(allow file-read* (subpath "/Users/ada/Library/Application Support/MCP Tray/memory"))');
  });

  it('opens the network in standard; in strict only the proxy on loopback', () => {
    expect(seatbeltProfile(profile(), temp)).toContain('(allow network*)');
    const strict = seatbeltProfile(profile({ level: 'strict' }), { ...temp, proxyPort: 41234 });
    expect(strict).not.toContain('(allow network*)');
    expect(strict).toContain('(allow network-outbound (remote ip "localhost:41234"))');
    expect(() => seatbeltProfile(profile({ level: 'strict' }), temp)).toThrow(/proxy port/);
  });

  it('quotes paths so none can end a string and add a rule', () => {
    const text = seatbeltProfile(profile({ folders: ['/Users/ada/a"b\\c) (allow default'], writable: true }), temp);
    expect(text).toContain('(subpath "/Users/ada/a\\"b\\\\c) (allow default")');
    expect(text).not.toMatch(/^\(allow default\)/m);
  });
});
