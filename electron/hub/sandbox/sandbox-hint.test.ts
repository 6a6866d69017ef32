import { describe, expect, it } from 'vitest';
import { busSockets } from './bus-address.ts';
import { sandboxFailureHint } from './sandbox-hint.ts';

describe("a sandboxed server's crash message", () => {
  it('names what the sandbox refused, and how to loosen it', () => {
    const hint = sandboxFailureHint({ serverId: 'notes', level: 'standard', lines: ["Error: EROFS: read-only file system, open '/home/ada/notes/x'"] });
    expect(hint).toMatch(/^it failed under its sandbox \(standard\): it tried to write where the sandbox allows no writes \("Error: EROFS/);
    expect(hint).toContain('mcp-tray servers set notes sandbox=off');
  });

  it('in strict, points at allowedHosts for a refused host or a program that ignores the proxy', () => {
    expect(sandboxFailureHint({ serverId: 'gh', level: 'strict', lines: ['sandbox: refused a connection to api.github.com:443: not in allowedHosts'] })).toContain('it asked for a host not in allowedHosts');
    const direct = sandboxFailureHint({ serverId: 'gh', level: 'strict', lines: ['getaddrinfo EAI_AGAIN api.github.com'] });
    expect(direct).toContain('without the proxy');
    expect(direct).toContain('mcp-tray servers set gh allowedHosts=HOST');
    // The same line in standard is not the sandbox's doing.
    expect(sandboxFailureHint({ serverId: 'gh', level: 'standard', lines: ['getaddrinfo EAI_AGAIN api.github.com'] })).toMatch(/^it runs in a sandbox \(standard\); if it works without one/);
  });
});

describe('where the session bus listens', () => {
  it('tells socket files (hidden by the sandbox) from abstract sockets (only a network namespace hides them)', () => {
    expect(busSockets('unix:path=/run/user/1000/bus')).toEqual({ paths: ['/run/user/1000/bus'], abstract: [] });
    expect(busSockets('unix:abstract=/tmp/dbus-XYZ,guid=1;unix:path=/tmp/a%20b')).toEqual({ paths: ['/tmp/a b'], abstract: ['/tmp/dbus-XYZ'] });
    expect(busSockets('tcp:host=localhost,port=1')).toEqual({ paths: [], abstract: [] });
    expect(busSockets(undefined)).toEqual({ paths: [], abstract: [] });
  });
});
