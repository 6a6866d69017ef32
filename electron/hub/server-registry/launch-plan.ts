// From a server definition to what to start: the command line of a bundled or user-defined
// stdio server (never a shell, never anything an MCP client sent), sandboxed as its definition
// says (sandbox/sandbox-service.ts), or the URL of a remote one.
import module from 'node:module';
import path from 'node:path';
import type { ServerDefinition } from '../settings/schema.ts';
import { childEnvironment } from '../supervisor/child-env.ts';
import type { SandboxService } from '../sandbox/sandbox-service.ts';
import { resolveCommand, type SpawnSpec } from '../supervisor/process-group.ts';
import type { LaunchPlan, RemoteAuth } from '../upstream/launch.ts';
import { BUNDLED_SERVERS, bundledEntry, expandHome } from './bundled-catalog.ts';

/** The Node that runs bundled servers: the hub's own (Electron's, run as Node, in the app). */
export interface NodeRuntime {
  readonly command: string;
  readonly env: Record<string, string>;
  /**
   * Whether it takes Node's own flags before the script, as Node (and Electron run as Node) does.
   * The packaged app's runtime does not: its first argument must be the server's entry.
   */
  readonly takesNodeFlags?: boolean;
}

export function currentNodeRuntime(): NodeRuntime {
  return { command: process.execPath, env: process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}, takesNodeFlags: true };
}

export interface PlanContext {
  readonly dataDir: string;
  readonly serversRoot?: string;
  readonly node: NodeRuntime;
  /** Secret env values (stdio) or secret header values (http), read from the keychain. */
  readonly secrets: Record<string, string>;
  /** Absolute paths no bundled server may reach. */
  readonly deniedPaths: readonly string[];
  /** For a remote server that signs in: its auth, given the headers for its own origin. */
  readonly remoteAuth?: (headers: Record<string, string>) => Promise<RemoteAuth>;
  /** Sandboxes command servers; without it (tests of the plan alone) they run as they are. */
  readonly sandbox?: Pick<SandboxService, 'wrap'>;
}

/**
 * V8 flags for our own servers, given before their first module loads. Each sits idle most of its
 * life: a young generation held at 1 MB from the start (the server's own setting, made once its
 * first module runs, comes after loading has grown it) keeps about 7 MB off each (docs/benchmarks.md).
 */
export const BUNDLED_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];

export async function launchPlanFor(def: ServerDefinition, ctx: PlanContext): Promise<LaunchPlan> {
  switch (def.kind) {
    case 'bundled': {
      const info = BUNDLED_SERVERS[def.bundled];
      // Our own servers share the hub's compile cache: they start faster and lighter. The hub's is a
      // per-version folder that Node adds to the folder it is given: a server gets that folder.
      const cache = module.getCompileCacheDir?.();
      const declared = { ...ctx.node.env, ...(cache ? { NODE_COMPILE_CACHE: path.dirname(cache) } : {}), ...info.env(def.options, ctx.dataDir, { deniedPaths: ctx.deniedPaths }) };
      const entry = bundledEntry(def.bundled, ctx.serversRoot);
      // In a sandbox the compile cache is read-only: a server may use it, never change what the hub runs.
      const programPaths = [entry, ...(cache ? [cache] : [])];
      const args = [...(ctx.node.takesNodeFlags ? BUNDLED_NODE_FLAGS : []), entry, ...info.args(def.options, ctx.dataDir)];
      return sandboxed(def, { command: ctx.node.command, args, env: await childEnvironment(declared, ctx.secrets) }, ctx, programPaths);
    }
    case 'stdio': {
      const command = expandHome(def.command);
      let env = await childEnvironment(def.env, ctx.secrets);
      // Not on the PATH remembered from the hub's last run: this run's answer of the login shell decides.
      if (!onPath(command, env.PATH ?? env.Path ?? '')) env = await childEnvironment(def.env, ctx.secrets, { fresh: true });
      return sandboxed(def, { command, args: def.args, cwd: def.cwd === undefined ? undefined : expandHome(def.cwd), env }, ctx);
    }
    case 'http': {
      const headers = { ...def.headers, ...ctx.secrets };
      return { kind: 'remote', url: def.url, headers, ...(ctx.remoteAuth ? { auth: await ctx.remoteAuth(headers) } : {}) };
    }
  }
}

async function sandboxed(def: ServerDefinition, spawn: SpawnSpec, ctx: PlanContext, programPaths: string[] = []): Promise<LaunchPlan> {
  if (!ctx.sandbox) return { kind: 'process', spawn };
  const wrapped = await ctx.sandbox.wrap(def, spawn, ctx.deniedPaths, programPaths);
  return { kind: 'process', spawn: wrapped.spawn, sandbox: wrapped.outcome };
}

/** Whether a bare command name is found on the PATH (a path, or Windows, is the spawner's to resolve). */
const onPath = (command: string, searchPath: string) => /[\\/]/.test(command) || process.platform === 'win32' || resolveCommand(command, searchPath) !== command;
