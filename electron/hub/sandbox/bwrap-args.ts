// A sandbox profile as a bubblewrap command line (Linux). The sandbox starts from the whole file
// system mounted read-only, with a fresh /dev and /proc (its own pid namespace: no other process
// is visible; the kernel's settings under it read-only), then mounts over it, parents before
// children so a deeper rule wins:
//   private, writable, empty: /tmp and the per-user runtime folders (session bus, keyring control,
//     ssh-agent sockets live there);
//   read-only again: the program's own files when they live in /tmp (an AppImage's mount);
//   its folders (read-only, or read-write with write mode on) and its runner's caches (read-write);
//   hidden: each denied folder becomes an empty read-only folder nobody may open, each denied file
//     /dev/null; the data dir becomes an empty read-only folder that cannot be listed, with the
//     folders the server owns in it mounted back.
// Every capability is dropped (a root hub's servers could otherwise unmount what hides a folder),
// no new user namespace may be made inside, and everything dies with the hub (--die-with-parent).
// No --new-session: the hub starts each server in a session and process group of its own, with no
// terminal, and stops the whole group; a new session inside would leave that group.
import path from 'node:path';
import type { SandboxProfile } from './sandbox-profile.ts';
import { bwrapNamespaceArgs } from './sandbox-support.ts';

/** What a path is on the host, after resolving symlinks. */
export interface HostPath {
  readonly real: string;
  readonly kind: 'dir' | 'file' | 'other' | 'missing';
}

export interface BwrapTarget {
  /** The program, by absolute path (the sandbox does not search PATH for it). */
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
}

export interface BwrapOptions {
  readonly disableUserns: boolean;
  /** Files the program needs that may lie in a folder the sandbox replaces (/tmp): mounted back read-only. */
  readonly programPaths: readonly string[];
  /** strict: the proxy's socket on the host, mounted at PROXY_SOCKET_INSIDE; its network namespace is empty otherwise. */
  readonly proxySocket?: string;
  readonly lookup: (p: string) => HostPath;
}

/**
 * The kernel's knobs under the fresh /proc, read-only. A server of a hub run as root is root
 * without capabilities, and /proc/sys checks only the file's owner: it could otherwise set
 * kernel.core_pattern or kernel.modprobe, programs the kernel then runs as root outside. bubblewrap
 * covers some of these itself, but not on every system (seen: /proc/sys left writable), so they
 * are covered here explicitly.
 */
const PROC_COVERS = ['--ro-bind', '/proc/sys', '/proc/sys', '--ro-bind-try', '/proc/sysrq-trigger', '/proc/sysrq-trigger', '--ro-bind-try', '/proc/irq', '/proc/irq', '--ro-bind-try', '/proc/bus', '/proc/bus'];

/** Where a strict sandbox finds MCP Tray's proxy (its /tmp is its own). */
export const PROXY_SOCKET_INSIDE = '/tmp/.mcp-tray-proxy.sock';

type Mount =
  | { readonly op: 'tmpfs'; readonly path: string; readonly perms: string; readonly readOnly: boolean }
  | { readonly op: 'bind'; readonly source: string; readonly path: string; readonly writable: boolean }
  | { readonly op: 'null'; readonly path: string };

