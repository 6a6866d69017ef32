import { describe, expect, it } from 'vitest';
import { bwrapArgs, PROXY_SOCKET_INSIDE, type HostPath } from './bwrap-args.ts';
import type { SandboxProfile } from './sandbox-profile.ts';

const profile = (extra: Partial<SandboxProfile> = {}): SandboxProfile => ({
  level: 'standard',
  home: '/home/ada',
  dataDir: '/home/ada/.config/MCP Tray',
  owned: [],
  folders: ['/home/ada/notes'],
  writable: false,
  blocked: [],
  caches: ['/home/ada/.npm'],
  denied: ['/home/ada/.ssh', '/home/ada/.cursor/mcp.json', '/home/ada/.aws'],
  runtimeDirs: ['/run/user/1000'],
  busPaths: [],
  abstractBuses: [],
  allowedHosts: [],
  ...extra,
});

// The host as these tests describe it (bwrapArgs takes the lookup so it stays pure): what exists, and what kind.
const host: Record<string, HostPath['kind']> = {
  '/home/ada/notes': 'dir',
  '/home/ada/.npm': 'dir',
  '/home/ada/.ssh': 'dir',
  '/home/ada/.cursor/mcp.json': 'file',
  '/home/ada/.config/MCP Tray': 'dir',
  '/home/ada/.config/MCP Tray/memory': 'dir',
  '/run/user/1000': 'dir',
  '/var/lib/bus/socket': 'other',
  '/tmp/.mount_app': 'dir',
  '/tmp/.mount_app/usr/bin/app': 'file',
};
const lookup = (p: string): HostPath => ({ real: p, kind: host[p] ?? 'missing' });
const target = { command: '/usr/bin/npx', args: ['-y', 'server'], cwd: '/home/ada/notes' };
const options = { disableUserns: true, programPaths: [], lookup };

/** The value after each occurrence of a flag. */
function pairs(args: string[], flag: string, width = 2): string[][] {
  const found: string[][] = [];
  args.forEach((arg, i) => arg === flag && found.push(args.slice(i + 1, i + 1 + width)));
  return found;
}

