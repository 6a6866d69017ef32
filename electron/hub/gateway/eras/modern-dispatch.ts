// Answers a 2026-07-28 request (docs/protocol-eras.md) with a v2 SDK `Server` built for it, whose
// handlers call the same gateway methods a 2025 session's do: one catalog, one policy, the same
// approvals, limits and call log. The SDK answers server/discover and subscriptions/listen itself;
// what a handler needs from the request (abort signal, progress, the client's envelope) is turned
// here into the SDK-free shapes the gateway takes. Loaded only with the first modern request.
import { McpServer, ProtocolError, Server, type ServerContext } from '@modelcontextprotocol/server';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { HUB_SERVER_INFO, type ClientSession, type SessionIdentity } from '../client-session.ts';
import type { Extra } from '../forward.ts';
import type { Gateway } from '../gateway.ts';
import type { InputRequiredCalls } from './modern-input-required.ts';
import { TooManyModernSessionsError, type ModernSessions } from './modern-sessions.ts';

export type ModernGateway = Pick<
  Gateway,
  'listTools' | 'callTool' | 'listPrompts' | 'getPrompt' | 'listResources' | 'listResourceTemplates' | 'readResource' | 'complete' | 'instructions' | 'catalog'
>;

type Params = Record<string, unknown> & { _meta?: Record<string, unknown> };

function serverOptions(gateway: ModernGateway, calls: InputRequiredCalls) {
  return {
    capabilities: {
      tools: { listChanged: true },
      prompts: { listChanged: true },
      resources: { listChanged: true },
      completions: {},
    },
    instructions: gateway.instructions(),
    // A retry's requestState is checked by the SDK before a handler runs (modern-input-required.ts).
    requestState: { verify: calls.verify },
  };
}

/** A v2 `Server` for one modern connection (the bridge). */
export function modernServer(gateway: ModernGateway, sessions: ModernSessions, calls: InputRequiredCalls, identityOf: (ctx: ServerContext) => SessionIdentity | undefined): Server {
  return withHandlers(new Server(HUB_SERVER_INFO, serverOptions(gateway, calls)), gateway, sessions, calls, identityOf);
}

/**
 * The same for one modern HTTP request, as an `McpServer`: the SDK's HTTP entry then checks a
 * tools/call's `Mcp-Param-*` headers against the tool's input schema (its `x-mcp-header`
 * arguments) before the call is dispatched, and refuses a mismatch with -32020. The schema is the
 * catalog's; the handlers are the low-level ones below (no tool is registered with the McpServer).
 */
export function modernHttpServer(
  gateway: ModernGateway,
  sessions: ModernSessions,
  calls: InputRequiredCalls,
  identityOf: (ctx: ServerContext) => SessionIdentity | undefined,
): McpServer {
  const mcp = new McpServer(HUB_SERVER_INFO, serverOptions(gateway, calls));
  withHandlers(mcp.server, gateway, sessions, calls, identityOf);
  mcp.toolInputSchemaJson = (name: string) => gateway.catalog().tools.get(name)?.item.inputSchema as Record<string, unknown> | undefined;
  return mcp;
}

