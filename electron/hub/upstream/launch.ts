// Turns a resolved launch plan into a live transport: a child process in its own group speaking
// stdio, or a Streamable HTTP connection to a remote server. Either way the caller gets one shape:
// the transport, a promise of how it ended, and a stop() that leaves nothing running.
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { StreamTransport } from '../jsonrpc/stream-transport.ts';
import { spawnGroup, stopGroup, type ExitInfo, type SpawnSpec } from '../supervisor/process-group.ts';
import type { ServerLog } from '../supervisor/server-log.ts';
import type { SandboxOutcome } from '../sandbox/sandbox-service.ts';

export interface Launched {
  readonly transport: Transport;
  /** Resolves when the process exits or the remote connection closes. */
  readonly exited: Promise<ExitInfo>;
  readonly pid?: number;
  stop(): Promise<void>;
}

/**
 * A remote server that signs in (docs/oauth.md): the SDK's auth provider, and the fetch that adds
 * the server's headers to its own origin only (so they never reach the authorization server).
 */
export interface RemoteAuth {
  readonly authProvider: OAuthClientProvider;
  readonly fetch: FetchLike;
}

export type LaunchPlan =
  | { readonly kind: 'process'; readonly spawn: SpawnSpec; readonly sandbox?: SandboxOutcome }
  | { readonly kind: 'remote'; readonly url: string; readonly headers: Record<string, string>; readonly auth?: RemoteAuth };

/** `remoteTransport`: for a remote server that speaks 2026-07-28, the v2 client's transport (open-upstream.ts). */
export async function launch(plan: LaunchPlan, log: ServerLog, remoteTransport?: Transport): Promise<Launched> {
  return plan.kind === 'process' ? launchProcess(plan.spawn, log) : launchRemote(plan.url, plan.headers, log, plan.auth, remoteTransport);
}

async function launchProcess(spec: SpawnSpec, log: ServerLog): Promise<Launched> {
  const child = await spawnGroup(spec);
  const transport = new StreamTransport({
    input: child.stdout,
    output: child.stdin,
    onNoise: (text) => log.add('stdout', text),
  });
  child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
  // stdin errors (EPIPE after the child died) are expected during a crash; the exit says why.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      // The leader's exit ends the connection even if a grandchild still holds stdout open, so
      // calls in flight fail now instead of waiting for a pipe that may never close.
      transport.markClosed();
      resolve({ code, signal, at: new Date().toISOString() });
    });
  });
  let stopping: Promise<void> | undefined;
  return {
    transport,
    exited,
    pid: child.pid,
    stop: () => (stopping ??= stopGroup(child, exited)),
  };
}

async function launchRemote(url: string, headers: Record<string, string>, log: ServerLog, auth?: RemoteAuth, given?: Transport): Promise<Launched> {
  const transport = (given ?? new StreamableHTTPClientTransport(new URL(url), auth ? { authProvider: auth.authProvider, fetch: auth.fetch } : { requestInit: { headers } })) as StreamableHTTPClientTransport;
  let resolveExit!: (info: ExitInfo) => void;
  const exited = new Promise<ExitInfo>((resolve) => (resolveExit = resolve));
  let ending = false;
  const ended = (reason = 'the connection closed') => {
    resolveExit({ code: null, signal: null, at: new Date().toISOString(), reason });
  };
  // A lost session (404) or an unreachable server ends this connection: closing it fails the calls
  // in flight at once, and the supervisor reconnects (re-initializes) with backoff.
  const lost = (error: Error) => {
    const reason = connectionLossReason(error);
    if (!reason || ending) return;
    ending = true;
    ended(reason);
    void transport.close().catch(() => undefined);
  };
  // The client sets transport.onclose when it connects; chain ours in front of it.
  const wrapped: Transport = new Proxy(transport, {
    set(target, property, value) {
      if (property === 'onclose') {
        target.onclose = () => {
          ended();
          (value as (() => void) | undefined)?.();
        };
        return true;
      }
      if (property === 'onerror') {
        target.onerror = (error: Error) => {
          log.add('hub', `connection error: ${error.message}`);
          (value as ((e: Error) => void) | undefined)?.(error);
          lost(error);
        };
        return true;
      }
      return Reflect.set(target, property, value);
    },
  });
  return {
    transport: wrapped,
    exited,
    stop: async () => {
      ending = true;
      await transport.terminateSession().catch(() => undefined);
      await transport.close().catch(() => undefined);
      ended('stopped');
    },
  };
}

/** Whether an error of the HTTP client means the session or the server is gone, and how to say so. */
export function connectionLossReason(error: Error): string | undefined {
  if (error instanceof StreamableHTTPError && error.code === 404) return 'the remote server no longer knows this session (HTTP 404)';
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  if (cause === 'ECONNREFUSED' || cause === 'ECONNRESET' || cause === 'ENOTFOUND' || /fetch failed/i.test(error.message)) {
    return `the remote server is unreachable (${cause ?? error.message})`;
  }
  if (/Maximum reconnection attempts/.test(error.message)) return `the remote server's event stream could not be re-opened`;
  return undefined;
}
