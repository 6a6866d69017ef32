// Requests a server sends to "its client" (docs/gateway.md): sampling, elicitation and roots. On a
// per-client server's lane the client is known: the session the lane belongs to. On a shared server
// the request goes to the one session whose call caused it; when that cannot be told, it is refused
// with what to do about it. Roots of a session no client owns are the ones set in MCP Tray.
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { asRoots, configuredRoots, sessionMode } from '../server-registry/session-mode.ts';
import { AnyResultSchema } from '../upstream/passthrough-schemas.ts';
import type { ServerRequest, UpstreamCall } from '../upstream/upstream-connection.ts';
import type { ClientSession } from './client-session.ts';
import type { ServerDirectory } from './server-directory.ts';

/** A request a client is answering for a server: as long as a person may take to answer it. */
const CLIENT_ANSWER_TIMEOUT_MS = 10 * 60_000;
const ROOTS_TIMEOUT_MS = 30_000;

export interface InflightCall {
  readonly serverId: string;
  readonly session: ClientSession;
  readonly requestId: string | number;
}

export interface ServerToClientContext {
  readonly directory: ServerDirectory;
  session(sessionId: string): ClientSession | undefined;
  /** Client calls to this server still in progress, oldest first. */
  inflight(serverId: string): InflightCall[];
  /** A shared server's request could not be routed (the UI offers per-client sessions). */
  unrouted(serverId: string, method: string, sessions: number): void;
  /** A line in the server's log. */
  log(serverId: string, text: string): void;
}

/** Sampling or elicitation from a server (or, with `sessionId`, from one session's own lane of it). */
export async function routeServerRequest(
  ctx: ServerToClientContext,
  serverId: string,
  request: ServerRequest,
  signal: AbortSignal,
  sessionId?: string,
): Promise<Record<string, unknown>> {
  const what = request.method === 'sampling/createMessage' ? 'sampling' : 'elicitation';
  if (sessionId !== undefined) {
    const session = ctx.session(sessionId);
    if (!session) throw new McpError(ErrorCode.InvalidRequest, `MCP Tray cannot route this ${what} request from server "${serverId}": the client session it belongs to has closed`);
    // Sent beside the call in progress when there is one: an HTTP client reads it on that call's stream.
    const call = ctx.inflight(serverId).findLast((c) => c.session === session);
    return ask(session, what, request, signal, call?.requestId);
  }
  const calls = ctx.inflight(serverId);
  const sessions = new Set(calls.map((call) => call.session));
  if (sessions.size !== 1) {
    ctx.unrouted(serverId, request.method, sessions.size);
    const why =
      sessions.size === 0
        ? 'no client call to it is in progress'
        : `calls from ${sessions.size} client sessions are in progress and the request does not say which one caused it`;
    throw new McpError(ErrorCode.InvalidRequest, `MCP Tray cannot route this ${what} request from server "${serverId}": ${why}${switchAdvice(ctx, serverId)}`);
  }
  const session = [...sessions][0]!;
  const call = calls.findLast((c) => c.session === session)!;
  return ask(session, what, request, signal, call.requestId);
}

/** The server asks for roots: its client's (per-client lane), else the ones set in MCP Tray, or none; a shared server's log says which. */
export async function answerRoots(ctx: ServerToClientContext, serverId: string, signal: AbortSignal, sessionId?: string): Promise<{ roots: Array<{ uri: string; name?: string }> }> {
  const def = ctx.directory.get(serverId)?.def;
  const configured = def ? asRoots(configuredRoots(def)) : [];
  const set = configured.length > 0 ? `the roots set for it in MCP Tray (${configured.map((r) => r.uri).join(', ')})` : 'no roots';
  const session = sessionId === undefined ? undefined : ctx.session(sessionId);
  if (session) {
    // A 2026-07-28 client that declared roots is asked through its call's input_required result.
    const modern = session.era === 'modern' ? askModern(ctx, serverId, session, { method: 'roots/list' }, signal) : undefined;
    if (modern) return (await modern) as { roots: Array<{ uri: string; name?: string }> };
    if (session.server.getClientCapabilities()?.roots) {
      // Beside the session's call in progress when there is one, like sampling (see above).
      const call = ctx.inflight(serverId).findLast((c) => c.session === session);
      return (await session.server.listRoots(undefined, { signal, timeout: ROOTS_TIMEOUT_MS, relatedRequestId: call?.requestId })) as { roots: Array<{ uri: string; name?: string }> };
    }
    ctx.log(serverId, `${session.identity.label} declares no roots of its own; answered the server's roots request with ${set}`);
    return { roots: configured };
  }
  const whose =
    def && sessionMode(def) === 'per-client'
      ? "on MCP Tray's own session with it, which no client owns"
      : 'because it is shared by every client, so no one client\'s roots apply';
  const hint = configured.length > 0 ? '' : `; set some with: mcp-tray servers set ${serverId} roots=DIR,DIR`;
  ctx.log(serverId, `answered the server's roots request with ${set}, ${whose}${hint}${switchAdvice(ctx, serverId)}`);
  return { roots: configured };
}