function withHandlers(
  server: Server,
  gateway: ModernGateway,
  sessions: ModernSessions,
  calls: InputRequiredCalls,
  identityOf: (ctx: ServerContext) => SessionIdentity | undefined,
): Server {

  /**
   * Runs a handler in the request's session, with the gateway's errors as the SDK's. The signal the
   * gateway gets is the hub's own, aborted when the request's is and let go when the call ends,
   * so what the call hangs on it (the upstream call's abort listener) never outlives the call,
   * whatever the SDK keeps its own request signals tied to.
   */
  const inSession = async <T>(ctx: ServerContext, run: (session: ClientSession, extra: Extra) => Promise<T> | T): Promise<T> => {
    const controller = new AbortController();
    const abort = () => controller.abort(ctx.mcpReq.signal.reason);
    if (ctx.mcpReq.signal.aborted) abort();
    else ctx.mcpReq.signal.addEventListener('abort', abort, { once: true });
    try {
      const session = sessionOf(sessions, ctx, identityOf);
      session.askDuringCall = (request, callId, signal, key) => calls.ask(session, request, callId, signal, key);
      return await sessions.during(session, async () => run(session, extraOf(ctx, controller.signal)));
    } catch (error) {
      throw protocolError(error);
    } finally {
      ctx.mcpReq.signal.removeEventListener('abort', abort);
    }
  };

  server.setRequestHandler('tools/list', (_request, ctx) => inSession(ctx, (session) => ({ tools: gateway.listTools(session) }) as never));
  server.setRequestHandler('prompts/list', (_request, ctx) => inSession(ctx, (session) => ({ prompts: gateway.listPrompts(session) }) as never));
  server.setRequestHandler('resources/list', (_request, ctx) => inSession(ctx, (session) => ({ resources: gateway.listResources(session) }) as never));
  server.setRequestHandler('resources/templates/list', (_request, ctx) =>
    inSession(ctx, (session) => ({ resourceTemplates: gateway.listResourceTemplates(session) }) as never),
  );
  /**
   * The methods during which a server may ask its client for something: each round runs in
   * `calls` (modern-input-required.ts), which keeps the upstream call across the client's retries.
   * The call's signal and id are its own (a round's request ends at its `input_required`).
   */
  const withInput =
    (run: (session: ClientSession, params: Params, extra: Extra) => Promise<Record<string, unknown>>) =>
    (request: { params?: unknown }, ctx: ServerContext) =>
      inSession(ctx, (session, extra) =>
        calls.round(session, ctx, (callId, signal, notify) =>
          run(session, paramsOf(request.params, ctx), { ...extra, requestId: callId, signal, sendNotification: notify } as unknown as Extra),
        ),
      ) as never;
  server.setRequestHandler('prompts/get', withInput((session, params, extra) => gateway.getPrompt(session, params as never, extra) as never));
  server.setRequestHandler('resources/read', withInput((session, params, extra) => gateway.readResource(session, params as never, extra) as never));
  server.setRequestHandler('completion/complete', (request, ctx) =>
    inSession(ctx, (session, extra) => gateway.complete(session, paramsOf(request.params, ctx) as never, extra) as never),
  );
  // A registered handler, so the SDK answers a method the hub does not serve (or that 2026-07-28
  // removed) the way the revision says: 404, -32601. It also checks the result against the spec's
  // schema: a content type the revision does not know fails as a protocol error naming the tool.
  server.setRequestHandler('tools/call', withInput((session, params, extra) => gateway.callTool(session, params, extra)));
  return server;
}

function sessionOf(sessions: ModernSessions, ctx: ServerContext, identityOf: (ctx: ServerContext) => SessionIdentity | undefined): ClientSession {
  const identity = identityOf(ctx);
  if (!identity) throw new McpError(ErrorCode.InvalidRequest, 'MCP Tray could not tell which client sent this request');
  const envelope = (ctx.mcpReq.envelope ?? {}) as Record<string, unknown>;
  const info = envelope['io.modelcontextprotocol/clientInfo'] as { name?: unknown; version?: unknown } | undefined;
  const clientInfo = typeof info?.name === 'string' ? { name: info.name, version: typeof info.version === 'string' ? info.version : '' } : undefined;
  const protocolVersion = String(envelope['io.modelcontextprotocol/protocolVersion'] ?? '');
  const capabilities = envelope['io.modelcontextprotocol/clientCapabilities'] as Record<string, unknown> | undefined;
  return sessions.resolve(identity, { protocolVersion, ...(clientInfo && { clientInfo }), ...(capabilities && { capabilities }) });
}

/** The request's params as a 2025 handler sees them: the envelope keys and a retry's fields stay with the SDK (they are not forwarded upstream). */
function paramsOf(raw: unknown, ctx: ServerContext): Params {
  const { _meta: _envelope, inputResponses: _responses, requestState: _state, ...params } = (raw ?? {}) as Params;
  const meta = ctx.mcpReq._meta as Record<string, unknown> | undefined;
  return meta && Object.keys(meta).length > 0 ? { ...params, _meta: meta } : params;
}

/**
 * What the gateway takes from a request: its abort signal, its id, and notifications that belong
 * to it (progress). A server's requests to the client reach it through `session.askDuringCall`
 * (an `input_required` result), never as a request on this one.
 */
function extraOf(ctx: ServerContext, signal: AbortSignal): Extra {
  return {
    signal,
    requestId: ctx.mcpReq.id,
    sessionId: undefined,
    _meta: ctx.mcpReq._meta,
    sendNotification: (notification: { method: string; params?: Record<string, unknown> }) => ctx.mcpReq.notify(notification as never),
    sendRequest: () => Promise.reject(new McpError(ErrorCode.InvalidRequest, 'a 2026-07-28 client cannot be sent requests during a call through MCP Tray yet')),
  } as unknown as Extra;
}

/** The gateway's errors (the 1.x SDK's McpError, limits, caps) as the JSON-RPC error the v2 SDK sends. */
function protocolError(error: unknown): unknown {
  if (error instanceof ProtocolError) return error;
  if (error instanceof TooManyModernSessionsError) return new ProtocolError(-32000, error.message);
  const { code, message, data } = (error ?? {}) as { code?: unknown; message?: unknown; data?: unknown };
  if (Number.isSafeInteger(code)) return ProtocolError.fromError(code as number, String(message ?? 'Internal error'), data);
  return error;
}