export function bwrapArgs(profile: SandboxProfile, target: BwrapTarget, options: BwrapOptions): string[] {
  const mounts: Mount[] = [];
  const seen = new Map<string, Mount>();
  const add = (mount: Mount) => {
    const earlier = seen.get(mount.path);
    // The same folder twice (a root that is also a cache): once, writable if either is.
    if (earlier?.op === 'bind' && mount.op === 'bind') {
      if (mount.writable && !earlier.writable) mounts[mounts.indexOf(earlier)] = mount;
      return;
    }
    seen.set(mount.path, mount);
    mounts.push(mount);
  };
  const lookup = options.lookup;
  const privateDirs = ['/tmp', ...profile.runtimeDirs.map((d) => lookup(d)).filter((d) => d.kind === 'dir').map((d) => d.real)];
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);

  add({ op: 'tmpfs', path: '/tmp', perms: '1777', readOnly: false });
  for (const dir of privateDirs.slice(1)) add({ op: 'tmpfs', path: dir, perms: '0700', readOnly: false });
  for (const socket of profile.busPaths) {
    const found = lookup(socket);
    if (found.kind !== 'missing' && found.kind !== 'dir') add({ op: 'null', path: found.real });
  }
  for (const file of options.programPaths) {
    const found = lookup(file);
    if (found.kind === 'missing') continue;
    // The path as given and where it leads: the program is started by the first, and a link in
    // /tmp pointing elsewhere (or a link elsewhere pointing into /tmp) must resolve inside too.
    for (const place of new Set([path.posix.resolve(file), found.real])) {
      // Only from /tmp (an AppImage's mount point): the runtime folders hold sockets, never programs.
      if (!inside(place, '/tmp') || place === '/tmp') continue;
      // The whole top folder there: a program's libraries sit beside it.
      const top = topFolder(place, '/tmp');
      const topFound = lookup(top);
      if (topFound.kind === 'dir') add({ op: 'bind', source: topFound.real, path: top, writable: false });
    }
  }
  for (const folder of profile.folders) {
    const found = lookup(folder);
    if (found.kind !== 'missing') add({ op: 'bind', source: found.real, path: found.real, writable: profile.writable });
  }
  for (const cache of profile.caches) {
    const found = lookup(cache);
    if (found.kind === 'dir') add({ op: 'bind', source: found.real, path: found.real, writable: true });
  }
  const dataDir = lookup(profile.dataDir);
  for (const denied of profile.denied) {
    const found = lookup(denied);
    if (found.kind === 'missing' || (dataDir.kind === 'dir' && inside(found.real, dataDir.real))) continue;
    add(found.kind === 'dir' ? { op: 'tmpfs', path: found.real, perms: '0000', readOnly: true } : { op: 'null', path: found.real });
  }
  if (dataDir.kind === 'dir') {
    // Searchable, not listable: the owned folders below stay reachable by their names.
    add({ op: 'tmpfs', path: dataDir.real, perms: '0111', readOnly: true });
    for (const folder of profile.owned) {
      const found = lookup(folder);
      if (found.kind === 'dir') add({ op: 'bind', source: found.real, path: found.real, writable: profile.writable });
    }
  }
  if (options.proxySocket) add({ op: 'bind', source: options.proxySocket, path: PROXY_SOCKET_INSIDE, writable: false });

  // Parents before children; the order above decides between equals (a stable sort).
  const ordered = [...mounts].sort((a, b) => depth(a.path) - depth(b.path));
  const args = [...bwrapNamespaceArgs(options.disableUserns), ...(profile.level === 'strict' ? ['--unshare-net'] : [])];
  args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', ...PROC_COVERS);
  for (const mount of ordered) {
    if (mount.op === 'tmpfs') args.push('--perms', mount.perms, '--tmpfs', mount.path);
    else if (mount.op === 'null') args.push('--ro-bind', '/dev/null', mount.path);
    else args.push(mount.writable ? '--bind' : '--ro-bind', mount.source, mount.path);
  }
  // Read-only only now: bubblewrap made the mount points of what lies below while they were writable.
  for (const mount of ordered) if (mount.op === 'tmpfs' && mount.readOnly) args.push('--remount-ro', mount.path);
  if (target.cwd) args.push('--chdir', target.cwd);
  args.push('--', target.command, ...target.args);
  return args;
}

function depth(p: string): number {
  return p.split('/').filter(Boolean).length;
}

/** `/tmp/.mount_ab12/usr/bin/app` in `/tmp` → `/tmp/.mount_ab12`. */
function topFolder(file: string, place: string): string {
  const rest = path.posix.relative(place, file).split('/')[0]!;
  return path.posix.join(place, rest);
}