/**
 * For a server that speaks 2026-07-28: it asks in the result of one client call, so the client is
 * known. Sampling and elicitation go to that client (a 2025 one as requests beside its call, a
 * 2026-07-28 one in its call's `input_required` under the server's own key); roots are the
 * client's when it declared them, else the ones set in MCP Tray.
 */
export function askDuringCall(ctx: ServerToClientContext, serverId: string, session: ClientSession, requestId: string | number): UpstreamCall {
  const clientCapabilities = session.era === 'modern' ? session.modernClient?.capabilities : session.server.getClientCapabilities();
  return {
    clientEra: session.era,
    clientCapabilities: clientCapabilities as Record<string, unknown> | undefined,
    ask: async (request, key, signal) => {
      if (request.method === 'sampling/createMessage' || request.method === 'elicitation/create') {
        const what = request.method === 'sampling/createMessage' ? 'sampling' : 'elicitation';
        return ask(session, what, { method: request.method, params: request.params ?? {} }, signal, requestId, key);
      }
      if (request.method !== 'roots/list') throw new McpError(ErrorCode.InvalidRequest, `server "${serverId}" asked for ${request.method}, which MCP Tray does not pass to clients`);
      if (session.era === 'modern') {
        const asked = session.askDuringCall?.(request, requestId, signal, key);
        if (asked) return asked;
      } else if (clientCapabilities?.roots) {
        return (await session.server.listRoots(undefined, { signal, timeout: ROOTS_TIMEOUT_MS, relatedRequestId: requestId })) as Record<string, unknown>;
      }
      const def = ctx.directory.get(serverId)?.def;
      return { roots: def ? asRoots(configuredRoots(def)) : [] };
    },
  };
}

function askModern(ctx: ServerToClientContext, serverId: string, session: ClientSession, request: { method: string }, signal: AbortSignal) {
  const call = ctx.inflight(serverId).findLast((c) => c.session === session);
  return call ? session.askDuringCall?.(request, call.requestId, signal) : undefined;
}

/** For a shared command server: how to give each client its own process. */
function switchAdvice(ctx: ServerToClientContext, serverId: string): string {
  const def = ctx.directory.get(serverId)?.def;
  if (!def || def.kind !== 'stdio' || sessionMode(def) !== 'shared') return '';
  return `. To give each client session its own process of this server, run: mcp-tray servers set ${serverId} sessions=per-client (or choose "One per client" in its settings in MCP Tray)`;
}

async function ask(
  session: ClientSession,
  what: 'sampling' | 'elicitation',
  request: ServerRequest,
  signal: AbortSignal,
  relatedRequestId: string | number | undefined,
  key?: string,
): Promise<Record<string, unknown>> {
  if (session.era === 'modern') {
    // Carried as the call's input_required result; the client's declared capabilities are checked there.
    const asked = relatedRequestId === undefined ? undefined : session.askDuringCall?.({ method: request.method, params: request.params as Record<string, unknown> }, relatedRequestId, signal, key);
    if (asked) return asked;
    throw new McpError(ErrorCode.InvalidRequest, `MCP Tray cannot ask client "${session.identity.label}" for ${what}: no call of it that could carry the request is in progress`);
  }
  const capabilities = session.server.getClientCapabilities();
  const supported = what === 'sampling' ? capabilities?.sampling : capabilities?.elicitation;
  if (!supported) throw new McpError(ErrorCode.InvalidRequest, `client "${session.identity.label}" does not support ${what}`);
  return session.server.request({ method: request.method, params: request.params } as never, AnyResultSchema, {
    signal,
    relatedRequestId,
    timeout: CLIENT_ANSWER_TIMEOUT_MS,
  }) as Promise<Record<string, unknown>>;
}
