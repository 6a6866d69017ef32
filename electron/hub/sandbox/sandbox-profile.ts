// What a sandboxed server may reach, worked out from its definition (docs/sandbox.md), the same for
// every OS; bwrap-args.ts and seatbelt-profile.ts turn it into bubblewrap arguments or a macOS
// profile. The rules:
// - The system is readable and nothing is writable, except what is listed here.
// - Hidden: MCP Tray's data dir (save a folder a bundled server owns in it, like the memory
//   server's), and every `deniedPaths` entry (credential stores, IDE configs). A folder the server
//   is configured for that lies inside one of them stays hidden.
// - Its folders (filesystem roots, git repositories, a command server's roots and cwd): readable,
//   writable only while its write mode is `ask` or `allow`.
// - Its package runner's cache (npx, uvx, …): writable, or it could not start.
// - A private /tmp, no session bus, no keychain, no other processes.
// - Network: open (`standard`), or only MCP Tray's proxy, which lets through `allowedHosts` (`strict`).
import path from 'node:path';
import type { SandboxLevel, ServerDefinition } from '../settings/schema.ts';
import { BUNDLED_SERVERS, expandHome } from '../server-registry/bundled-catalog.ts';
import { busSockets } from './bus-address.ts';
import { runnerCaches } from './runner-caches.ts';

export interface SandboxProfile {
  readonly level: Exclude<SandboxLevel, 'off'>;
  readonly home: string;
  /** MCP Tray's data dir: hidden, its listing refused; `owned` folders inside it stay reachable. */
  readonly dataDir: string;
  /** Folders inside the data dir that the server owns (the memory server's): readable, writable with write mode. */
  readonly owned: readonly string[];
  /** The folders the server is configured for: readable, writable with write mode. */
  readonly folders: readonly string[];
  /** Whether `folders` and `owned` are writable: the server's write mode is `ask` or `allow`. */
  readonly writable: boolean;
  /** Configured folders the sandbox keeps hidden, because they lie inside a protected path. */
  readonly blocked: readonly string[];
  /** Package runner caches: always writable. */
  readonly caches: readonly string[];
  /** The `deniedPaths` entries (absolute), data dir excluded: hidden. */
  readonly denied: readonly string[];
  /** Per-user runtime folders (the session bus, the keyring's control socket, ssh-agent): replaced by empty ones. */
  readonly runtimeDirs: readonly string[];
  /** Session bus sockets outside those folders: hidden. */
  readonly busPaths: readonly string[];
  /** Session bus addresses that are abstract sockets: only a network namespace (strict) keeps them out. */
  readonly abstractBuses: readonly string[];
  /** Hosts a strict sandbox lets through its proxy. */
  readonly allowedHosts: readonly string[];
}

export interface ProfileContext {
  readonly dataDir: string;
  /** The resolved `deniedPaths` (policy/denied-paths.ts), which start with the data dir. */
  readonly deniedPaths: readonly string[];
  readonly home: string;
  /** The hub's environment, for where the session bus and the runtime folder are. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly uid?: number;
  readonly platform?: NodeJS.Platform;
}

/** The profile of a server at this level; `command` is what it runs (for its runner's cache). */
export function sandboxProfile(def: ServerDefinition, level: Exclude<SandboxLevel, 'off'>, command: string, ctx: ProfileContext): SandboxProfile {
  const platform = ctx.platform ?? process.platform;
  const api = platform === 'win32' ? path.win32 : path.posix;
  const dataDir = api.resolve(ctx.dataDir);
  const denied = ctx.deniedPaths.map((p) => api.resolve(p)).filter((p) => p !== dataDir);
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(api.sep) ? parent : parent + api.sep);

  const owned: string[] = [];
  const folders: string[] = [];
  const blocked: string[] = [];
  for (const folder of configuredFolders(def, ctx.dataDir).map((f) => api.resolve(expandHome(f)))) {
    const inDataDir = inside(folder, dataDir);
    // Only a bundled server owns a folder inside the data dir, and never the data dir itself.
    if (denied.some((d) => inside(folder, d)) || (inDataDir && (def.kind !== 'bundled' || folder === dataDir))) blocked.push(folder);
    else if (inDataDir) owned.push(folder);
    else folders.push(folder);
  }

  const runtimeDirs = new Set<string>();
  if (ctx.env.XDG_RUNTIME_DIR) runtimeDirs.add(api.resolve(ctx.env.XDG_RUNTIME_DIR));
  if (platform === 'linux' && ctx.uid !== undefined) runtimeDirs.add(`/run/user/${ctx.uid}`);
  const bus = busSockets(ctx.env.DBUS_SESSION_BUS_ADDRESS);
  const tmp = platform === 'linux' ? ['/tmp'] : [];
  const underPrivate = (p: string) => [...runtimeDirs, ...tmp].some((dir) => inside(p, dir));

  return {
    level,
    home: ctx.home,
    dataDir,
    owned: unique(owned),
    folders: unique(folders),
    writable: def.writeMode !== 'off',
    blocked: unique(blocked),
    caches: runnerCaches(command, ctx.home, platform).filter((c) => !denied.some((d) => inside(c, d)) && !inside(c, dataDir)),
    denied: unique(denied),
    runtimeDirs: [...runtimeDirs],
    busPaths: bus.paths.filter((p) => !underPrivate(p)),
    abstractBuses: bus.abstract,
    allowedHosts: def.kind === 'http' ? [] : (def.allowedHosts ?? []),
  };
}

/** What a server is configured to work on: its sandbox profile's folders. */
export function configuredFolders(def: ServerDefinition, dataDir: string): string[] {
  switch (def.kind) {
    case 'bundled':
      return BUNDLED_SERVERS[def.bundled].folders(def.options, dataDir);
    case 'stdio':
      return [...(def.roots ?? []), ...(def.cwd ? [def.cwd] : [])];
    case 'http':
      return [];
  }
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
