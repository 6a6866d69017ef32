// The hub's sandboxing (docs/sandbox.md): whether this machine can sandbox, how a server's command
// line becomes a sandboxed one (every start goes through here, a per-client lane's or an on-demand
// server's too, since they all start from the same launch plan), the strict sandboxes' proxies, and
// what each server may reach, for its card.
import { lstatSync, mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SandboxInfo } from '../contract/shapes.ts';
import type { SandboxLevel, ServerDefinition } from '../settings/schema.ts';
import { programEntry } from '../server-registry/bundled-catalog.ts';
import type { NodeRuntime } from '../server-registry/launch-plan.ts';
import { CommandNotFoundError, resolveCommand, type SpawnSpec } from '../supervisor/process-group.ts';
import { assertPrivateFolder } from '../paths.ts';
import { bwrapArgs, PROXY_SOCKET_INSIDE, type HostPath } from './bwrap-args.ts';
import { EgressProxy } from './egress-proxy.ts';
import { describeReach, sandboxGaps } from './sandbox-reach.ts';
import { sandboxLevel } from './sandbox-level.ts';
import { sandboxProfile, type SandboxProfile } from './sandbox-profile.ts';
import { detectSandboxSupport, type SandboxSupport } from './sandbox-support.ts';
import { seatbeltProfile } from './seatbelt-profile.ts';

/** What a start did about the sandbox: for the server's log and its crash messages. */
export interface SandboxOutcome {
  readonly level: SandboxLevel;
  readonly applied: boolean;
  readonly mechanism?: SandboxSupport['mechanism'];
  /** Why it runs unsandboxed. */
  readonly reason?: string;
  /** One line for the server's log. */
  readonly summary: string;
}

/** A strict sandbox was asked for where there is none: the server does not start open instead. */
export class SandboxUnavailableError extends Error {
  override readonly name = 'SandboxUnavailableError';
}

export interface SandboxServiceDeps {
  readonly dataDir: string;
  readonly node: NodeRuntime;
  readonly serversRoot?: string;
  /** The server's current allowed hosts (read at each proxied connection). */
  readonly allowedHosts: (serverId: string) => readonly string[];
  /** A line for the server's log (refused connections). */
  readonly log: (serverId: string, text: string) => void;
  readonly platform?: NodeJS.Platform;
  readonly env?: NodeJS.ProcessEnv;
}

/** The loopback port a strict Linux sandbox's HTTP_PROXY points at (its network namespace is its own). */
const RELAY_PORT = 3128;
const MAX_SOCKET_PATH = 100;
/** Refused hosts are logged once a minute per host, not once per retry. */
const REFUSAL_LOG_EVERY_MS = 60_000;

export class SandboxService {
  readonly #deps: SandboxServiceDeps;
  readonly #platform: NodeJS.Platform;
  readonly #env: NodeJS.ProcessEnv;
  #support: Promise<SandboxSupport> | undefined;
  readonly #proxies = new Map<string, Promise<EgressProxy>>();
  readonly #refusalsLogged = new Map<string, number>();

  constructor(deps: SandboxServiceDeps) {
    this.#deps = deps;
    this.#platform = deps.platform ?? process.platform;
    this.#env = deps.env ?? process.env;
  }

  /** Whether this machine can sandbox (asked once; bubblewrap is run once to be sure). */
  support(): Promise<SandboxSupport> {
    this.#support ??= detectSandboxSupport(this.#platform, this.#env.PATH ?? '');
    return this.#support;
  }