describe('a sandbox profile as bubblewrap arguments', () => {
  it('drops every capability, hides other processes and the IPC of the host, and forbids user namespaces inside', () => {
    const args = bwrapArgs(profile(), target, options);
    const head = args.slice(0, args.indexOf('--ro-bind'));
    expect(head).toEqual(['--unshare-user', '--disable-userns', '--unshare-pid', '--unshare-ipc', '--die-with-parent', '--cap-drop', 'ALL']);
    expect(args).not.toContain('--unshare-net');
    expect(args).not.toContain('--new-session');
    expect(args.slice(-4)).toEqual(['--', '/usr/bin/npx', '-y', 'server']);
    expect(pairs(args, '--chdir', 1)).toEqual([['/home/ada/notes']]);
  });

  it('strict gets a network namespace of its own and the proxy socket', () => {
    const args = bwrapArgs(profile({ level: 'strict' }), target, { ...options, proxySocket: '/data/sandbox/x.sock' });
    expect(args).toContain('--unshare-net');
    expect(pairs(args, '--ro-bind')).toContainEqual(['/data/sandbox/x.sock', PROXY_SOCKET_INSIDE]);
  });

  it('mounts the system read-only, /tmp and the runtime folder private, its folders read-only while write mode is off', () => {
    const args = bwrapArgs(profile(), target, options);
    expect(args.slice(args.indexOf('--ro-bind'), args.indexOf('--ro-bind') + 10)).toEqual(['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--ro-bind', '/proc/sys', '/proc/sys']);
    expect(pairs(args, '--tmpfs', 1).flat()).toEqual(expect.arrayContaining(['/tmp', '/run/user/1000']));
    expect(pairs(args, '--ro-bind')).toContainEqual(['/home/ada/notes', '/home/ada/notes']);
    expect(pairs(args, '--bind')).toEqual([['/home/ada/.npm', '/home/ada/.npm']]);
  });

  it('mounts its folders read-write with write mode on', () => {
    const args = bwrapArgs(profile({ writable: true }), target, options);
    expect(pairs(args, '--bind')).toContainEqual(['/home/ada/notes', '/home/ada/notes']);
  });

  it('hides a denied folder behind an empty one nobody may open, a denied file behind /dev/null, and skips what does not exist', () => {
    const args = bwrapArgs(profile(), target, options);
    const at = args.indexOf('/home/ada/.ssh');
    expect(args.slice(at - 3, at + 1)).toEqual(['--perms', '0000', '--tmpfs', '/home/ada/.ssh']);
    expect(pairs(args, '--ro-bind')).toContainEqual(['/dev/null', '/home/ada/.cursor/mcp.json']);
    expect(args).not.toContain('/home/ada/.aws');
    // Read-only once everything below is mounted.
    expect(pairs(args, '--remount-ro', 1)).toContainEqual(['/home/ada/.ssh']);
    expect(args.indexOf('--remount-ro')).toBeGreaterThan(args.indexOf('/home/ada/notes'));
  });

  it('hides the data dir (searchable, not listable) and mounts back the folder the server owns, after it', () => {
    const args = bwrapArgs(profile({ owned: ['/home/ada/.config/MCP Tray/memory'], writable: true }), target, options);
    const dataDir = args.indexOf('/home/ada/.config/MCP Tray');
    expect(args.slice(dataDir - 3, dataDir + 1)).toEqual(['--perms', '0111', '--tmpfs', '/home/ada/.config/MCP Tray']);
    const owned = args.indexOf('/home/ada/.config/MCP Tray/memory');
    expect(args[owned - 1]).toBe('--bind');
    expect(owned).toBeGreaterThan(dataDir);
  });

  it('puts parents before children, whatever the order of the profile', () => {
    const args = bwrapArgs(profile({ folders: ['/home/ada/.ssh/inside'], denied: ['/home/ada/.ssh'] }), target, { ...options, lookup: (p) => ({ real: p, kind: p.startsWith('/home/ada/.ssh') ? 'dir' : (host[p] ?? 'missing') }) });
    expect(args.indexOf('/home/ada/.ssh')).toBeLessThan(args.indexOf('/home/ada/.ssh/inside'));
  });

  it('hides a session bus socket outside the runtime folder, and mounts back a program that lives in /tmp', () => {
    const args = bwrapArgs(profile({ busPaths: ['/var/lib/bus/socket'] }), target, { ...options, programPaths: ['/tmp/.mount_app/usr/bin/app'] });
    expect(pairs(args, '--ro-bind')).toContainEqual(['/dev/null', '/var/lib/bus/socket']);
    expect(pairs(args, '--ro-bind')).toContainEqual(['/tmp/.mount_app', '/tmp/.mount_app']);
  });

  it('mounts back a program started through a link in /tmp that leads elsewhere', () => {
    const linked = (p: string): HostPath =>
      p === '/tmp/resources-x' ? { real: p, kind: 'dir' } : p === '/tmp/resources-x/runtime/rt' ? { real: '/opt/app/runtime/rt', kind: 'file' } : lookup(p);
    const args = bwrapArgs(profile(), target, { ...options, programPaths: ['/tmp/resources-x/runtime/rt'], lookup: linked });
    expect(pairs(args, '--ro-bind')).toContainEqual(['/tmp/resources-x', '/tmp/resources-x']);
    // Where it leads is outside /tmp, in the read-only system: nothing more to mount.
    expect(args.filter((a) => a.startsWith('/opt/app'))).toEqual([]);
  });

  it('uses --disable-userns only where the probe found it works', () => {
    expect(bwrapArgs(profile(), target, { ...options, disableUserns: false })).not.toContain('--disable-userns');
  });
});
