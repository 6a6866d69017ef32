// Forwarding one request from a client session to the server that owns it, with the protocol
// plumbing a transparent hub needs: the client's progress token mapped both ways, cancellation
// passed on, `_meta` kept, and a server that dies mid-call reported at once, by name.
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { ErrorCode, McpError, type ServerNotification, type ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { describeExit, ServerUnavailableError } from '../supervisor/server-supervisor.ts';
import type { DirectoryServer } from './server-directory.ts';
import { withTraceContext } from '../telemetry/trace-meta.ts';
import type { UpstreamCall } from '../upstream/upstream-connection.ts';

export type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export class ServerExitedError extends Error {
  override readonly name = 'ServerExitedError';
}

export type ProgressToken = string | number;

/**
 * The client call a request's `extra` belongs to, set by the gateway while it runs: what a server
 * that speaks 2026-07-28 needs to ask that client for input during the call (upstream-connection.ts).
 */
export const upstreamCalls = new WeakMap<object, () => UpstreamCall>();

export function progressTokenOf(params: { _meta?: Record<string, unknown> } | undefined): ProgressToken | undefined {
  const token = params?._meta?.progressToken;
  return typeof token === 'string' || typeof token === 'number' ? token : undefined;
}

/** The client's `_meta` without its progress token: the hub substitutes its own toward the server. */
function metaForServer(meta: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!meta) return undefined;
  const { progressToken: _dropped, ...rest } = meta;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

export async function forwardRequest(
  supervisor: DirectoryServer,
  method: string,
  params: Record<string, unknown> & { _meta?: Record<string, unknown> },
  extra: Extra,
): Promise<Record<string, unknown>> {
  const clientToken = progressTokenOf(params);
  const { _meta, ...rest } = params;
  // The hub's span (when telemetry is on) becomes the server's parent: docs/telemetry.md.
  const meta = withTraceContext(metaForServer(_meta));
  const forwarded = meta ? { ...rest, _meta: meta } : rest;
  supervisor.callStarted();
  let run = supervisor.currentRun;
  // Progress sent to the client must leave before the result does: over HTTP the result closes
  // the call's event stream, and a notification still on its way would be lost.
  const progressSent: Array<Promise<void>> = [];
  let progress: { token: string; release(): void } | undefined;
  try {
    const connection = await supervisor.connectionForCall();
    run = supervisor.currentRun;
    progress =
      clientToken === undefined
        ? undefined
        : connection.progressToken((params) => {
            progressSent.push(
              extra.sendNotification({ method: 'notifications/progress', params: { ...params, progressToken: clientToken } }).catch(() => undefined),
            );
          });
    const params = progress ? { ...forwarded, _meta: { ...(forwarded._meta as object | undefined), progressToken: progress.token } } : forwarded;
    const result = await connection.forward(method, params, extra.signal, connection.era === 'modern' ? upstreamCalls.get(extra)?.() : undefined);
    if (progressSent.length > 0) await Promise.all(progressSent);
    return result;
  } catch (error) {
    if (extra.signal.aborted || error instanceof ServerUnavailableError) throw error;
    const exit = await supervisor.exitOfRun(run);
    if (exit) {
      throw new ServerExitedError(
        `server "${supervisor.id}" exited (${describeExit(exit)}) while handling ${method}; ` +
          `MCP Tray restarts it${supervisor.def.startup === 'on-demand' ? ' at the next call' : ' with backoff'}`,
      );
    }
    throw error;
  } finally {
    progress?.release();
    supervisor.callEnded();
  }
}

/** Errors from forwarding, as the JSON-RPC error a client should get. */
export function asProtocolError(error: unknown): McpError {
  if (error instanceof McpError) return error;
  return new McpError(ErrorCode.InternalError, error instanceof Error ? error.message : String(error));
}