  /**
   * The server's command line, sandboxed as its definition says. `programPaths` are files the
   * program needs besides its command (a bundled server's entry script).
   */
  async wrap(def: ServerDefinition, spec: SpawnSpec, deniedPaths: readonly string[], programPaths: readonly string[] = []): Promise<{ spawn: SpawnSpec; outcome: SandboxOutcome }> {
    const level = sandboxLevel(def) ?? 'off';
    if (level === 'off') return { spawn: spec, outcome: { level, applied: false, reason: 'its sandbox is off', summary: 'not sandboxed: its sandbox is off' } };
    const support = await this.support();
    if (!support.available) {
      if (level === 'strict') throw new SandboxUnavailableError(`its strict sandbox cannot run here: ${support.reason}; or choose: mcp-tray servers set ${def.id} sandbox=off`);
      return { spawn: spec, outcome: { level, applied: false, reason: support.reason, summary: `not sandboxed: ${support.reason}` } };
    }
    const searchPath = spec.env.PATH ?? '';
    const command = resolveCommand(spec.command, searchPath);
    // The sandbox would only say "execvp failed": say "not installed" as an unsandboxed start does.
    if (!path.isAbsolute(command)) throw new CommandNotFoundError(spec.command, searchPath);
    const profile = this.profileOf(def, level, command, deniedPaths);
    // What must exist to be mounted: the runner's caches, the folders a bundled server owns.
    for (const folder of [...profile.caches, ...profile.owned]) mkdirSync(folder, { recursive: true, mode: 0o700 });
    const spawn = support.mechanism === 'sandbox-exec' ? await this.#seatbelt(def, spec, command, profile, support) : await this.#bubblewrap(def, spec, command, profile, support, programPaths);
    return { spawn, outcome: { level, applied: true, mechanism: support.mechanism, summary: `sandbox: ${level} (${support.mechanism}); ${describeReach(profile).join('; ')}` } };
  }

