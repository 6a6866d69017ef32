import { describe, expect, it } from 'vitest';
import { defaultBundledDefinition } from '../server-registry/bundled-catalog.ts';
import { StdioServerSchema, type ServerDefinition } from '../settings/schema.ts';
import { sandboxProfile, type ProfileContext } from './sandbox-profile.ts';

const ctx: ProfileContext = {
  dataDir: '/home/ada/.config/MCP Tray',
  deniedPaths: ['/home/ada/.config/MCP Tray', '/home/ada/.ssh', '/home/ada/.aws', '/home/ada/.cursor/mcp.json'],
  home: '/home/ada',
  env: { XDG_RUNTIME_DIR: '/run/user/1000', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/user/1000/bus' },
  uid: 1000,
  platform: 'linux',
};

const stdio = (extra: Record<string, unknown> = {}): ServerDefinition =>
  StdioServerSchema.parse({ id: 'x', name: 'x', kind: 'stdio', command: 'npx', args: ['-y', 'some-server'], ...extra });

describe('what a sandboxed server may reach', () => {
  it("gives the filesystem server its roots, read-only while write mode is off, writable with ask", () => {
    const fs = { ...defaultBundledDefinition('filesystem', ctx.dataDir), options: { roots: ['/home/ada/notes', '/srv/code'] } };
    const off = sandboxProfile(fs, 'standard', '/usr/bin/node', ctx);
    expect(off.folders).toEqual(['/home/ada/notes', '/srv/code']);
    expect(off.writable).toBe(false);
    expect(sandboxProfile({ ...fs, writeMode: 'ask' }, 'standard', '/usr/bin/node', ctx).writable).toBe(true);
  });

  it('hides the denied paths and the data dir; the memory server owns only its own folder in it', () => {
    const memory = defaultBundledDefinition('memory', ctx.dataDir);
    const profile = sandboxProfile(memory, 'standard', '/usr/bin/node', ctx);
    expect(profile.dataDir).toBe('/home/ada/.config/MCP Tray');
    expect(profile.owned).toEqual(['/home/ada/.config/MCP Tray/memory']);
    expect(profile.folders).toEqual([]);
    expect(profile.denied).toEqual(['/home/ada/.ssh', '/home/ada/.aws', '/home/ada/.cursor/mcp.json']);
  });

  it('keeps a configured folder hidden when it lies inside a protected path, and a command server never owns the data dir', () => {
    const profile = sandboxProfile(stdio({ roots: ['/home/ada/.ssh', '/home/ada/.config/MCP Tray/memory', '/home/ada/ok'], cwd: '/home/ada/.config/MCP Tray' }), 'standard', 'npx', ctx);
    expect(profile.folders).toEqual(['/home/ada/ok']);
    expect(profile.owned).toEqual([]);
    expect(profile.blocked).toEqual(['/home/ada/.ssh', '/home/ada/.config/MCP Tray/memory', '/home/ada/.config/MCP Tray']);
  });

  it("lets a package runner write its cache, unless that cache is protected", () => {
    expect(sandboxProfile(stdio(), 'standard', '/usr/bin/npx', ctx).caches).toEqual(['/home/ada/.npm']);
    expect(sandboxProfile(stdio({ command: 'uvx' }), 'standard', '/usr/local/bin/uvx', ctx).caches).toEqual(['/home/ada/.cache/uv', '/home/ada/.local/share/uv']);
    expect(sandboxProfile(stdio(), 'standard', '/usr/bin/node', ctx).caches).toEqual([]);
    const npmDenied = { ...ctx, deniedPaths: [...ctx.deniedPaths, '/home/ada/.npm'] };
    expect(sandboxProfile(stdio(), 'standard', '/usr/bin/npx', npmDenied).caches).toEqual([]);
  });

  it('replaces the runtime folders (session bus, keyring, agents) and hides a bus socket elsewhere; an abstract bus is only noted', () => {
    const elsewhere = { ...ctx, env: { XDG_RUNTIME_DIR: '/run/user/1000', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/var/lib/bus/socket;unix:abstract=/tmp/dbus-abc' } };
    const profile = sandboxProfile(stdio(), 'strict', 'npx', elsewhere);
    expect(profile.runtimeDirs).toEqual(['/run/user/1000']);
    expect(profile.busPaths).toEqual(['/var/lib/bus/socket']);
    expect(profile.abstractBuses).toEqual(['/tmp/dbus-abc']);
    // The socket inside the runtime folder goes with the folder.
    expect(sandboxProfile(stdio(), 'standard', 'npx', ctx).busPaths).toEqual([]);
  });

  it('carries the allowed hosts of a strict server', () => {
    expect(sandboxProfile(stdio({ allowedHosts: ['api.github.com:443'] }), 'strict', 'npx', ctx).allowedHosts).toEqual(['api.github.com:443']);
  });
});