  profileOf(def: ServerDefinition, level: 'standard' | 'strict', command: string, deniedPaths: readonly string[]): SandboxProfile {
    return sandboxProfile(def, level, command, { dataDir: this.#deps.dataDir, deniedPaths, home: this.#env.HOME || os.homedir(), env: this.#env, uid: process.getuid?.(), platform: this.#platform });
  }

  /** What the server's card says: sandboxed or not and why, and what it may reach. */
  async info(def: ServerDefinition, deniedPaths: readonly string[]): Promise<SandboxInfo> {
    const level = sandboxLevel(def);
    if (level === undefined) return { level: 'off', sandboxed: false, reason: 'a remote server runs elsewhere', reach: [], gaps: [], allowedHosts: [], settable: false };
    const allowedHosts = def.kind === 'http' ? [] : (def.allowedHosts ?? []);
    if (level === 'off') return { level, sandboxed: false, reason: 'its sandbox is off', reach: [], gaps: [], allowedHosts, settable: true };
    const support = await this.support();
    if (!support.available) return { level, sandboxed: false, reason: support.reason, reach: [], gaps: [], allowedHosts, settable: true };
    const command = def.kind === 'stdio' ? def.command : this.#deps.node.command;
    const profile = this.profileOf(def, level, command, deniedPaths);
    return { level, sandboxed: true, mechanism: support.mechanism, reach: describeReach(profile), gaps: sandboxGaps(profile), allowedHosts, settable: true };
  }

  /** Whether the server's write mode decides how its folders are mounted: it runs sandboxed and has folders. */
  async mountsFolders(def: ServerDefinition, deniedPaths: readonly string[]): Promise<boolean> {
    const level = sandboxLevel(def);
    if (level === undefined || level === 'off' || !(await this.support()).available) return false;
    const profile = this.profileOf(def, level, def.kind === 'stdio' ? def.command : this.#deps.node.command, deniedPaths);
    return profile.folders.length + profile.owned.length > 0;
  }

  async stopAll(): Promise<void> {
    const proxies = [...this.#proxies.values()];
    this.#proxies.clear();
    await Promise.all(proxies.map(async (proxy) => (await proxy.catch(() => undefined))?.close()));
  }

  async #bubblewrap(def: ServerDefinition, spec: SpawnSpec, command: string, profile: SandboxProfile, support: SandboxSupport, programPaths: readonly string[]): Promise<SpawnSpec> {
    // Its TMPDIR, if the user's points elsewhere, would be read-only or hidden: the private /tmp instead.
    const env: Record<string, string> = { ...spec.env, ...(spec.env.TMPDIR !== undefined ? { TMPDIR: '/tmp' } : {}) };
    // Its address would lead nowhere (the socket is hidden), or to an abstract socket.
    delete env.DBUS_SESSION_BUS_ADDRESS;
    let target = { command, args: spec.args, cwd: spec.cwd };
    let proxySocket: string | undefined;
    const relay = programEntry('sandbox-relay', this.#deps.serversRoot);
    if (profile.level === 'strict') {
      const proxy = await this.#proxy(def.id);
      proxySocket = (proxy.endpoint as { socketPath: string }).socketPath;
      Object.assign(env, proxyEnv(`http://127.0.0.1:${RELAY_PORT}`));
      // The relay runs on the hub's Node: in the app that is Electron, run as Node.
      const dropped = Object.keys(this.#deps.node.env).filter((name) => !(name in spec.env));
      Object.assign(env, this.#deps.node.env);
      target = {
        command: this.#deps.node.command,
        args: [relay, '--socket', PROXY_SOCKET_INSIDE, '--port', String(RELAY_PORT), ...dropped.flatMap((name) => ['--drop-env', name]), '--', command, ...spec.args],
        cwd: spec.cwd,
      };
    }
    const args = bwrapArgs(profile, target, {
      disableUserns: support.disableUserns === true,
      programPaths: [command, ...programPaths, ...(profile.level === 'strict' ? [this.#deps.node.command, relay] : []), ...spec.args.filter((arg) => path.isAbsolute(arg))],
      proxySocket,
      lookup: hostPath,
    });
    return { command: support.program!, args, cwd: spec.cwd, env };
  }

  async #seatbelt(def: ServerDefinition, spec: SpawnSpec, command: string, profile: SandboxProfile, support: SandboxSupport): Promise<SpawnSpec> {
    const tempDir = mkdtempSync(path.join(os.tmpdir(), `mcp-tray-${def.id}-`));
    const env: Record<string, string> = { ...spec.env, TMPDIR: tempDir };
    let proxyPort: number | undefined;
    if (profile.level === 'strict') {
      const proxy = await this.#proxy(def.id);
      proxyPort = (proxy.endpoint as { port: number }).port;
      Object.assign(env, proxyEnv(`http://127.0.0.1:${proxyPort}`));
    }
    const text = seatbeltProfile(profile, { tempDir, proxyPort });
    return { command: support.program!, args: ['-p', text, command, ...spec.args], cwd: spec.cwd, env };
  }

  /** The server's proxy, started at its first strict start and kept while the hub runs. */
  #proxy(serverId: string): Promise<EgressProxy> {
    let proxy = this.#proxies.get(serverId);
    if (!proxy) {
      proxy = EgressProxy.listen({
        socketPath: this.#platform === 'darwin' ? undefined : this.#proxySocketPath(serverId),
        allowedHosts: () => this.#deps.allowedHosts(serverId),
        refused: (target, reason) => this.#logRefusal(serverId, target, reason),
      });
      proxy.catch(() => this.#proxies.delete(serverId));
      this.#proxies.set(serverId, proxy);
    }
    return proxy;
  }

  #proxySocketPath(serverId: string): string {
    const inside = path.join(this.#deps.dataDir, 'sandbox', `${serverId}.sock`);
    if (Buffer.byteLength(inside) <= MAX_SOCKET_PATH) return inside;
    const runtime = path.join(this.#env.XDG_RUNTIME_DIR || os.tmpdir(), `mcp-tray-sandbox-${process.getuid?.() ?? 'user'}`);
    mkdirSync(runtime, { recursive: true, mode: 0o700 });
    assertPrivateFolder(runtime);
    return path.join(runtime, `${serverId}-${process.pid}.sock`);
  }

  #logRefusal(serverId: string, target: string, reason: string): void {
    const key = `${serverId} ${target}`;
    const last = this.#refusalsLogged.get(key) ?? 0;
    if (Date.now() - last < REFUSAL_LOG_EVERY_MS) return;
    this.#refusalsLogged.set(key, Date.now());
    this.#deps.log(serverId, `sandbox: refused a connection to ${target}: ${reason}; to let it through: mcp-tray servers set ${serverId} allowedHosts=…,${target}`);
  }
}

/** The proxy variables, in both cases (programs read one or the other); Node 24 reads them with NODE_USE_ENV_PROXY. */
function proxyEnv(url: string): Record<string, string> {
  return { HTTP_PROXY: url, HTTPS_PROXY: url, http_proxy: url, https_proxy: url, NODE_USE_ENV_PROXY: '1', NO_PROXY: '', no_proxy: '' };
}

function hostPath(p: string): HostPath {
  try {
    const real = realpathSync(p);
    const stat = lstatSync(real);
    return { real, kind: stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : 'other' };
  } catch {
    return { real: p, kind: 'missing' };
  }
}
